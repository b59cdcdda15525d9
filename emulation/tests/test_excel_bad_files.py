"""Bad long sheets are refused whole: every bad cell named by sheet, row and column, and nothing saved."""

import io
import time
import zipfile

import pytest
from django.urls import reverse

from core.spreadsheets import BROKEN_XLSX, ExcelInvalid, xlsx_problem
from criteria.models import Indicator
from emulation.models import ImportJob, MonthlyReport
from emulation.reports import services
from emulation.reports.excel import importer
from emulation.tests.test_excel_support import (
    CONTENT_TYPES,
    HEADER,
    import_long,
    inflating_zip,
    long_file,
    long_workbook,
    media_files,
    month,
    patched_xlsx,
    saved_state,
    upload,
    workbook_bytes,
    zip_of,
)
from units.models import Unit
from units.tests.factories import UnitFactory

NOT_XLSX = "Tệp không phải bảng tính Excel (.xlsx)."
GOOD = ["VP", "2026-03", "1.2a", 45, 50, None]
SHEET = "Số liệu"


def _with_bad_row(bad: list) -> bytes:
    return long_file([GOOD, bad])


def _formula() -> bytes:
    workbook = long_workbook([GOOD, ["VP", "2026-03", "1.2b", None, 50, None]])
    workbook.active["D3"] = "=40+5"
    return workbook_bytes(workbook)


def _merged() -> bytes:
    workbook = long_workbook([GOOD, ["VP", "2026-03", "1.2b", 1, 2, None]])
    workbook.active.merge_cells("A3:B3")
    return workbook_bytes(workbook)


def _wrong_sheets() -> bytes:
    workbook = long_workbook([["Tổng hợp năm"]], header=["Đơn vị", "Điểm"], title="Tổng hợp")
    workbook.create_sheet("Sheet2")
    return workbook_bytes(workbook)


def _zip_not_xlsx() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("doc.txt", "không phải bảng tính")
    return out.getvalue()


def _not_participating(campaign) -> None:
    UnitFactory(code="TTYT", name="Trạm Y tế")


def _applies_elsewhere(campaign) -> None:
    Indicator.objects.get(campaign=campaign, code="1.5a").applies_to.add(Unit.objects.get(code="TTPVHCC"))


# id → (file, optional set-up, expected error: sheet, row, column, message). A message ending with a full
# stop must match whole; one without is the start of a longer message.
CASES = {
    "text in a count": (
        _with_bad_row(["VP", "2026-03", "1.2b", "mười", 10, None]),
        None,
        (SHEET, 3, "D (Tử số)", "“mười” không phải là số."),
    ),
    "negative count": (
        _with_bad_row(["VP", "2026-03", "1.2b", 1, -5, None]),
        None,
        (SHEET, 3, "E (Mẫu số)", "Không được là số âm."),
    ),
    "decimal in a count value": (
        _with_bad_row(["VP", "2026-03", "1.5c", None, None, 12.5]),
        None,
        (SHEET, 3, "F (Giá trị)", "Phải là số nguyên, không có phần thập phân."),
    ),
    "decimal in a numerator": (
        _with_bad_row(["VP", "2026-03", "1.2b", 2.5, 10, None]),
        None,
        (SHEET, 3, "D (Tử số)", "Phải là số nguyên"),
    ),
    "numerator above denominator": (
        _with_bad_row(["VP", "2026-03", "1.2b", 50, 40, None]),
        None,
        (SHEET, 3, "D (Tử số)", "Tử số (50) không được lớn hơn mẫu số (40)."),
    ),
    "missing denominator": (
        _with_bad_row(["VP", "2026-03", "1.2b", 5, None, None]),
        None,
        (SHEET, 3, "E (Mẫu số)", "Chỉ tiêu tỷ lệ 1.2b cần cả tử số và mẫu số."),
    ),
    "month outside the campaign": (
        _with_bad_row(["VP", "2025-12", "1.2b", 1, 2, None]),
        None,
        (SHEET, 3, "B (Tháng)", "Tháng 12/2025 nằm ngoài thời gian của phong trào (01/01/2026 – 31/12/2026)."),
    ),
    "month not YYYY-MM": (
        _with_bad_row(["VP", "03/2026", "1.2b", 1, 2, None]),
        None,
        (SHEET, 3, "B (Tháng)", "Tháng phải có dạng YYYY-MM, ví dụ 2026-03; tệp ghi “03/2026”."),
    ),
    "month of the year zero": (
        _with_bad_row(["VP", "0000-01", "1.2b", 1, 2, None]),
        None,
        (SHEET, 3, "B (Tháng)", "Tháng phải có dạng YYYY-MM, ví dụ 2026-03; tệp ghi “0000-01”."),
    ),
    "month in full-width digits": (
        _with_bad_row(["VP", "２０２６-０３", "1.2b", 1, 2, None]),
        None,
        (SHEET, 3, "B (Tháng)", "Tháng phải có dạng YYYY-MM, ví dụ 2026-03; tệp ghi “２０２６-０３”."),
    ),
    "unknown unit": (
        _with_bad_row(["XYZ", "2026-03", "1.2b", 1, 2, None]),
        None,
        (SHEET, 3, "A (Mã đơn vị)", "Không có đơn vị mã “XYZ”."),
    ),
    "missing unit": (
        _with_bad_row([None, "2026-03", "1.2b", 1, 2, None]),
        None,
        (SHEET, 3, "A (Mã đơn vị)", "Thiếu mã đơn vị."),
    ),
    "unit outside the campaign": (
        _with_bad_row(["TTYT", "2026-03", "1.2b", 1, 2, None]),
        _not_participating,
        (SHEET, 3, "A (Mã đơn vị)", "Đơn vị TTYT không tham gia phong trào CCHC-2026."),
    ),
    "unknown indicator": (
        _with_bad_row(["VP", "2026-03", "9.9", 1, 2, None]),
        None,
        (SHEET, 3, "C (Mã chỉ tiêu)", "Không có chỉ tiêu mã “9.9” trong phong trào CCHC-2026."),
    ),
    "indicator not applying to the unit": (
        _with_bad_row(["VP", "2026-03", "1.5a", 1, 2, None]),
        _applies_elsewhere,
        (SHEET, 3, "C (Mã chỉ tiêu)", "Chỉ tiêu 1.5a không áp dụng cho"),
    ),
    "duplicate row": (
        _with_bad_row(["vp", "2026-03", "1.2A", 44, 50, None]),
        None,
        (SHEET, 3, "C (Mã chỉ tiêu)", "Trùng với dòng 2: cùng đơn vị, tháng và chỉ tiêu 1.2a."),
    ),
    "appraised score above the points": (
        _with_bad_row(["VP", "2026-03", "1.1", None, None, 11]),
        None,
        (SHEET, 3, "F (Giá trị)", "Điểm thẩm định phải từ 0 đến 10."),
    ),
    "text in a value": (
        _with_bad_row(["VP", "2026-03", "1.5c", None, None, "nhiều"]),
        None,
        (SHEET, 3, "F (Giá trị)", "“nhiều” không phải là số."),
    ),
    "value given for a ratio": (
        _with_bad_row(["VP", "2026-03", "1.2b", 1, 2, 3]),
        None,
        (SHEET, 3, "F (Giá trị)", "Chỉ tiêu 1.2b là tỷ lệ: nhập Tử số và Mẫu số, để trống cột này."),
    ),
    "formula": (_formula(), None, (SHEET, 3, "D (Tử số)", "Ô có công thức “=40+5”")),
    "merged cells": (_merged(), None, (SHEET, 3, "A (Mã đơn vị)", "Ô gộp A3:B3")),
    "blank row in the middle": (
        long_file([GOOD, [None] * 6, [None] * 6, ["VP", "2026-03", "1.2b", 1, 2, None]]),
        None,
        (SHEET, 3, "", "Dòng trống giữa bảng (các dòng 3–4)"),
    ),
    "header without rows": (long_file([]), None, (SHEET, 2, "", "Không có dòng số liệu nào dưới dòng tiêu đề.")),
    "missing column": (
        long_file([["VP", "2026-03", "1.2a", 45, None]], header=[h for h in HEADER if h != "Mẫu số"]),
        None,
        (SHEET, 1, "E (Mẫu số)", "Thiếu cột “Mẫu số”"),
    ),
    "renamed column": (
        long_file([GOOD], header=["Mã đơn vị", "Tháng", "Mã chỉ tiêu", "Tu so", "Mẫu số", "Giá trị"]),
        None,
        (SHEET, 1, "D (Tử số)", "Cột D phải là “Tử số”, tệp ghi “Tu so”"),
    ),
    "extra column": (
        long_file([GOOD], header=[*HEADER, "Ghi chú"]),
        None,
        (SHEET, 1, "G", "Cột G “Ghi chú” không có trong mẫu"),
    ),
    "wrong sheet": (
        _wrong_sheets(),
        None,
        (
            "",
            None,
            "",
            "Không tìm thấy trang tính có dòng tiêu đề “Mã đơn vị | Tháng | Mã chỉ tiêu | Tử số | Mẫu số | Giá trị”. "
            "Các trang tính trong tệp: “Tổng hợp”, “Sheet2”.",
        ),
    ),
    "not a spreadsheet (a CSV)": ("Mã đơn vị;Tháng\nVP;2026-03\n".encode(), None, ("", None, "", NOT_XLSX)),
    "a zip that is not a workbook": (_zip_not_xlsx(), None, ("", None, "", NOT_XLSX)),
}


@pytest.fixture
def existing(campaign, alice):
    """A VP draft for March with a figure the good row would overwrite."""
    report = services.report_open(campaign=campaign, unit=Unit.objects.get(code="VP"), month=month(3), actor=alice)
    services.report_save_figures(report=report, actor=alice, entries={"1.2a": {"numerator": 1, "denominator": 2}})
    return report


@pytest.mark.parametrize("case", list(CASES))
def test_bad_input_is_refused_with_its_place_and_nothing_is_saved(case, campaign, sam, existing):
    data, setup, (sheet, row, column, message) = CASES[case]
    if setup:
        setup(campaign)
    before = saved_state()
    with pytest.raises(ExcelInvalid) as refused:
        importer.figures_import_long(
            campaign=campaign, source=io.BytesIO(data), actor=sam, accept=True, source_name="bad.xlsx"
        )
    found = [(e.sheet, e.row, e.column, e.message) for e in refused.value.errors]

    def matches(text: str) -> bool:
        return text == message if message.endswith(".") else text.startswith(message)

    assert any((s, r, c) == (sheet, row, column) and matches(m) for s, r, c, m in found), found
    assert saved_state() == before


def test_every_bad_cell_is_listed(campaign, sam, existing):
    rows = [
        GOOD,
        ["VP", "2026-03", "1.2b", "abc", -1, None],
        ["XYZ", "2026-14", "7.7", None, None, None],
        ["VP", "2026-03", "1.5c", None, None, 1.5],
    ]
    with pytest.raises(ExcelInvalid) as refused:
        importer.figures_import_long(
            campaign=campaign, source=io.BytesIO(long_file(rows)), actor=sam, accept=False, source_name="bad.xlsx"
        )
    places = [(e.row, e.column) for e in refused.value.errors]
    assert places == [
        (3, "D (Tử số)"),
        (3, "E (Mẫu số)"),
        (4, "A (Mã đơn vị)"),
        (4, "B (Tháng)"),
        (4, "C (Mã chỉ tiêu)"),
        (5, "F (Giá trị)"),
    ]
    assert str(refused.value.errors[0]) == "Trang “Số liệu”, dòng 3, cột D (Tử số): “abc” không phải là số."


def test_fifty_megabyte_file_is_refused_before_it_is_read(campaign, sam, tmp_path):
    path = tmp_path / "lon.xlsx"
    with path.open("wb") as handle:
        handle.write(b"PK\x03\x04")
        handle.truncate(50 * 1024 * 1024)
    started = time.perf_counter()
    with path.open("rb") as source, pytest.raises(ExcelInvalid) as refused:
        importer.figures_import_long(campaign=campaign, source=source, actor=sam, accept=True, source_name="lon.xlsx")
    assert time.perf_counter() - started < 1
    assert refused.value.errors[0].message.startswith("Tệp nặng 50,0 MB, vượt giới hạn 5 MB")


def test_web_upload_over_five_megabytes_is_refused_without_a_job(client, sam, campaign):
    client.force_login(sam)
    url = reverse("emulation:figures-import", kwargs={"code": campaign.code})
    data = b"PK\x03\x04" + b"\0" * (5 * 1024 * 1024)
    response = client.post(url, {"file": upload(data, "lon.xlsx")})
    assert response.status_code == 400
    assert "Tệp “lon.xlsx”: Tệp nặng 5,0 MB, vượt giới hạn 5 MB" in response.content.decode()
    assert not ImportJob.objects.exists()


def test_web_upload_of_a_non_spreadsheet_is_refused_without_a_job(client, sam, campaign):
    client.force_login(sam)
    url = reverse("emulation:figures-import", kwargs={"code": campaign.code})
    response = client.post(url, {"file": upload(b"%PDF-1.7 ...", "bao-cao.xlsx")})
    assert response.status_code == 400
    assert "Tệp không phải bảng tính Excel (.xlsx)." in response.content.decode()
    assert not ImportJob.objects.exists()


def test_web_import_of_a_bad_file_fails_the_job_and_saves_nothing(
    client, sam, campaign, existing, settings, django_capture_on_commit_callbacks
):
    before = saved_state()
    _, job = import_long(client, sam, campaign, _formula(), django_capture_on_commit_callbacks)
    job.refresh_from_db()
    assert job.status == ImportJob.Status.FAILED and job.summary == "Có 1 lỗi; không lưu gì."
    assert job.errors[0]["sheet"] == SHEET and job.errors[0]["row"] == 3 and job.errors[0]["column"] == "D (Tử số)"
    assert saved_state() == before
    assert MonthlyReport.objects.count() == 1
    # A14: the refused file is not kept on disk; the job keeps its errors for its page.
    assert not job.file and media_files(settings) == []


def _too_many_rows() -> bytes:
    workbook = long_workbook([GOOD])
    workbook.active.cell(row=20_012, column=1, value="VP")  # rows 2 … 20,012 under the header: 20,011
    return workbook_bytes(workbook)


def test_row_limit_message_keeps_its_comma(campaign, sam):
    # A14: the number formatter used to turn the sentence's comma into a dot ("25.010 dòng. quá giới hạn").
    with pytest.raises(ExcelInvalid) as refused:
        importer.figures_import_long(
            campaign=campaign, source=io.BytesIO(_too_many_rows()), actor=sam, accept=True, source_name="lon.xlsx"
        )
    assert [e.message for e in refused.value.errors] == [
        "Trang “Số liệu” có 20.011 dòng, quá giới hạn 20.000 dòng; hãy tách thành nhiều tệp."
    ]


@pytest.mark.parametrize(
    "data, message",
    [
        (inflating_zip(), "Tệp không phải bảng tính Excel (.xlsx) hợp lệ: nội dung giải nén quá lớn (101,0 MB)."),
        (zip_of("word/document.xml", b"<w:document/>"), NOT_XLSX),
        (zip_of("[Content_Types].xml", b"<Types/>"), NOT_XLSX),
        (b"PK\x03\x04" + b"broken" * 100, NOT_XLSX),
    ],
    ids=["unzips to 101 MB", "a zip without content types", "a zip of something else", "a broken zip"],
)
def test_web_upload_of_a_zip_that_is_no_workbook_is_refused_without_a_job(
    client, sam, campaign, settings, data, message
):
    # Checked at the door (the zip's directory, not its content): an upload refused there is never stored.
    client.force_login(sam)
    response = client.post(
        reverse("emulation:figures-import", kwargs={"code": campaign.code}), {"file": upload(data, "bom.xlsx")}
    )
    assert response.status_code == 400
    assert f"Tệp “bom.xlsx”: {message}" in response.content.decode()
    assert not ImportJob.objects.exists() and media_files(settings) == []


def test_a_zip_bomb_is_refused_without_being_unzipped(campaign, sam):
    started = time.perf_counter()
    with pytest.raises(ExcelInvalid) as refused:
        importer.figures_import_long(
            campaign=campaign, source=io.BytesIO(inflating_zip()), actor=sam, accept=True, source_name="bom.xlsx"
        )
    assert time.perf_counter() - started < 1
    assert "nội dung giải nén quá lớn (101,0 MB)" in refused.value.errors[0].message


def test_a_cell_holding_a_nul_byte_makes_the_file_unreadable_not_a_database_error(campaign, sam, existing):
    before = saved_state()
    data = patched_xlsx(long_file([GOOD, ["VP", "2026-03", "MARKER", 1, 2, None]]), "MARKER", b"1.2\x00b")
    with pytest.raises(ExcelInvalid) as refused:
        importer.figures_import_long(
            campaign=campaign, source=io.BytesIO(data), actor=sam, accept=True, source_name="nul.xlsx"
        )
    assert [e.message for e in refused.value.errors] == [BROKEN_XLSX]
    assert saved_state() == before


def test_hidden_characters_in_a_code_are_ignored_and_echoed_cleanly(campaign, sam, existing):
    rows = [["V\u200bP", "2026-03", "1.2a", 45, 50, None], ["VP", "2026-03", "9.\u202e9", 1, 2, None]]
    with pytest.raises(ExcelInvalid) as refused:
        importer.figures_import_long(
            campaign=campaign, source=io.BytesIO(long_file(rows)), actor=sam, accept=True, source_name="x.xlsx"
        )
    assert [e.message for e in refused.value.errors] == ["Không có chỉ tiêu mã “9.9” trong phong trào CCHC-2026."]


def test_the_door_lets_a_workbook_through_and_rewinds_it():
    source = io.BytesIO(long_file([GOOD]))
    source.seek(7)
    assert xlsx_problem(source) is None and source.tell() == 0
    # The inflating zip is dressed as a workbook: only its size refuses it.
    assert "giải nén quá lớn" in xlsx_problem(io.BytesIO(inflating_zip()))
    assert CONTENT_TYPES.encode() in zipfile.ZipFile(io.BytesIO(inflating_zip())).read("[Content_Types].xml")
