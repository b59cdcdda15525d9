"""Importing awards received before the portal from an .xlsx (layout: docs/AWARDS_HISTORY.md), and the blank
template to fill.

The whole file is read and every cell checked before anything is written (core.spreadsheets reads it safely;
checks.award_fields_check and the services' duplicate rule judge each row, as for an award entered by hand);
then one transaction locks the people and units named, checks the duplicates again and stores every row, or
nothing. It runs in the request rather than as a Celery job like the figures import: a ward's history is a few
hundred rows, entered once, and the limits below (1 MB, 4 MB unzipped, 2,000 rows) keep a file to about a second;
so the clerk reads the cells to fix on the page they sent the file from, and a refused file leaves no job, no
stored file, nothing.
"""

import zipfile
from collections import defaultdict
from dataclasses import dataclass
from typing import BinaryIO

from django.contrib.auth.models import AbstractBaseUser
from django.db import IntegrityError, transaction
from django.utils import timezone
from openpyxl import Workbook

from awards.history.checks import FIELD_LABELS, FieldsInvalid, award_fields_check, fold
from awards.history.models import Award
from awards.history.permissions import can_import_awards
from awards.history.services import award_build, duplicate_message
from core.numbers import NumberInvalid, parse_count, vn_number
from core.spreadsheets import CellErrors, ExcelInvalid, TableRow, file_error, find_table, open_workbook, text_code
from core.table_export import header_cells, put, workbook_bytes
from units.models import Official, Unit

MAX_BYTES = 1024 * 1024
# What openpyxl builds in memory: 4 MB of sheets is some 7,000 rows, read in about a second (a 1 MB file of
# short rows unzips to 30 MB and takes ten).
MAX_UNZIPPED_BYTES = 4 * 1024 * 1024
MAX_ROWS = 2000
COL_UNIT, COL_NAME, COL_ID = "Mã đơn vị", "Họ và tên", "Mã cán bộ"
FIELD_COLUMNS = {name: FIELD_LABELS[name] for name in FIELD_LABELS}
HEADER = (COL_UNIT, COL_NAME, COL_ID, *FIELD_COLUMNS.values())
SHEET, OFFICIALS_SHEET = "Khen thưởng", "Danh sách cán bộ"
OFFICIALS_HEADER = ("Mã cán bộ", "Họ và tên", "Đơn vị", "Chức vụ", "Đang công tác")


@dataclass
class ImportResult:
    individual: int = 0
    collective: int = 0

    def summary(self) -> str:
        return (
            f"Đã nhập {vn_number(self.individual + self.collective)} khen thưởng: "
            f"{vn_number(self.individual)} cá nhân, {vn_number(self.collective)} tập thể."
        )


@dataclass
class _Row:
    number: int
    award: Award
    key: tuple


class _Checker:
    """Checks rows against the ward's units and officials, loaded once (a ward has a few hundred officials)."""

    def __init__(self, table, errors: CellErrors, actor, today):
        self.table, self.errors, self.actor, self.today = table, errors, actor, today
        self.units = {u.code.upper(): u for u in Unit.objects.select_related("parent")}
        self.officials = {o.pk: o for o in Official.objects.select_related("unit__parent", "position")}
        self.by_name: dict[tuple[int, str], list[Official]] = defaultdict(list)
        self.by_folded: dict[tuple[int, str], list[Official]] = defaultdict(list)
        for official in self.officials.values():
            self.by_name[(official.unit_id, _name(official.full_name))].append(official)
            self.by_folded[(official.unit_id, fold(official.full_name))].append(official)
        self.seen: dict[tuple, int] = {}

    def error(self, row: TableRow, column: str, message: str) -> None:
        self.errors.add(self.table.name, row.number, self.table.where(column), message)

    def check(self, row: TableRow) -> _Row | None:
        who = self._who(row)
        raw = {name: row.cells[column] for name, column in FIELD_COLUMNS.items()}
        try:
            fields = award_fields_check(raw, today=self.today)
        except FieldsInvalid as exc:
            for name, message in exc.errors.items():
                self.error(row, FIELD_COLUMNS[name], message)
            return None
        if who is None:
            return None
        official, unit = who
        award = award_build(fields=fields, official=official, unit=unit, source=Award.Source.IMPORT, actor=self.actor)
        key = (official.pk if official else None, unit.pk if unit else None)
        key += (award.decision_number, award.decision_date.year, award.title_key)
        if key in self.seen:
            self.error(
                row,
                FIELD_LABELS["title"],
                f"Trùng với dòng {self.seen[key]}: cùng người (tập thể), cùng quyết định và danh hiệu, hình thức.",
            )
            return None
        self.seen[key] = row.number
        return _Row(row.number, award, key)

    def _who(self, row: TableRow) -> tuple[Official | None, Unit | None] | None:
        """The official (by Mã cán bộ, or by name within the unit) or the unit a row names; None after an error."""
        cells = row.cells
        code, name = text_code(cells[COL_UNIT]), _typed(cells[COL_NAME])
        unit = None
        if code:
            unit = self.units.get(code.upper())
            if unit is None:
                self.error(row, COL_UNIT, f"Không có đơn vị mã “{code[:20]}”.")
                return None
        if cells[COL_ID] is not None:
            return self._by_id(row, unit, name)
        if not name:
            if unit is None:
                self.error(row, COL_UNIT, "Ghi Mã đơn vị (khen tập thể) hoặc Họ và tên cán bộ (khen cá nhân).")
                return None
            return None, unit
        if unit is None:
            self.error(row, COL_UNIT, "Ghi mã đơn vị của cán bộ (hoặc Mã cán bộ) để tìm đúng người.")
            return None
        return self._by_name(row, unit, name)

    def _by_id(self, row: TableRow, unit: Unit | None, name: str):
        try:
            pk = parse_count(row.cells[COL_ID], maximum=10**18)
        except NumberInvalid as exc:
            self.error(row, COL_ID, f"Mã cán bộ là một số (xem trang khen thưởng của cán bộ): {exc}")
            return None
        official = self.officials.get(pk)
        if official is None:
            self.error(row, COL_ID, f"Không có cán bộ mã {pk}.")
            return None
        if name and _name(name) != _name(official.full_name):
            self.error(row, COL_NAME, f"Mã cán bộ {pk} là {official.full_name}, không phải “{name[:60]}”.")
            return None
        if unit is not None and unit.pk != official.unit_id:
            where = f"{official.full_name} (mã {pk}) thuộc {official.unit.code}"
            self.error(row, COL_UNIT, f"{where}, không thuộc {unit.code}.")
            return None
        return official, None

    def _by_name(self, row: TableRow, unit: Unit, name: str):
        found = self.by_name.get((unit.pk, _name(name)), [])
        if len(found) == 1:
            return found[0], None
        if found:
            codes = ", ".join(str(o.pk) for o in sorted(found, key=lambda o: o.pk))
            self.error(
                row,
                COL_NAME,
                f"{unit.code} có {len(found)} cán bộ tên “{name[:60]}” (mã {codes}): ghi Mã cán bộ để chỉ đúng người.",
            )
            return None
        near = self.by_folded.get((unit.pk, fold(name)), [])
        hint = f"; có phải {near[0].full_name} (mã {near[0].pk})?" if len(near) == 1 else "."
        self.error(row, COL_NAME, f"{unit.code} không có cán bộ tên “{name[:60]}”{hint}")
        return None


def _typed(raw) -> str:
    """A name as typed in its cell, with single spaces (what the errors quote)."""
    return " ".join(str(raw or "").split())


def _name(raw) -> str:
    """A person's name as compared: single spaces, any case (accents kept: "Ân" is not "An")."""
    return _typed(raw).casefold()


def awards_import(*, source: BinaryIO, actor: AbstractBaseUser) -> ImportResult:
    """Check a file of awards and store every row as an award entered by import, or nothing.

    Raises ExcelInvalid listing every bad cell: the file (over 1 MB, not an .xlsx, no sheet with the header,
    more than 2,000 rows), who a row names (an unknown unit code or official id, a name not in the unit or held
    by two of its officials, an id whose name or unit differs), the award's fields (the rules of an award entered
    by hand), a row repeating another row or an award already stored. Refused outright when the actor may not
    import (the secretariat may).
    """
    if not can_import_awards(actor):
        raise file_error("Chỉ Thường trực thi đua được nhập khen thưởng từ tệp.")
    source.seek(0, 2)
    size = source.tell()
    source.seek(0)
    if size > MAX_BYTES:
        raise file_error(
            f"Tệp nặng {vn_number(round(size / 1024 / 1024, 1))} MB, vượt giới hạn 1 MB; hãy tách thành nhiều tệp."
        )
    unzipped = _unzipped_size(source)
    if unzipped > MAX_UNZIPPED_BYTES:
        raise file_error(
            f"Tệp giải nén ra {vn_number(round(unzipped / 1024 / 1024, 1))} MB, vượt giới hạn 4 MB của một tệp khen "
            "thưởng; hãy tách thành nhiều tệp (hoặc bỏ hình ảnh, trang tính không cần)."
        )
    errors = CellErrors()
    table = find_table(open_workbook(source), HEADER, errors)
    if len(table.rows) > MAX_ROWS:
        raise file_error(
            f"Trang “{table.name}” có {vn_number(len(table.rows))} dòng khen thưởng, quá giới hạn "
            f"{vn_number(MAX_ROWS)} dòng; hãy tách thành nhiều tệp."
        )
    checker = _Checker(table, errors, actor, timezone.localdate())
    rows = [checked for row in table.rows if (checked := checker.check(row)) is not None]
    with transaction.atomic():
        return _rows_write(table, rows, errors)


def _unzipped_size(source: BinaryIO) -> int:
    """What the .xlsx (a zip) says it unzips to; 0 when it is no zip (open_workbook then says what it is)."""
    try:
        with zipfile.ZipFile(source) as archive:
            return sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return 0
    finally:
        source.seek(0)


def _rows_write(table, rows: list[_Row], errors: CellErrors) -> ImportResult:
    """Lock the people and units named, add the rows already stored to the errors found so far, and store every
    row if there is none (in the caller's transaction): all the file's errors are listed at once."""
    officials = sorted({r.award.official_id for r in rows if r.award.official_id})
    units = sorted({r.award.unit_id for r in rows if r.award.unit_id})
    list(Official.objects.select_for_update().filter(pk__in=officials).order_by("pk").values_list("pk"))
    list(Unit.objects.select_for_update().filter(pk__in=units).order_by("pk").values_list("pk"))
    numbers = {r.award.decision_number for r in rows}
    stored = {}
    for award in Award.objects.filter(decision_number__in=numbers).filter(
        official_id__in=officials
    ) | Award.objects.filter(decision_number__in=numbers, unit_id__in=units):
        key = (award.official_id, award.unit_id, award.decision_number, award.decision_date.year, award.title_key)
        stored.setdefault(key, award)
    for row in rows:
        if row.key in stored:
            errors.add(table.name, row.number, table.where(FIELD_LABELS["title"]), duplicate_message(stored[row.key]))
    if errors:
        raise ExcelInvalid(errors.items())
    try:
        with transaction.atomic():
            Award.objects.bulk_create([r.award for r in rows])
    except IntegrityError:  # stored meanwhile by a path that took no lock
        raise file_error(
            "Một số khen thưởng trong tệp vừa được nhập ở nơi khác; không lưu gì. Hãy tải tệp lên lại."
        ) from None
    individual = sum(1 for r in rows if r.award.official_id)
    return ImportResult(individual=individual, collective=len(rows) - individual)


def import_template() -> bytes:
    """The blank layout to fill: the header on its sheet, and the ward's officials with their codes beside it."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = SHEET
    header_cells(sheet, 1, HEADER)
    for column, width in zip("ABCDEFGHIJ", (11, 26, 11, 7, 36, 16, 15, 34, 15, 15), strict=True):
        sheet.column_dimensions[column].width = width
    sheet.freeze_panes = "A2"
    people = workbook.create_sheet(OFFICIALS_SHEET)
    header_cells(people, 1, OFFICIALS_HEADER)
    officials = Official.objects.select_related("unit", "position").order_by("unit__order", "unit__code", "full_name")
    for row, official in enumerate(officials, start=2):
        values = (official.pk, official.full_name, official.unit.code, official.position.name)
        for column, value in enumerate((*values, "có" if official.is_active else "không"), start=1):
            put(people, row, column, value)
    for column, width in zip("ABCDE", (11, 28, 12, 40, 13), strict=True):
        people.column_dimensions[column].width = width
    return workbook_bytes(workbook)
