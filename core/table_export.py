"""Writing tables out: CSV (UTF-8 with BOM, dot decimals) or .xlsx (bold header, real numbers), for every export.

Pure: a Table holds already-read cells (text, int, Decimal, float or None); the pages build one from
what they show, and this module only writes it out. Every text is written as text: a cell a person
typed as "=HYPERLINK(…)" must reach the reader as those characters, never as a formula their
spreadsheet runs (OWASP, CSV injection): in .xlsx it is stored as a string with Excel's quote
prefix (the text itself unchanged), in CSV it is preceded by an apostrophe.
"""

import csv
import io
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal

from django.http import HttpResponse
from django.utils.http import content_disposition_header
from openpyxl import Workbook
from openpyxl.cell import Cell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

CSV = "csv"
XLSX = "xlsx"
FORMATS = (CSV, XLSX)
CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# Excel reads a CSV as the machine's code page unless it starts with a byte order mark.
BOM = "\ufeff"
# What a spreadsheet may read as the start of a formula (OWASP's list).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

BOLD = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DCE6F1")
WRAP = Alignment(wrap_text=True, vertical="top")
_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


@dataclass(frozen=True)
class Table:
    """One table as shown on a page: a title (with its period), the header, and rows of cells."""

    title: str
    headers: list[str]
    rows: list[list]


def plain(value: Decimal, places: int | None = None) -> str:
    """A decimal as a spreadsheet reads it: 10.00 → "10", 8.50 → "8.5"; with `places`, exactly that many."""
    if places is not None:
        return f"{Decimal(value).quantize(Decimal(1).scaleb(-places))}"
    return format(Decimal(value).normalize(), "f")


def csv_cell(cell, places: int | None = None) -> str:
    """One CSV cell: empty for no value, numbers with a dot, text that could start a formula after an apostrophe."""
    if cell is None:
        return ""
    if isinstance(cell, Decimal):
        return plain(cell, places)
    if isinstance(cell, bool):
        return "1" if cell else "0"
    text = str(cell)
    return f"'{text}" if isinstance(cell, str) and text.startswith(FORMULA_STARTS) else text


def xlsx_value(value):
    """Numbers stay numbers (a Decimal becomes int or float); everything else as given."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def put(sheet: Worksheet, row: int, column: int, value) -> Cell:
    """Write one cell; a text is always a string cell (openpyxl would make "=…" a formula), and one that a
    spreadsheet could read as a formula gets the quote prefix, so editing it does not run it either."""
    cell = sheet.cell(row=row, column=column)
    cell.value = xlsx_value(value)
    if isinstance(value, str):
        cell.data_type = "s"
        if value.startswith(FORMULA_STARTS):
            cell.quotePrefix = True
    return cell


def header_cells(sheet: Worksheet, row: int, header) -> None:
    """A bold, shaded, wrapped header row."""
    for i, name in enumerate(header, start=1):
        cell = put(sheet, row, i, name)
        cell.font, cell.fill, cell.alignment = BOLD, HEADER_FILL, WRAP


def workbook_bytes(workbook: Workbook) -> bytes:
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def to_csv(table: Table, *, places: int | None = None, title: bool = False) -> bytes:
    """The header then the rows (after the title when asked); numbers with a dot and no thousands
    separator (`places` decimals when given), empty for no value."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    if title:
        writer.writerow([csv_cell(table.title)])
    writer.writerow([csv_cell(name) for name in table.headers])
    for row in table.rows:
        writer.writerow([csv_cell(cell, places) for cell in row])
    return (BOM + out.getvalue()).encode("utf-8")


def _sheet_name(title: str) -> str:
    name = _SHEET_FORBIDDEN.sub(" ", title).strip() or "Bảng"
    return name[:31]


def _width(cell) -> int:
    if cell is None:
        return 0
    text = csv_cell(cell)
    return max((len(line) for line in text.splitlines()), default=0)


def to_xlsx(table: Table, *, title_row: bool = True) -> bytes:
    """Row 1 the title (unless `title_row` is off), then the bold header (frozen), then the rows; columns as
    wide as their text."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _sheet_name(table.title)
    workbook.properties.title = table.title
    first = 1
    if title_row:
        put(sheet, 1, 1, table.title).font = Font(bold=True, size=12)
        first = 2
    header_cells(sheet, first, table.headers)
    for row_number, row in enumerate(table.rows, start=first + 1):
        for column, value in enumerate(row, start=1):
            cell = put(sheet, row_number, column, value)
            if isinstance(value, Decimal) and value != value.to_integral_value():
                cell.number_format = "0.00"
    for column, name in enumerate(table.headers, start=1):
        widest = max([_width(name)] + [_width(row[column - 1]) for row in table.rows if column <= len(row)])
        sheet.column_dimensions[get_column_letter(column)].width = min(max(widest + 2, 8), 60)
    sheet.freeze_panes = sheet.cell(row=first + 1, column=1).coordinate
    return workbook_bytes(workbook)


def ascii_name(text: str) -> str:
    """A file name any browser and OS keeps: "Xếp hạng Tháng 03/2026" → "xep-hang-thang-03-2026"."""
    text = text.replace("đ", "d").replace("Đ", "D")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^A-Za-z0-9.]+", "-", text).strip("-.")
    return text or "bang"


def attachment(data: bytes, content_type: str, filename: str) -> HttpResponse:
    """A download of `data` named `filename` (kept as given; browsers get its ASCII and UTF-8 forms)."""
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=filename)
    return response


def table_response(table: Table, fmt: str, name: str) -> HttpResponse:
    """The table as an attachment named `name` (made ASCII) with the format's extension; fmt is csv or xlsx."""
    if fmt == CSV:
        return attachment(to_csv(table), CSV_CONTENT_TYPE, f"{ascii_name(name)}.csv")
    if fmt == XLSX:
        return attachment(to_xlsx(table), XLSX_CONTENT_TYPE, f"{ascii_name(name)}.xlsx")
    raise ValueError(f"unknown export format {fmt!r}")
