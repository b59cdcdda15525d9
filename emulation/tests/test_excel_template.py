"""A unit head's monthly template: download, fill, upload into the draft; bad cells refused, nothing saved."""

import io
from decimal import Decimal

import openpyxl
import pytest
from django.contrib.auth.context_processors import PermWrapper
from django.template.loader import render_to_string
from django.urls import reverse

from emulation.models import ImportJob, MonthlyReport
from emulation.reports import services
from emulation.reports.models import ReportStatus
from emulation.tests.test_excel_support import (
    XLSX,
    entry,
    march_report_vp,
    month,
    saved_state,
    upload,
    workbook_bytes,
)

CODES = ["1.1", "1.2a", "1.2b", "1.2c", "1.2d", "1.3a", "1.3b", "1.3c", "1.3d", "1.4a", "1.4b", "1.4c"]
CODES += ["1.5a", "1.5b", "1.5c"]
SHEET, ONE_STOP = "Báo cáo tháng", "Một cửa"
# Columns of the template, as a person sees them.
NUM, DEN, VALUE, SCORE, WHY = "F", "G", "H", "I", "J"
GOOD_ONE_STOP = [100, 60, 30, 10, 90, 20, 65, 5, 10, 8, 2]


@pytest.fixture
def report(campaign, alice) -> MonthlyReport:
    return march_report_vp(campaign, alice)


def _download(client, user, report) -> openpyxl.Workbook:
    client.force_login(user)
    response = client.get(reverse("emulation:report-excel-template", args=[report.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == XLSX
    assert 'filename="bao-cao-VP-2026-' in response["Content-Disposition"]
    return openpyxl.load_workbook(io.BytesIO(response.content))


def _rows(sheet) -> dict[str, int]:
    """Indicator code → row number, read from column A under the header."""
    header = next(row for row in range(1, 30) if sheet.cell(row=row, column=1).value == "Mã chỉ tiêu")
    return {
        sheet.cell(row=row, column=1).value: row
        for row in range(header + 1, sheet.max_row + 1)
        if sheet.cell(row=row, column=1).value
    }


def _upload(client, user, report, workbook, capture):
    client.force_login(user)
    before = set(ImportJob.objects.values_list("pk", flat=True))
    with capture(execute=True):
        response = client.post(
            reverse("emulation:report-excel-upload", args=[report.pk]),
            {"file": upload(workbook_bytes(workbook), "bao-cao-thang-3.xlsx")},
        )
    return response, ImportJob.objects.exclude(pk__in=before).first()


def _validation(sheet, cell: str):
    found = [dv for dv in sheet.data_validations.dataValidation if cell in dv.sqref]
    assert len(found) == 1, cell
    return found[0]


def _fill_one_stop(workbook, counts=GOOD_ONE_STOP) -> None:
    sheet = workbook[ONE_STOP]
    for row, count in enumerate(counts, start=2):
        sheet.cell(row=row, column=2, value=count)


def test_template_lists_the_indicators_with_targets_and_validates_number_cells(client, alice, report):
    workbook = _download(client, alice, report)
    assert workbook.sheetnames == [SHEET, ONE_STOP, "Hướng dẫn"]
    sheet = workbook[SHEET]
    rows = _rows(sheet)
    assert list(rows) == CODES
    labels = {sheet.cell(row=r, column=1).value: sheet.cell(row=r, column=2).value for r in range(1, 8)}
    assert labels["Mã đơn vị"] == "VP" and labels["Tháng"] == "2026-03"
    assert sheet[f"B{rows['1.3c']}"].value == "Hồ sơ TTHC được giải quyết đúng hạn"
    assert sheet[f"D{rows['1.3c']}"].value == "≥ 99%"
    assert sheet[f"D{rows['1.1']}"].value == "Đạt từ 8/10 điểm"
    assert sheet[f"D{rows['1.5c']}"].value == "Tăng so với kỳ trước"
    assert sheet[f"C{rows['1.3c']}"].value == "Tính từ trang “Một cửa”"

    count = _validation(sheet, f"{NUM}{rows['1.2a']}")
    assert (count.type, count.operator, count.formula1) == ("whole", "greaterThanOrEqual", "0")
    assert f"{DEN}{rows['1.2a']}" in count.sqref and f"{VALUE}{rows['1.5c']}" in count.sqref
    score = _validation(sheet, f"{SCORE}{rows['1.1']}")
    assert (score.type, score.operator, score.formula1, score.formula2) == ("decimal", "between", "0", "10")
    # Cells a person does not type (one-stop indicators, unused columns) carry no validation.
    assert not [dv for dv in sheet.data_validations.dataValidation if f"{NUM}{rows['1.3c']}" in dv.sqref]

    one_stop = workbook[ONE_STOP]
    assert [one_stop.cell(row=r, column=1).value for r in range(1, 13)] == [
        "Nội dung",
        "Tổng tiếp nhận",
        "Tiếp nhận trực tuyến",
        "Tiếp nhận trực tiếp, bưu chính",
        "Kỳ trước chuyển qua",
        "Tổng đã giải quyết",
        "Giải quyết trước hạn",
        "Giải quyết đúng hạn",
        "Giải quyết quá hạn",
        "Tổng đang giải quyết",
        "Đang giải quyết trong hạn",
        "Đang giải quyết quá hạn",
    ]
    assert _validation(one_stop, "B12").type == "whole"


def test_round_trip_fills_the_draft(client, alice, report, django_capture_on_commit_callbacks):
    workbook = _download(client, alice, report)
    sheet, rows = workbook[SHEET], _rows(workbook[SHEET])
    sheet[f"{NUM}{rows['1.2a']}"], sheet[f"{DEN}{rows['1.2a']}"] = 45, 50
    sheet[f"{NUM}{rows['1.4c']}"], sheet[f"{DEN}{rows['1.4c']}"] = "0", "0"
    sheet[f"{VALUE}{rows['1.5c']}"] = 120
    sheet[f"{SCORE}{rows['1.1']}"], sheet[f"{WHY}{rows['1.1']}"] = 8.5, "Đã số hóa quy trình tiếp nhận."
    _fill_one_stop(workbook)

    response, job = _upload(client, alice, report, workbook, django_capture_on_commit_callbacks)

    assert response.status_code == 302 and response["Location"] == reverse("emulation:import-job", args=[job.pk])
    job.refresh_from_db()
    assert job.status == ImportJob.Status.DONE, job.errors
    assert job.summary == "Đã lưu số liệu 15 chỉ tiêu vào báo cáo tháng 03/2026 của VP (bản đang soạn; chưa gửi)."
    report.refresh_from_db()
    assert report.status == ReportStatus.DRAFT
    assert (report.received, report.resolved, report.in_progress_overdue) == (100, 90, 2)
    assert (entry(report, "1.2a").numerator, entry(report, "1.2a").denominator) == (45, 50)
    assert (entry(report, "1.4c").numerator, entry(report, "1.4c").denominator) == (0, 0)
    assert entry(report, "1.5c").value == Decimal("120")
    qualitative = entry(report, "1.1")
    assert (qualitative.self_score, qualitative.explanation) == (Decimal("8.5"), "Đã số hóa quy trình tiếp nhận.")
    # The one-stop sheet drives the dossier indicators (DOMAIN.md §2).
    assert (entry(report, "1.3c").numerator, entry(report, "1.3c").denominator) == (85, 90)
    assert (entry(report, "1.3d").numerator, entry(report, "1.3d").denominator) == (20, 90)
    assert entry(report, "1.2a").history.first().history_user == alice

    # Downloaded again, the template carries the saved draft.
    again = _download(client, alice, report)
    assert again[SHEET][f"{NUM}{rows['1.2a']}"].value == 45
    assert again[SHEET][f"{WHY}{rows['1.1']}"].value == "Đã số hóa quy trình tiếp nhận."
    assert again[ONE_STOP]["B2"].value == 100


def test_bad_cells_of_a_template_are_all_listed_and_nothing_is_saved(
    client, alice, report, django_capture_on_commit_callbacks
):
    services.report_save_figures(report=report, actor=alice, entries={"1.2a": {"numerator": 1, "denominator": 2}})
    before = saved_state()
    workbook = _download(client, alice, report)
    sheet, rows = workbook[SHEET], _rows(workbook[SHEET])
    sheet[f"{DEN}{rows['1.2a']}"] = "năm mươi"
    sheet[f"{NUM}{rows['1.2b']}"], sheet[f"{DEN}{rows['1.2b']}"] = -1, 5
    sheet[f"{VALUE}{rows['1.5c']}"] = 2.5
    sheet[f"{NUM}{rows['1.4a']}"], sheet[f"{DEN}{rows['1.4a']}"] = 9, 8
    sheet[f"{SCORE}{rows['1.1']}"] = 11
    sheet[f"{VALUE}{rows['1.2c']}"] = 5
    sheet[f"{NUM}{rows['1.3c']}"] = 3
    sheet[f"{NUM}{rows['1.4b']}"] = "=1+1"
    _fill_one_stop(workbook, [99, *GOOD_ONE_STOP[1:]])

    _, job = _upload(client, alice, report, workbook, django_capture_on_commit_callbacks)

    job.refresh_from_db()
    assert job.status == ImportJob.Status.FAILED
    errors = {(e["sheet"], e["row"], e["column"]): e["message"] for e in job.errors}
    assert errors == {
        (SHEET, rows["1.1"], "I (Điểm tự chấm)"): "Điểm tự chấm phải từ 0 đến 10.",
        (SHEET, rows["1.2a"], "G (Mẫu số)"): "“năm mươi” không phải là số.",
        (SHEET, rows["1.2b"], "F (Tử số)"): "Không được là số âm.",
        (SHEET, rows["1.2c"], "H (Giá trị)"): "Chỉ tiêu 1.2c không dùng ô này (nhập Tử số, Mẫu số); hãy để trống.",
        (SHEET, rows["1.3c"], "F (Tử số)"): "Chỉ tiêu 1.3c không dùng ô này (tính từ trang “Một cửa”); hãy để trống.",
        (SHEET, rows["1.4a"], "F (Tử số)"): "Tử số (9) không được lớn hơn mẫu số (8).",
        (SHEET, rows["1.4b"], "F (Tử số)"): (
            "Ô có công thức “=1+1”: chỉ nhận giá trị; hãy sao chép và dán dạng giá trị (Paste Values)."
        ),
        (SHEET, rows["1.5c"], "H (Giá trị)"): "Phải là số nguyên, không có phần thập phân.",
        (ONE_STOP, 2, "B (Số hồ sơ)"): (
            "Sai đẳng thức “Tổng tiếp nhận = trực tuyến + trực tiếp, bưu chính + kỳ trước chuyển qua”: "
            "99 ≠ 60 + 30 + 10."
        ),
    }
    assert saved_state() == before


def test_incomplete_one_stop_counts_are_refused(client, alice, report, django_capture_on_commit_callbacks):
    workbook = _download(client, alice, report)
    workbook[ONE_STOP]["B2"] = 10
    _, job = _upload(client, alice, report, workbook, django_capture_on_commit_callbacks)
    job.refresh_from_db()
    assert job.status == ImportJob.Status.FAILED
    assert job.errors[0]["sheet"] == ONE_STOP and job.errors[0]["row"] == 2
    assert job.errors[0]["message"].startswith("Cần nhập đủ các số liệu một cửa; còn thiếu: Tiếp nhận trực tuyến")
    report.refresh_from_db()
    assert report.received is None


def test_template_of_another_month_is_refused(client, alice, campaign, report, django_capture_on_commit_callbacks):
    april = services.report_open(campaign=campaign, unit=report.unit, month=month(4), actor=alice)
    workbook = _download(client, alice, report)
    _, job = _upload(client, alice, april, workbook, django_capture_on_commit_callbacks)
    job.refresh_from_db()
    assert job.errors == [
        {
            "sheet": SHEET,
            "row": 5,
            "column": "B (Tháng)",
            "message": "Tệp là mẫu tháng 03/2026, không phải tháng 04/2026.",
        }
    ]


def test_renamed_template_column_is_refused(client, alice, report, django_capture_on_commit_callbacks):
    workbook = _download(client, alice, report)
    workbook[SHEET]["G9"] = "Mau so"
    _, job = _upload(client, alice, report, workbook, django_capture_on_commit_callbacks)
    job.refresh_from_db()
    assert job.errors == [
        {
            "sheet": SHEET,
            "row": 9,
            "column": "G (Mẫu số)",
            "message": "Cột G phải là “Mẫu số”, tệp ghi “Mau so”; không đổi tên cột.",
        }
    ]


def test_other_people_cannot_download_or_upload_a_units_template(
    client, personas, report, django_capture_on_commit_callbacks
):
    workbook = openpyxl.Workbook()
    client.force_login(personas["bob"])
    assert client.get(reverse("emulation:report-excel-template", args=[report.pk])).status_code == 404
    for persona in ("bob", "olga", "sam", "chris", "ada"):
        response, job = _upload(client, personas[persona], report, workbook, django_capture_on_commit_callbacks)
        assert response.status_code == 404 and job is None, persona


def test_a_submitted_report_takes_no_upload(client, alice, report, django_capture_on_commit_callbacks):
    MonthlyReport.objects.filter(pk=report.pk).update(status=ReportStatus.SUBMITTED)
    response, job = _upload(client, alice, report, openpyxl.Workbook(), django_capture_on_commit_callbacks)
    assert response.status_code == 404 and job is None
    client.force_login(alice)
    assert client.get(reverse("emulation:report-excel-template", args=[report.pk])).status_code == 200


def test_unit_actions_show_the_upload_form_only_to_who_may_edit(alice, sam, report):
    html = render_to_string("emulation/partials/excel_unit_actions.html", {"report": report, "user": alice})
    assert "Tải mẫu Excel" in html and reverse("emulation:report-excel-upload", args=[report.pk]) in html
    html = render_to_string("emulation/partials/excel_unit_actions.html", {"report": report, "user": sam})
    assert "Tải mẫu Excel" in html and reverse("emulation:report-excel-upload", args=[report.pk]) not in html


def test_secretariat_actions_link_import_and_export(sam, chris, campaign):
    def render(user) -> str:
        return render_to_string(
            "emulation/partials/excel_secretariat_actions.html", {"campaign": campaign, "perms": PermWrapper(user)}
        )

    html = render(sam)
    assert reverse("emulation:figures-import", kwargs={"code": campaign.code}) in html
    assert reverse("emulation:figures-export", kwargs={"code": campaign.code}) in html
    assert 'value="2026-03"' in html and "Cả năm 2026" in html
    assert reverse("emulation:figures-import", kwargs={"code": campaign.code}) not in render(chris)


def test_report_page_shows_the_excel_actions(client, alice, sam, report):
    upload_url = reverse("emulation:report-excel-upload", args=[report.pk])
    client.force_login(alice)
    page = client.get(reverse("emulation:report-detail", args=[report.pk])).content.decode()
    assert "Tải mẫu Excel" in page and upload_url in page
    client.force_login(sam)
    page = client.get(reverse("emulation:report-detail", args=[report.pk])).content.decode()
    assert "Tải mẫu Excel" in page and upload_url not in page
