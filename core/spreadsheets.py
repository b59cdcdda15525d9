"""Reading uploaded spreadsheets safely, for every import of the portal: a file into tables of cells and errors.

Reading never trusts the file: size, zip and content types are checked before openpyxl parses it,
every text read is normalised (core.text), and a table is refused cell by cell for formulas, merged
cells and blank rows in the middle. Every problem becomes a CellError naming the sheet, row and
column, in Vietnamese. No database access and no meaning here: the importers decide what values mean.
"""

import io
import os
import re
import unicodedata
import warnings
import zipfile
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import BinaryIO

import openpyxl
from openpyxl.utils import column_index_from_string, get_column_letter
from openpyxl.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from core.numbers import vn_number
from core.text import text_normalise

IMPORT_MAX_BYTES = 5 * 1024 * 1024
# A 5 MB zip can inflate a thousandfold; openpyxl would build all of it in memory.
MAX_UNZIPPED_BYTES = 100 * 1024 * 1024
MAX_ROWS = 20_000
NOT_XLSX = "Tệp không phải bảng tính Excel (.xlsx)."
BROKEN_XLSX = (
    "Tệp .xlsx bị hỏng hoặc có ký tự không hợp lệ nên không đọc được; "
    "hãy mở tệp bằng Excel, lưu lại rồi tải lên lần nữa."
)
ZIP_SIGNATURE = b"PK\x03\x04"
# Every .xlsx lists its parts' types here; a workbook's main part is of a "spreadsheetml" type.
_CONTENT_TYPES, _CONTENT_TYPES_MAX = "[Content_Types].xml", 1024 * 1024

_MONTH = re.compile(r"([0-9]{4})-([0-9]{1,2})")  # ASCII digits: \d would take full-width ones too


# --- Errors -------------------------------------------------------------------------------


@dataclass(frozen=True)
class CellError:
    """One bad cell (or the whole file when row is None), as stored in ImportJob.errors."""

    sheet: str
    row: int | None
    column: str
    message: str

    def as_dict(self) -> dict:
        return asdict(self)

    def __str__(self) -> str:
        where = [f"Trang “{self.sheet}”" if self.sheet else "Tệp"]
        if self.row is not None:
            where.append(f"dòng {self.row}")
        if self.column:
            where.append(f"cột {self.column}")
        return f"{', '.join(where)}: {self.message}"


class CellErrors:
    """The errors of one file, one per cell: the first found explains it best."""

    def __init__(self) -> None:
        self._by_cell: dict[tuple[str, int | None, str], str] = {}

    def add(self, sheet: str, row: int | None, column: str, message: str) -> None:
        self._by_cell.setdefault((sheet, row, column), message)

    def has(self, sheet: str, row: int | None, column: str) -> bool:
        return (sheet, row, column) in self._by_cell

    def items(self) -> list[CellError]:
        sheets: dict[str, int] = {}
        for sheet, _, _ in self._by_cell:
            sheets.setdefault(sheet, len(sheets))
        ordered = sorted(self._by_cell.items(), key=lambda kv: (sheets[kv[0][0]], kv[0][1] or 0, _column_key(kv[0][2])))
        return [CellError(sheet, row, column, message) for (sheet, row, column), message in ordered]

    def __len__(self) -> int:
        return len(self._by_cell)

    def __bool__(self) -> bool:
        return bool(self._by_cell)


def _column_key(column: str) -> tuple[int, str]:
    letters = re.match(r"^[A-Z]+", column or "")
    return (column_index_from_string(letters.group()) if letters else 0, column)


class ExcelInvalid(Exception):
    """A file that cannot be imported; `errors` lists every bad cell found."""

    def __init__(self, errors: Iterable[CellError]):
        self.errors = list(errors)
        super().__init__("\n".join(str(e) for e in self.errors))


def file_error(message: str) -> ExcelInvalid:
    return ExcelInvalid([CellError("", None, "", message)])


# --- Opening a file -------------------------------------------------------------------------


def _megabytes(size: int) -> str:
    return vn_number(Decimal(size) / 1024 / 1024, 1)


def size_problem(size: int) -> str | None:
    if size > IMPORT_MAX_BYTES:
        return f"Tệp nặng {_megabytes(size)} MB, vượt giới hạn 5 MB; hãy tách thành nhiều tệp nhỏ hơn."
    return None


def xlsx_problem(source: BinaryIO) -> str | None:
    """Why `source` cannot be opened as an .xlsx, judged without parsing it (so cheap enough for the upload
    itself: a file refused here is never stored); None when it may be opened. The size (by a seek: a 50 MB
    file is not read), the zip signature, what the zip's directory says it unzips to, its content types."""
    source.seek(0, os.SEEK_END)
    problem = size_problem(source.tell())
    if problem:
        return problem
    source.seek(0)
    if source.read(len(ZIP_SIGNATURE)) != ZIP_SIGNATURE:
        return NOT_XLSX
    source.seek(0)
    try:
        with zipfile.ZipFile(source) as archive:
            unzipped = sum(info.file_size for info in archive.infolist())
            if unzipped > MAX_UNZIPPED_BYTES:
                return f"{NOT_XLSX[:-1]} hợp lệ: nội dung giải nén quá lớn ({_megabytes(unzipped)} MB)."
            types = archive.getinfo(_CONTENT_TYPES)
            if types.file_size > _CONTENT_TYPES_MAX:
                return NOT_XLSX
            content_types = archive.read(types)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, RuntimeError, NotImplementedError, EOFError):
        # Not a zip, truncated, encrypted, an unknown compression, no content types: not a workbook.
        return NOT_XLSX
    finally:
        source.seek(0)
    return None if b"spreadsheetml" in content_types else NOT_XLSX


def open_workbook(source: BinaryIO) -> Workbook:
    """Open an uploaded .xlsx with its formulas kept (data_only=False), or raise ExcelInvalid: xlsx_problem(), then
    openpyxl; a file only openpyxl refuses is damaged or holds what XML cannot (a NUL byte in a cell)."""
    problem = xlsx_problem(source)
    if problem:
        raise file_error(problem)
    data = io.BytesIO(source.read())
    try:
        with warnings.catch_warnings():
            # openpyxl warns about Excel extensions it drops (slicers, conditional formats); harmless here.
            warnings.simplefilter("ignore")
            return openpyxl.load_workbook(data, data_only=False)
    except Exception:  # openpyxl raises many types (KeyError, InvalidFileException, XML errors) for non-workbooks
        raise file_error(BROKEN_XLSX) from None


# --- Reading tables -------------------------------------------------------------------------


def norm(value) -> str:
    """Header text compared as a person reads it: NFC, single spaces, any case."""
    if value is None:
        return ""
    text = unicodedata.normalize("NFC", str(value))
    return " ".join(text.split()).casefold()


def column_label(index: int, header: str) -> str:
    return f"{get_column_letter(index)} ({header})"


@dataclass
class TableRow:
    number: int
    cells: dict[str, object]


@dataclass
class Table:
    """A header row and the data rows under it, values keyed by header name."""

    sheet: Worksheet
    header_row: int
    header: tuple[str, ...]
    rows: list[TableRow] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.sheet.title

    def where(self, column: str) -> str:
        return column_label(self.header.index(column) + 1, column)


def _row_texts(sheet: Worksheet, row: int) -> list[str]:
    values = next(sheet.iter_rows(min_row=row, max_row=row, values_only=True), ())
    texts = [norm(v) for v in values]
    while texts and not texts[-1]:
        texts.pop()
    return texts


def _header_matches(texts: list[str], header: tuple[str, ...]) -> bool:
    return texts == [norm(h) for h in header]


def _overlap(texts: list[str], header: tuple[str, ...]) -> int:
    return len({norm(h) for h in header} & set(texts))


def _header_errors(sheet: Worksheet, row: int, header: tuple[str, ...], errors: CellErrors) -> None:
    """Say, column by column, how a header row differs from the expected one."""
    values = next(sheet.iter_rows(min_row=row, max_row=row, values_only=True), ())
    shown = [" ".join(text_normalise(str(v)).split()) if v is not None else "" for v in values]
    texts = [norm(v) for v in values]
    names = {norm(h) for h in header}
    for i, expected in enumerate(header):
        actual = shown[i] if i < len(shown) else ""
        if norm(actual) == norm(expected):
            continue
        letter = get_column_letter(i + 1)
        where = column_label(i + 1, expected)
        if norm(expected) in texts:
            elsewhere = get_column_letter(texts.index(norm(expected)) + 1)
            message = (
                f"Cột {letter} phải là “{expected}”, nhưng “{expected}” đang ở cột {elsewhere}; giữ đúng thứ tự cột."
            )
        elif not actual or norm(actual) in names:
            message = f"Thiếu cột “{expected}” (phải ở cột {letter})."
        else:
            message = f"Cột {letter} phải là “{expected}”, tệp ghi “{actual[:40]}”; không đổi tên cột."
        errors.add(sheet.title, row, where, message)
    for j in range(len(header), len(shown)):
        if shown[j]:
            letter = get_column_letter(j + 1)
            errors.add(sheet.title, row, letter, f"Cột {letter} “{shown[j][:40]}” không có trong mẫu; hãy xóa cột này.")


def _sheet_list(workbook: Workbook) -> str:
    return ", ".join(f"“{ws.title}”" for ws in workbook.worksheets)


def find_table(
    workbook: Workbook,
    header: tuple[str, ...],
    errors: CellErrors,
    *,
    search_rows: int = 10,
    sheet_name: str = "",
    required: bool = True,
) -> Table | None:
    """The one sheet whose header row (within the first `search_rows`) is exactly `header`, read.

    A sheet that nearly matches (half the column names, or the expected name) gets its header
    checked column by column; no matching sheet is an error naming the sheets found, unless
    the table is optional (`required=False`), when None is returned.
    """
    exact: list[tuple[Worksheet, int]] = []
    near: list[tuple[Worksheet, int]] = []
    for sheet in workbook.worksheets:
        best = None
        for row in range(1, min(search_rows, sheet.max_row) + 1):
            texts = _row_texts(sheet, row)
            if _header_matches(texts, header):
                exact.append((sheet, row))
                break
            overlap = _overlap(texts, header)
            if overlap * 2 >= len(header) and (best is None or overlap > best[1]):
                best = (row, overlap)
        else:
            if best is not None:
                near.append((sheet, best[0]))
            elif sheet_name and norm(sheet.title) == norm(sheet_name):
                near.append((sheet, 1))
    if len(exact) > 1:
        names = ", ".join(f"“{s.title}”" for s, _ in exact)
        raise file_error(f"Có {len(exact)} trang tính cùng dòng tiêu đề của mẫu ({names}); chỉ để lại một trang.")
    if exact:
        sheet, row = exact[0]
        return read_table(sheet, row, header, errors)
    if near:
        sheet, row = near[0]
        header_errors = CellErrors()
        _header_errors(sheet, row, header, header_errors)
        raise ExcelInvalid(header_errors.items())
    if not required:
        return None
    raise file_error(
        f"Không tìm thấy trang tính có dòng tiêu đề “{' | '.join(header)}”. "
        f"Các trang tính trong tệp: {_sheet_list(workbook)}."
    )


def _clean(value):
    """A cell's value as read: text normalised (NFC, no hidden characters: core.text) and stripped, blank as None."""
    if isinstance(value, str):
        value = text_normalise(value).strip()
        return value or None
    return value


def read_table(sheet: Worksheet, header_row: int, header: tuple[str, ...], errors: CellErrors) -> Table:
    """The data rows under `header_row`: refuses merged cells, formulas and blank rows in the middle."""
    if sheet.max_row - header_row > MAX_ROWS:
        raise file_error(
            f"Trang “{sheet.title}” có {vn_number(sheet.max_row - header_row)} dòng, "
            f"quá giới hạn {vn_number(MAX_ROWS)} dòng; hãy tách thành nhiều tệp."
        )
    table = Table(sheet=sheet, header_row=header_row, header=header)
    width = len(header)
    for merged in sheet.merged_cells.ranges:
        if merged.max_row >= header_row and merged.min_col <= width:
            where = column_label(merged.min_col, header[merged.min_col - 1])
            message = f"Ô gộp {merged.coord}: bảng không được có ô gộp; hãy bỏ gộp ô (Unmerge Cells)."
            errors.add(sheet.title, merged.min_row, where, message)
    blank_run: list[int] = []
    for cells in sheet.iter_rows(min_row=header_row + 1, max_row=sheet.max_row, max_col=width):
        number = cells[0].row
        values: dict[str, object] = {}
        has_formula = False
        for i, cell in enumerate(cells):
            name = header[i]
            if cell.data_type == "f":
                formula = text_normalise(str(getattr(cell.value, "text", cell.value)))[:40]
                message = (
                    f"Ô có công thức “{formula}”: chỉ nhận giá trị; hãy sao chép và dán dạng giá trị (Paste Values)."
                )
                errors.add(sheet.title, number, column_label(i + 1, name), message)
                values[name], has_formula = None, True
            else:
                values[name] = _clean(cell.value)
        if not has_formula and all(v is None for v in values.values()):
            blank_run.append(number)
            continue
        if blank_run:
            first, last = blank_run[0], blank_run[-1]
            rows = f"dòng {first}" if first == last else f"các dòng {first}–{last}"
            message = f"Dòng trống giữa bảng ({rows}); hãy xóa dòng trống để các dòng số liệu liền nhau."
            errors.add(sheet.title, first, "", message)
            blank_run = []
        table.rows.append(TableRow(number=number, cells=values))
    if not table.rows:
        errors.add(sheet.title, header_row + 1, "", "Không có dòng số liệu nào dưới dòng tiêu đề.")
    return table


def labels_above(table: Table) -> dict[str, tuple[int, object]]:
    """Label → (row, value) of the "label | value" pairs in columns A and B above a table."""
    found: dict[str, tuple[int, object]] = {}
    for cells in table.sheet.iter_rows(min_row=1, max_row=table.header_row - 1, max_col=2):
        label = norm(cells[0].value)
        if label:
            found.setdefault(label, (cells[0].row, _clean(cells[1].value) if len(cells) > 1 else None))
    return found


# --- Values ---------------------------------------------------------------------------------


def text_code(raw) -> str:
    """A code typed in a cell: Excel turns "1.1" into the number 1.1, so numbers are written back as text."""
    if raw is None:
        return ""
    if isinstance(raw, float):
        return f"{raw:g}"
    return text_normalise(str(raw)).strip()


def parse_month(raw) -> date:
    """A month written YYYY-MM ("2026-03"), or a date Excel made of it (first of the month); ValueError otherwise."""
    if isinstance(raw, datetime | date):
        if raw.day != 1:
            raise ValueError(f"Tháng phải có dạng YYYY-MM, ví dụ 2026-03; ô đang là ngày {raw:%d/%m/%Y}.")
        return date(raw.year, raw.month, 1)
    text = "" if raw is None else str(raw).strip()
    match = _MONTH.fullmatch(text)
    if match and int(match.group(1)) >= 1 and 1 <= int(match.group(2)) <= 12:  # no year 0000: no such date
        return date(int(match.group(1)), int(match.group(2)), 1)
    raise ValueError(f"Tháng phải có dạng YYYY-MM, ví dụ 2026-03; tệp ghi “{text[:30]}”.")


def month_text(month: date) -> str:
    return f"{month:%Y-%m}"
