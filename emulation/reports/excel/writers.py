"""Writing the monthly reports' spreadsheets: a unit's template for one month, the empty long sheet, the export.

Every text that came from a person is written as text (core.spreadsheets.safe_text), never as a
formula a spreadsheet would run.
"""

from collections.abc import Iterable
from decimal import Decimal

from openpyxl.styles import Font, PatternFill
from openpyxl.workbook import Workbook
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from core.numbers import vn_number
from core.spreadsheets import month_text
from core.table_export import BOLD, WRAP, header_cells, plain, put, workbook_bytes, xlsx_value
from emulation.reports import figures as fig
from emulation.reports.excel.layout import (
    EXPORT_HEADER,
    GUIDE_SHEET,
    LONG_HEADER,
    NO_DOSSIERS,
    ONE_STOP_HEADER,
    ONE_STOP_SHEET,
    TEMPLATE_FIELDS,
    TEMPLATE_HEADER,
    TEMPLATE_MONTH_LABEL,
    TEMPLATE_SHEET,
    TEMPLATE_UNIT_LABEL,
    how_to_fill,
    target_text,
)

_UNUSED_FILL = PatternFill("solid", fgColor="D9D9D9")


def _count_validation() -> DataValidation:
    return DataValidation(
        type="whole",
        operator="greaterThanOrEqual",
        formula1="0",
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Số không hợp lệ",
        error="Nhập số nguyên không âm (0, 1, 2, …), không có phần thập phân.",
    )


def report_template(report, entries: list) -> bytes:
    """The month's template for one report: indicators with names and targets, current draft figures,
    validation on every number cell, and a second sheet for the one-stop counts."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = TEMPLATE_SHEET
    sheet["A1"] = "BÁO CÁO SỐ LIỆU THI ĐUA CẢI CÁCH HÀNH CHÍNH"
    sheet["A1"].font = Font(bold=True, size=13)
    info = [
        ("Phong trào", report.campaign.code),
        ("Đơn vị", report.unit.name),
        (TEMPLATE_UNIT_LABEL, report.unit.code),
        (TEMPLATE_MONTH_LABEL, month_text(report.month)),
        ("Hạn nộp", f"{report.deadline:%d/%m/%Y}"),
    ]
    for row, (label, value) in enumerate(info, start=2):
        put(sheet, row, 1, label).font = BOLD
        cell = put(sheet, row, 2, value)
        cell.number_format = "@"  # "2026-03" must stay text, not become a date
    sheet["A7"] = (
        "Chỉ nhập vào các ô trắng của cột Tử số, Mẫu số, Giá trị, Điểm tự chấm, Giải trình; ô xám không dùng. "
        "Không thêm, xóa hay đổi tên cột; không gộp ô, không dùng công thức."
    )
    sheet["A7"].font = Font(italic=True)
    header_row = 9
    header_cells(sheet, header_row, TEMPLATE_HEADER)
    counts, scores = _count_validation(), {}
    columns = {name: i for i, name in enumerate(TEMPLATE_HEADER, start=1)}
    for row, entry in enumerate(entries, start=header_row + 1):
        indicator = entry.indicator
        used = fig.input_fields(indicator)
        for name, value in (
            ("Mã chỉ tiêu", indicator.code),
            ("Tên chỉ tiêu", indicator.name),
            ("Cách nhập", how_to_fill(indicator)),
            ("Chỉ tiêu phấn đấu", target_text(indicator)),
            ("Điểm tối đa", xlsx_value(indicator.points)),
        ):
            cell = put(sheet, row, columns[name], value)
            cell.alignment = WRAP
        sheet.cell(row=row, column=1).number_format = "@"
        for field_name, column in TEMPLATE_FIELDS.items():
            cell = sheet.cell(row=row, column=columns[column])
            if field_name not in used:
                cell.fill = _UNUSED_FILL
                continue
            value = getattr(entry, field_name)
            if field_name == "explanation":
                put(sheet, row, columns[column], value or None).alignment = WRAP
                continue
            cell.value = xlsx_value(value)
            if field_name == "self_score":
                scores.setdefault(indicator.points, _score_validation(indicator.points)).add(cell.coordinate)
            else:
                counts.add(cell.coordinate)
    for validation in [counts, *scores.values()]:
        if validation.sqref:
            sheet.add_data_validation(validation)
    for column, width in zip("ABCDEFGHIJ", (10, 50, 24, 18, 8, 10, 10, 10, 10, 40), strict=True):
        sheet.column_dimensions[column].width = width
    sheet.freeze_panes = sheet.cell(row=header_row + 1, column=2)
    _one_stop_sheet(workbook.create_sheet(ONE_STOP_SHEET), report)
    _guide_sheet(workbook.create_sheet(GUIDE_SHEET))
    return workbook_bytes(workbook)


def _score_validation(points: Decimal) -> DataValidation:
    return DataValidation(
        type="decimal",
        operator="between",
        formula1="0",
        formula2=plain(points),
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Điểm không hợp lệ",
        error=f"Nhập điểm từ 0 đến {vn_number(points)}.",
    )


def _one_stop_sheet(sheet: Worksheet, report) -> None:
    header_cells(sheet, 1, ONE_STOP_HEADER)
    counts = _count_validation()
    for row, (name, label) in enumerate(fig.ONE_STOP_LABELS.items(), start=2):
        put(sheet, row, 1, label)
        cell = put(sheet, row, 2, getattr(report, name))
        counts.add(cell.coordinate)
    sheet.add_data_validation(counts)
    # Notes sit beside the table, below its header row, so the header stays exactly the expected one.
    sheet["D2"] = "Các đẳng thức phải đúng (để trống cả cột Số hồ sơ nếu đơn vị không tiếp nhận hồ sơ):"
    sheet["D2"].font = BOLD
    for row, (_, _, identity) in enumerate(fig.IDENTITIES, start=3):
        put(sheet, row, 4, identity)
    sheet.column_dimensions["A"].width = 34
    sheet.column_dimensions["B"].width = 12
    sheet.column_dimensions["D"].width = 80


def _guide_sheet(sheet: Worksheet) -> None:
    lines = [
        "Hướng dẫn điền mẫu báo cáo số liệu tháng",
        "1. Trang “Báo cáo tháng”: mỗi dòng một chỉ tiêu. Chỉ tiêu tỷ lệ nhập Tử số và Mẫu số (số nguyên, "
        "tử số không lớn hơn mẫu số); chỉ tiêu số lượng nhập Giá trị; chỉ tiêu định tính nhập Điểm tự chấm "
        "(từ 0 đến điểm tối đa, tối đa 2 chữ số thập phân) và Giải trình.",
        "2. Trang “Một cửa”: số liệu hồ sơ một cửa của tháng; các chỉ tiêu 1.3c, 1.3d tính từ các số này.",
        "3. Ô để trống là chưa có số liệu. Mẫu số bằng 0 nghĩa là không có hồ sơ.",
        "4. Không đổi tên, thêm, xóa cột; không gộp ô; không dùng công thức; không để dòng trống giữa bảng.",
        "5. Tải tệp lên trang báo cáo (tối đa 5 MB). Chỉ cần một ô sai là không lưu gì; trang kết quả liệt kê "
        "mọi ô sai theo trang, dòng, cột.",
    ]
    for row, line in enumerate(lines, start=1):
        cell = put(sheet, row, 1, line)
        cell.alignment = WRAP
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.column_dimensions["A"].width = 110


def long_template() -> bytes:
    """An empty long-layout sheet (one row per unit, month, indicator) with its header and validation."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Số liệu"
    header_cells(sheet, 1, LONG_HEADER)
    counts = _count_validation()
    counts.add("D2:E5001")
    sheet.add_data_validation(counts)
    for column, width in zip("ABCDEF", (12, 10, 12, 10, 10, 10), strict=True):
        sheet.column_dimensions[column].width = width
    sheet.freeze_panes = "A2"
    return workbook_bytes(workbook)


def export_workbook(entries: Iterable, title: str) -> bytes:
    """One row per unit, month and indicator: figures, percentage or value, target, report status."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Số liệu"
    put(sheet, 1, 1, title)
    header_cells(sheet, 2, EXPORT_HEADER)
    for row, entry in enumerate(entries, start=3):
        report, indicator = entry.report, entry.indicator
        rate = None
        if indicator.shape.is_ratio and entry.denominator is not None:
            # DOMAIN.md §2: a zero denominator is "no dossiers", never 0% or 100%.
            rate = (
                NO_DOSSIERS if entry.denominator == 0 else xlsx_value(fig.percent(entry.numerator, entry.denominator))
            )
        values = (
            report.unit.code,
            report.unit.short_name,
            month_text(report.month),
            indicator.code,
            indicator.name,
            entry.numerator,
            entry.denominator,
            rate,
            xlsx_value(entry.value),
            xlsx_value(entry.self_score),
            xlsx_value(entry.appraised_score),
            xlsx_value(indicator.target),
            report.get_status_display(),
        )
        for column, value in enumerate(values, start=1):
            put(sheet, row, column, value)
    return workbook_bytes(workbook)
