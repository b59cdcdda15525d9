"""Checking the secretariat's long sheet (a row per unit, month and indicator) before anything is written."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import BinaryIO

from django.utils import timezone

from core.spreadsheets import CellErrors, TableRow, find_table, open_workbook, parse_month, text_code
from core.spreadsheets import Table as SheetTable
from criteria.models import Indicator
from emulation.plan.models import Campaign
from emulation.reports import figures as fig
from emulation.reports.excel.layout import LONG_HEADER
from emulation.reports.models import ReportEntry
from units.models import Unit

Progress = Callable[[int, int], None]
"""Called with (rows checked, rows in the file) every PROGRESS_EVERY rows."""


PROGRESS_EVERY = 100


COL_UNIT, COL_MONTH, COL_CODE, COL_NUM, COL_DEN, COL_VALUE = LONG_HEADER


@dataclass
class LongRow:
    """One checked row of the long layout."""

    number: int
    unit: Unit
    month: date
    indicator: Indicator
    numerator: int | None = None
    denominator: int | None = None
    value: Decimal | None = None


MISSING = {
    "numerator": "Chỉ tiêu tỷ lệ {code} cần cả tử số và mẫu số.",
    "denominator": "Chỉ tiêu tỷ lệ {code} cần cả tử số và mẫu số.",
    "value": "Thiếu giá trị của chỉ tiêu {code}.",
    "appraised_score": "Thiếu điểm thẩm định của chỉ tiêu {code}.",
}


FIELD_COLUMN = {"numerator": COL_NUM, "denominator": COL_DEN, "value": COL_VALUE, "appraised_score": COL_VALUE}


class _LongChecker:
    """Checks rows against the campaign's units, months and indicators, loaded once."""

    def __init__(self, campaign: Campaign, table: SheetTable, errors: CellErrors):
        self.campaign, self.table, self.errors = campaign, table, errors
        self.units = {u.code.upper(): u for u in Unit.objects.all()}
        self.participants = set(campaign.participants.values_list("pk", flat=True))
        self.indicators = {
            i.code.casefold(): i for i in Indicator.objects.filter(campaign=campaign).prefetch_related("applies_to")
        }
        self.applies = {i.pk: {u.pk for u in i.applies_to.all()} for i in self.indicators.values()}
        self.months = set(campaign.months())
        self.this_month = timezone.localdate().replace(day=1)
        self.seen: dict[tuple[int, date, int], int] = {}

    def error(self, row: TableRow, column: str, message: str) -> None:
        self.errors.add(self.table.name, row.number, self.table.where(column), message)

    def check(self, row: TableRow) -> LongRow | None:
        cells = row.cells
        unit = self._unit(row, cells[COL_UNIT])
        month = self._month(row, cells[COL_MONTH])
        indicator = self._indicator(row, cells[COL_CODE])
        if unit is not None and indicator is not None:
            allowed = self.applies[indicator.pk]
            if allowed and unit.pk not in allowed:
                self.error(
                    row, COL_CODE, f"Chỉ tiêu {indicator.code} không áp dụng cho {unit.short_name} ({unit.code})."
                )
                indicator = None
        if unit is not None and month is not None and indicator is not None:
            key = (unit.pk, month, indicator.pk)
            if key in self.seen:
                self.error(
                    row, COL_CODE, f"Trùng với dòng {self.seen[key]}: cùng đơn vị, tháng và chỉ tiêu {indicator.code}."
                )
                indicator = None
            else:
                self.seen[key] = row.number
        if indicator is None:
            return None
        figures = self._figures(row, indicator)
        if unit is None or month is None or figures is None:
            return None
        numerator, denominator, value = figures
        return LongRow(row.number, unit, month, indicator, numerator, denominator, value)

    def _unit(self, row, raw) -> Unit | None:
        code = text_code(raw)
        if not code:
            self.error(row, COL_UNIT, "Thiếu mã đơn vị.")
            return None
        unit = self.units.get(code.upper())
        if unit is None:
            self.error(row, COL_UNIT, f"Không có đơn vị mã “{code[:20]}”.")
        elif unit.pk not in self.participants:
            self.error(row, COL_UNIT, f"Đơn vị {unit.code} không tham gia phong trào {self.campaign.code}.")
            unit = None
        return unit

    def _month(self, row, raw) -> date | None:
        if raw is None:
            self.error(row, COL_MONTH, "Thiếu tháng (dạng YYYY-MM, ví dụ 2026-03).")
            return None
        try:
            month = parse_month(raw)
        except ValueError as exc:
            self.error(row, COL_MONTH, str(exc))
            return None
        if month not in self.months:
            c = self.campaign
            self.error(
                row,
                COL_MONTH,
                f"Tháng {month:%m/%Y} nằm ngoài thời gian của phong trào "
                f"({c.start_date:%d/%m/%Y} – {c.end_date:%d/%m/%Y}).",
            )
            return None
        if month > self.this_month:  # no report is opened for a month to come (services.report_open)
            self.error(row, COL_MONTH, f"Tháng {month:%m/%Y} chưa bắt đầu: chỉ nhập số liệu tháng này hoặc trước đó.")
            return None
        return month

    def _indicator(self, row, raw) -> Indicator | None:
        code = text_code(raw)
        if not code:
            self.error(row, COL_CODE, "Thiếu mã chỉ tiêu.")
            return None
        indicator = self.indicators.get(code.casefold())
        if indicator is None:
            self.error(row, COL_CODE, f"Không có chỉ tiêu mã “{code[:20]}” trong phong trào {self.campaign.code}.")
        return indicator

    def _figures(self, row, indicator: Indicator) -> tuple[int | None, int | None, Decimal | None] | None:
        cells, code, ok = row.cells, indicator.code, True
        shape = indicator.shape
        if shape.is_ratio:
            why = f"Chỉ tiêu {code} là tỷ lệ: nhập Tử số và Mẫu số, để trống cột này."
        elif shape.is_score:
            why = f"Chỉ tiêu {code} là định tính: nhập điểm thẩm định ở cột Giá trị."
        else:
            why = f"Chỉ tiêu {code} là số lượng: nhập cột Giá trị, để trống cột này."
        used = {FIELD_COLUMN[name] for name in shape.imported}
        for column in (COL_NUM, COL_DEN, COL_VALUE):
            if column not in used and cells[column] is not None:
                self.error(row, column, why)
                ok = False
        # The secretariat's figure for a qualitative indicator is its appraised score.
        raw = {name: cells[FIELD_COLUMN[name]] for name in shape.imported}
        problems = fig.Problems()
        figures = fig.clean_entry(indicator, raw, problems)
        for (_, name), message in problems.errors.items():
            self.error(row, FIELD_COLUMN[name], message)
        for name in raw:
            if getattr(figures, name) is None and (code, name) not in problems.errors:
                self.error(row, FIELD_COLUMN[name], MISSING[name].format(code=code))
                ok = False
        if problems or not ok:
            return None
        value = figures.appraised_score if shape.is_score else figures.value
        return figures.numerator, figures.denominator, value


@dataclass
class CheckedSheet:
    """The long sheet read and checked row by row: good rows, and every error found so far."""

    name: str
    rows: list[LongRow]
    errors: CellErrors


def long_rows_check(*, campaign: Campaign, source: BinaryIO, progress: Progress | None = None) -> CheckedSheet:
    """Read the long sheet and check every row on its own (codes, month, duplicates, figures).

    Raises ExcelInvalid when the file cannot be read as a table at all (not an .xlsx, too big,
    no sheet with the header, renamed columns); otherwise returns the good rows and the errors.
    """
    workbook = open_workbook(source)
    errors = CellErrors()
    table = find_table(workbook, LONG_HEADER, errors)
    checker = _LongChecker(campaign, table, errors)
    total = len(table.rows)
    if progress:
        progress(0, total)
    rows = []
    for done, row in enumerate(table.rows, start=1):
        checked = checker.check(row)
        if checked is not None:
            rows.append(checked)
        if progress and done % PROGRESS_EVERY == 0:
            progress(done, total)
    if progress:
        progress(total, total)
    return CheckedSheet(name=table.name, rows=rows, errors=errors)


def _row_changes(entry: ReportEntry, row: LongRow) -> dict[str, tuple[str, object]]:
    """Field → (column, new value) of what the row would change in the entry (for a qualitative indicator
    the row's value is the secretariat's appraised score)."""
    given = {
        "numerator": row.numerator,
        "denominator": row.denominator,
        "value": row.value,
        "appraised_score": row.value,
    }
    wanted = {name: (FIELD_COLUMN[name], given[name]) for name in row.indicator.shape.imported}
    return {name: (column, new) for name, (column, new) in wanted.items() if getattr(entry, name) != new}
