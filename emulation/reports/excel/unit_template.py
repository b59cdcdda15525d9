"""Checking a unit's filled monthly template (both sheets) against its report, cell by cell, before writing."""

from dataclasses import dataclass
from typing import BinaryIO

from core.spreadsheets import (
    CellErrors,
    ExcelInvalid,
    column_label,
    find_table,
    labels_above,
    norm,
    open_workbook,
    parse_month,
    text_code,
)
from core.spreadsheets import Table as SheetTable
from criteria.models import Indicator
from emulation.reports import figures as fig
from emulation.reports import services
from emulation.reports.excel.layout import (
    ONE_STOP_HEADER,
    ONE_STOP_SHEET,
    TEMPLATE_FIELDS,
    TEMPLATE_HEADER,
    TEMPLATE_MONTH_LABEL,
    TEMPLATE_SHEET,
    TEMPLATE_UNIT_LABEL,
)
from emulation.reports.excel.long_sheet import Progress
from emulation.reports.models import MonthlyReport

_ONE_STOP_BY_LABEL = {norm(label): name for name, label in fig.ONE_STOP_LABELS.items()}


@dataclass
class CheckedTemplate:
    """A unit's template read and checked: the raw figures to hand to services.report_save_figures."""

    report: MonthlyReport
    entries: dict[str, dict]
    one_stop: dict | None

    def summary(self) -> str:
        report = self.report
        return (
            f"Đã lưu số liệu {len(self.entries)} chỉ tiêu vào báo cáo tháng {report.month:%m/%Y} của "
            f"{report.unit.short_name} (bản đang soạn; chưa gửi)."
        )


def report_template_check(
    *, report: MonthlyReport, source: BinaryIO, progress: Progress | None = None
) -> CheckedTemplate:
    """Read a unit's filled template and check every cell of both sheets; raise ExcelInvalid listing them all.

    The file must be this report's template (same unit code and month). A "Một cửa" sheet, when
    present, gives the one-stop counts; without it the counts already saved are kept.
    """
    workbook = open_workbook(source)
    errors = CellErrors()
    table = find_table(workbook, TEMPLATE_HEADER, errors, search_rows=20, sheet_name=TEMPLATE_SHEET)
    _check_template_identity(table, report, errors)
    indicators = {i.code.casefold(): i for i in Indicator.objects.filter(campaign=report.campaign)}
    applicable = {e.indicator.code for e in report.entries.select_related("indicator")}
    entries: dict[str, dict] = {}
    places: dict[tuple[str, str], tuple[str, int | None, str]] = {}
    for row in table.rows:
        _template_row(table, row, report, indicators, applicable, entries, places, errors)
    one_stop = _template_one_stop(workbook, places, errors)
    total = len(table.rows) + (len(one_stop) if one_stop is not None else 0)
    if progress:
        progress(total, total)
    try:
        services.figures_clean(report=report, entries=entries, one_stop=one_stop)
    except services.FiguresInvalid as exc:
        for (where, name), message in exc.problems.errors.items():
            fallback = (ONE_STOP_SHEET if where == "one_stop" else table.name, None, "")
            sheet, row, column = places.get((where, name)) or places.get((where, "code")) or fallback
            errors.add(sheet, row, column, message)
    if errors:
        raise ExcelInvalid(errors.items())
    return CheckedTemplate(report=report, entries=entries, one_stop=one_stop)


def _check_template_identity(table: SheetTable, report: MonthlyReport, errors: CellErrors) -> None:
    """The template says which unit and month it is for; uploading another one would mix reports up."""
    labels = labels_above(table)
    for label, expected, shown in (
        (TEMPLATE_UNIT_LABEL, report.unit.code, report.unit.code),
        (TEMPLATE_MONTH_LABEL, report.month, f"{report.month:%m/%Y}"),
    ):
        found = labels.get(norm(label))
        if found is None:
            errors.add(
                table.name, None, "", f"Không thấy ô “{label}” phía trên bảng: hãy dùng mẫu tải từ trang báo cáo."
            )
            continue
        row, raw = found
        where = column_label(2, label)
        if label == TEMPLATE_UNIT_LABEL:
            actual = text_code(raw)
            if actual.upper() != expected.upper():
                errors.add(table.name, row, where, f"Tệp là mẫu của đơn vị “{actual}”, không phải {shown}.")
            continue
        try:
            month = parse_month(raw)
        except ValueError as exc:
            errors.add(table.name, row, where, str(exc))
            continue
        if month != expected:
            errors.add(table.name, row, where, f"Tệp là mẫu tháng {month:%m/%Y}, không phải tháng {shown}.")


def _template_row(table, row, report, indicators, applicable, entries, places, errors) -> None:
    code_column = table.where("Mã chỉ tiêu")
    code = text_code(row.cells["Mã chỉ tiêu"])
    if not code:
        errors.add(table.name, row.number, code_column, "Thiếu mã chỉ tiêu.")
        return
    indicator = indicators.get(code.casefold())
    if indicator is None:
        errors.add(table.name, row.number, code_column, f"Không có chỉ tiêu mã “{code[:20]}” trong phong trào.")
        return
    code = indicator.code
    if code not in applicable:
        errors.add(table.name, row.number, code_column, f"Chỉ tiêu {code} không áp dụng cho {report.unit.short_name}.")
        return
    if code in entries:
        first = places[(code, "code")][1]
        errors.add(table.name, row.number, code_column, f"Trùng với dòng {first}: chỉ tiêu {code} đã có.")
        return
    places[(code, "code")] = (table.name, row.number, code_column)
    used = fig.input_fields(indicator)
    raw: dict = {}
    for name, column in TEMPLATE_FIELDS.items():
        where = table.where(column)
        places[(code, name)] = (table.name, row.number, where)
        value = row.cells[column]
        if name in used:
            raw[name] = "" if value is None and name == "explanation" else value
        elif value is not None and not errors.has(table.name, row.number, where):
            hint = "tính từ trang “Một cửa”" if fig.uses_one_stop(indicator) else f"nhập {_columns_of(used)}"
            errors.add(table.name, row.number, where, f"Chỉ tiêu {code} không dùng ô này ({hint}); hãy để trống.")
    entries[code] = raw


def _columns_of(used: tuple[str, ...]) -> str:
    return ", ".join(TEMPLATE_FIELDS[name] for name in used)


def _template_one_stop(workbook, places, errors: CellErrors) -> dict | None:
    """The one-stop counts (field → raw value), or None when the file has no such sheet."""
    table = find_table(workbook, ONE_STOP_HEADER, errors, sheet_name=ONE_STOP_SHEET, required=False)
    if table is None:
        return None
    label_column, count_column = (table.where(c) for c in ONE_STOP_HEADER)
    counts: dict[str, object] = {}
    for row in table.rows:
        label = row.cells[ONE_STOP_HEADER[0]]
        name = _ONE_STOP_BY_LABEL.get(norm(label))
        if name is None:
            errors.add(table.name, row.number, label_column, f"Không có số liệu một cửa “{str(label)[:40]}”.")
            continue
        if name in counts:
            first = places[("one_stop", name)][1]
            errors.add(table.name, row.number, label_column, f"Trùng với dòng {first}.")
            continue
        counts[name] = row.cells[ONE_STOP_HEADER[1]]
        places[("one_stop", name)] = (table.name, row.number, count_column)
    return counts
