"""A dashboard table as a download: CSV (UTF-8 with BOM, dot decimals) or .xlsx (bold header, real numbers).

Pure: a Table holds already-read cells (text, int, Decimal, float or None); the pages build one from
what they show, and this module only writes it out.
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
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from emulation.excel import XLSX_CONTENT_TYPE, plain

CSV = "csv"
XLSX = "xlsx"
FORMATS = (CSV, XLSX)
CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
# Excel reads a CSV as the machine's code page unless it starts with a byte order mark.
BOM = "\ufeff"

_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="DCE6F1")
_WRAP = Alignment(wrap_text=True, vertical="top")
_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


@dataclass(frozen=True)
class Table:
    """One table as shown on a page: a title (with its period), the header, and rows of cells."""

    title: str
    headers: list[str]
    rows: list[list]


def _csv_cell(cell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, Decimal):
        return plain(cell)
    if isinstance(cell, bool):
        return "1" if cell else "0"
    return str(cell)


def to_csv(table: Table) -> bytes:
    """The header then the rows; numbers with a dot and no thousands separator, empty for no value."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(table.headers)
    for row in table.rows:
        writer.writerow([_csv_cell(cell) for cell in row])
    return (BOM + out.getvalue()).encode("utf-8")


def _xlsx_cell(cell):
    """Numbers stay numbers (a Decimal becomes int or float); everything else as given."""
    if isinstance(cell, Decimal):
        return int(cell) if cell == cell.to_integral_value() else float(cell)
    return cell


def _sheet_name(title: str) -> str:
    name = _SHEET_FORBIDDEN.sub(" ", title).strip() or "Bảng"
    return name[:31]


def _width(cell) -> int:
    if cell is None:
        return 0
    text = _csv_cell(cell)
    return max((len(line) for line in text.splitlines()), default=0)


def to_xlsx(table: Table) -> bytes:
    """Row 1 the title, row 2 the bold header (frozen), then the rows; columns as wide as their text."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _sheet_name(table.title)
    workbook.properties.title = table.title
    sheet.cell(row=1, column=1, value=table.title).font = Font(bold=True, size=12)
    for column, name in enumerate(table.headers, start=1):
        cell = sheet.cell(row=2, column=column, value=name)
        cell.font, cell.fill, cell.alignment = _HEADER_FONT, _HEADER_FILL, _WRAP
    for row_number, row in enumerate(table.rows, start=3):
        for column, value in enumerate(row, start=1):
            cell = sheet.cell(row=row_number, column=column, value=_xlsx_cell(value))
            if isinstance(value, Decimal) and value != value.to_integral_value():
                cell.number_format = "0.00"
    for column, name in enumerate(table.headers, start=1):
        widest = max([_width(name)] + [_width(row[column - 1]) for row in table.rows if column <= len(row)])
        sheet.column_dimensions[get_column_letter(column)].width = min(max(widest + 2, 8), 60)
    sheet.freeze_panes = "A3"
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def ascii_name(text: str) -> str:
    """A file name any browser and OS keeps: "Xếp hạng Tháng 03/2026" → "xep-hang-thang-03-2026"."""
    text = text.replace("đ", "d").replace("Đ", "D")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^A-Za-z0-9.]+", "-", text).strip("-.")
    return text or "bang"


def table_response(table: Table, fmt: str, name: str) -> HttpResponse:
    """The table as an attachment named `name` (made ASCII) with the format's extension; fmt is csv or xlsx."""
    if fmt == CSV:
        response = HttpResponse(to_csv(table), content_type=CSV_CONTENT_TYPE)
    elif fmt == XLSX:
        response = HttpResponse(to_xlsx(table), content_type=XLSX_CONTENT_TYPE)
    else:
        raise ValueError(f"unknown export format {fmt!r}")
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=f"{ascii_name(name)}.{fmt}"
    )
    return response
