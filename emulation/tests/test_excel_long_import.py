"""The secretariat's long-sheet import: opens and accepts reports, leaves identical accepted ones, shows progress."""

import io
import json
from decimal import Decimal

import openpyxl
import pytest
from django.urls import reverse

from core.models import Notification
from emulation.models import ImportJob, MonthlyReport, ReportTransition
from emulation.reports import services
from emulation.reports.excel import importer
from emulation.reports.models import ReportStatus
from emulation.tests.test_excel_support import (
    BAD_COUNTS,
    entry,
    import_long,
    long_file,
    month,
    saved_state,
)
from units.models import Unit

ROWS = [
    ["VP", "2026-01", "1.2a", 45, 50, None],
    ["VP", "2026-01", "1.5c", None, None, 120],
    ["VP", "2026-01", "1.1", None, None, 8.5],
    ["VP", "2026-02", "1.2a", 40, 40, None],
    ["VP", "2026-02", "1.3c", 30, 31, None],
    ["KTHTDT", "2026-01", "1.2a", 10, 20, None],
    ["KTHTDT", "2026-01", "1.1", None, None, 7],
]


def _report(campaign, code: str, number: int) -> MonthlyReport:
    return MonthlyReport.objects.get(campaign=campaign, unit__code=code, month=month(number))


def test_secretariat_import_opens_and_accepts_reports_for_several_units_and_months(
    client, sam, bob, campaign, django_capture_on_commit_callbacks
):
    # bob already has a draft for January with his own self-score, which the import must keep.
    kthtdt = Unit.objects.get(code="KTHTDT")
    draft = services.report_open(campaign=campaign, unit=kthtdt, month=month(1), actor=bob)
    services.report_save_figures(report=draft, actor=bob, entries={"1.1": {"self_score": "9", "explanation": "Có"}})

    response, job = import_long(client, sam, campaign, long_file(ROWS), django_capture_on_commit_callbacks)

    assert response.status_code == 302 and response["Location"] == reverse("emulation:import-job", args=[job.pk])
    job.refresh_from_db()
    assert job.status == ImportJob.Status.DONE, job.errors
    assert (job.total_rows, job.processed_rows, job.errors) == (7, 7, [])
    assert "mở mới 2" in job.summary and "chấp nhận 3" in job.summary
    reports = MonthlyReport.objects.filter(campaign=campaign)
    assert reports.count() == 3
    assert set(reports.values_list("status", flat=True)) == {ReportStatus.ACCEPTED}
    for report in reports:
        assert report.accepted_by == sam and report.accepted_at is not None
        transition = report.transitions.get()
        # The one workflow engine took the step, with the secretariat's import as its reason.
        assert (transition.action, transition.to_status, transition.actor) == (
            "accept_import",
            ReportStatus.ACCEPTED,
            sam,
        )
        assert "so-lieu.xlsx" in transition.reason
        latest = report.history.first()
        assert (latest.status, latest.history_user) == (ReportStatus.ACCEPTED, sam)
    assert draft.transitions.get().from_status == ReportStatus.DRAFT
    # Every acceptance tells the unit head, as an acceptance by hand does.
    told = Notification.objects.filter(recipient=bob, kind="report_accepted")
    assert [note.url for note in told] == [reverse("emulation:report-detail", args=[draft.pk])]

    vp_january = _report(campaign, "VP", 1)
    assert (entry(vp_january, "1.2a").numerator, entry(vp_january, "1.2a").denominator) == (45, 50)
    assert entry(vp_january, "1.5c").value == Decimal("120")
    qualitative = entry(vp_january, "1.1")
    assert (qualitative.appraised_score, qualitative.self_score) == (Decimal("8.5"), Decimal("8.5"))
    assert entry(vp_january, "1.2b").numerator is None  # not in the file
    one_stop = entry(_report(campaign, "VP", 2), "1.3c")
    assert (one_stop.numerator, one_stop.denominator) == (30, 31)
    bobs = entry(draft, "1.1")
    bobs.refresh_from_db()
    assert (bobs.appraised_score, bobs.self_score, bobs.explanation) == (Decimal("7"), Decimal("9"), "Có")


def test_accepted_report_with_identical_figures_is_left_alone(
    client, sam, campaign, django_capture_on_commit_callbacks
):
    import_long(client, sam, campaign, long_file(ROWS), django_capture_on_commit_callbacks)
    before = saved_state()

    _, job = import_long(client, sam, campaign, long_file(ROWS), django_capture_on_commit_callbacks)

    job.refresh_from_db()
    assert job.status == ImportJob.Status.DONE, job.errors
    assert "không đổi 3" in job.summary
    assert saved_state() == before


def test_accepted_report_with_different_figures_is_refused_and_nothing_saved(
    client, sam, campaign, django_capture_on_commit_callbacks
):
    import_long(client, sam, campaign, long_file(ROWS), django_capture_on_commit_callbacks)
    before = saved_state()
    changed = [*ROWS, ["VHXH", "2026-03", "1.2a", 1, 2, None]]  # a new report that must not be opened either
    changed[0] = ["VP", "2026-01", "1.2a", 46, 50, None]

    _, job = import_long(client, sam, campaign, long_file(changed), django_capture_on_commit_callbacks)

    job.refresh_from_db()
    assert job.status == ImportJob.Status.FAILED
    assert job.errors == [
        {
            "sheet": "Số liệu",
            "row": 2,
            "column": "D (Tử số)",
            "message": "Báo cáo đã được chấp nhận; mở lại trước khi nhập.",
        }
    ]
    assert saved_state() == before
    assert not MonthlyReport.objects.filter(unit__code="VHXH").exists()


def test_indicator_codes_typed_as_numbers_are_read_as_codes(client, sam, campaign, django_capture_on_commit_callbacks):
    # Excel turns "1.1" typed in a cell into the number 1.1.
    _, job = import_long(
        client, sam, campaign, long_file([["VP", "2026-04", 1.1, None, None, 6]]), django_capture_on_commit_callbacks
    )
    job.refresh_from_db()
    assert job.status == ImportJob.Status.DONE, job.errors
    assert entry(_report(campaign, "VP", 4), "1.1").appraised_score == Decimal("6")


def test_progress_is_reported_every_hundred_rows(campaign, sam):
    rows = [[code, f"2026-{m:02d}", "1.2a", 1, 2, None] for code in ("VP", "KTHTDT", "VHXH") for m in range(1, 13)]
    rows += [[code, f"2026-{m:02d}", "1.5c", None, None, m] for code in ("VP", "KTHTDT", "VHXH") for m in range(1, 13)]
    rows = rows * 4  # duplicates do not matter here: only the progress calls are checked
    calls = []
    importer.long_rows_check(campaign=campaign, source=io.BytesIO(long_file(rows)), progress=lambda *a: calls.append(a))
    assert calls == [(0, 288), (100, 288), (200, 288), (288, 288)]


def test_import_job_json_and_page_show_progress_while_running(client, sam, campaign):
    job = ImportJob.objects.create(
        campaign=campaign,
        kind=ImportJob.Kind.LONG,
        file="imports/x.xlsx",
        original_name="thang-3.xlsx",
        status=ImportJob.Status.RUNNING,
        total_rows=1000,
        processed_rows=300,
        created_by=sam,
    )
    client.force_login(sam)
    url = reverse("emulation:import-job", args=[job.pk])
    data = json.loads(client.get(url, {"format": "json"}).content)
    assert data == {
        "status": "running",
        "status_label": "Đang xử lý",
        "finished": False,
        "processed_rows": 300,
        "total_rows": 1000,
        "percent": 30,
        "error_count": 0,
        "summary": "",
    }
    page = client.get(url).content.decode()
    assert 'role="progressbar"' in page and 'aria-valuenow="30"' in page and "width: 30%" in page
    assert "?format=json" in page and "setTimeout(poll, 1000)" in page
    assert "Đã kiểm tra 300/1000 dòng." in page
    # A8: no notice comes for one's own import; the page says where its result stays.
    assert "nhận thông báo" not in page
    assert "Kết quả của lần nhập luôn xem lại được ở trang này (danh sách ở trang Nhập số liệu)." in page


def test_failed_job_page_lists_every_error_without_polling(client, sam, campaign, django_capture_on_commit_callbacks):
    rows = [["VP", "2026-13", "1.2a", 1, 2, None], ["ABC", "2026-01", "1.2a", -1, 2, None]]
    _, job = import_long(client, sam, campaign, long_file(rows), django_capture_on_commit_callbacks)
    response = client.get(reverse("emulation:import-job", args=[job.pk]))
    page = response.content.decode()
    assert "Có lỗi, không lưu gì" in page and "Các ô cần sửa (3)" in page
    assert "Tháng phải có dạng YYYY-MM" in page and "Không có đơn vị mã “ABC”." in page
    assert "Không được là số âm." in page
    assert "setTimeout(poll" not in page


def test_job_page_is_only_for_its_creator_and_the_secretariat(client, personas, campaign):
    job = ImportJob.objects.create(
        campaign=campaign,
        kind=ImportJob.Kind.LONG,
        file="imports/x.xlsx",
        original_name="a.xlsx",
        created_by=personas["sam"],
    )
    url = reverse("emulation:import-job", args=[job.pk])
    for persona, status in {"alice": 404, "bob": 404, "olga": 404, "chris": 404, "ada": 404, "sam": 200}.items():
        client.force_login(personas[persona])
        assert client.get(url).status_code == status, persona
        assert client.get(url, {"format": "json"}).status_code == status, persona


def test_only_the_secretariat_may_post_an_import(client, alice, chris, campaign, django_capture_on_commit_callbacks):
    for user in (alice, chris):
        response, job = import_long(client, user, campaign, long_file(ROWS), django_capture_on_commit_callbacks)
        assert response.status_code == 404 and job is None
    assert not MonthlyReport.objects.exists()


def test_import_page_lists_recent_jobs_in_bounded_queries(client, sam, alice, campaign, django_assert_max_num_queries):
    report = services.report_open(campaign=campaign, unit=Unit.objects.get(code="VP"), month=month(5), actor=alice)
    for i in range(12):
        ImportJob.objects.create(
            campaign=campaign,
            report=report if i % 2 else None,
            kind=ImportJob.Kind.UNIT_MONTH if i % 2 else ImportJob.Kind.LONG,
            file="imports/x.xlsx",
            original_name=f"tep-{i}.xlsx",
            status=ImportJob.Status.DONE,
            created_by=alice if i % 2 else sam,
        )
    client.force_login(sam)
    url = reverse("emulation:figures-import", kwargs={"code": campaign.code})
    with django_assert_max_num_queries(12):
        response = client.get(url)
    page = response.content.decode()
    assert response.status_code == 200
    assert page.count("tep-") == 10 and "tep-11.xlsx" in page and "tep-1.xlsx" not in page
    assert "Mã đơn vị" in page and "Giá trị" in page


def test_blank_long_template_can_be_downloaded(client, sam, campaign):
    client.force_login(sam)
    response = client.get(reverse("emulation:figures-import", kwargs={"code": campaign.code}), {"mau": "1"})
    assert response.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    assert [c.value for c in sheet[1]] == ["Mã đơn vị", "Tháng", "Mã chỉ tiêu", "Tử số", "Mẫu số", "Giá trị"]


def test_import_without_accept_keeps_reports_as_they_are(campaign, sam, bob):
    kthtdt = Unit.objects.get(code="KTHTDT")
    returned = services.report_open(campaign=campaign, unit=kthtdt, month=month(2), actor=bob)
    MonthlyReport.objects.filter(pk=returned.pk).update(status=ReportStatus.RETURNED)
    rows = [["KTHTDT", "2026-02", "1.2a", 3, 4, None], ["VP", "2026-02", "1.2a", 5, 6, None]]
    result = importer.figures_import_long(
        campaign=campaign, source=io.BytesIO(long_file(rows)), actor=sam, accept=False, source_name="t.xlsx"
    )
    assert (result.opened, result.updated, result.accepted) == (1, 1, 0)
    assert _report(campaign, "KTHTDT", 2).status == ReportStatus.RETURNED
    assert _report(campaign, "VP", 2).status == ReportStatus.DRAFT
    assert not ReportTransition.objects.exists()


def test_running_a_finished_job_again_changes_nothing(client, sam, campaign, django_capture_on_commit_callbacks):
    _, job = import_long(client, sam, campaign, long_file(ROWS), django_capture_on_commit_callbacks)
    before = (saved_state(), Notification.objects.count())
    again = importer.import_run(job_id=job.pk)
    assert again.status == ImportJob.Status.DONE
    assert (saved_state(), Notification.objects.count()) == before


def test_matrix_page_offers_import_and_export_to_the_secretariat(client, sam, campaign):
    client.force_login(sam)
    page = client.get(reverse("emulation:report-matrix", kwargs={"code": campaign.code})).content.decode()
    assert reverse("emulation:figures-import", kwargs={"code": campaign.code}) in page
    assert reverse("emulation:figures-export", kwargs={"code": campaign.code}) in page


def test_accepting_by_import_updates_the_scores(client, sam, campaign, django_capture_on_commit_callbacks):
    from emulation.models import IndicatorScore

    import_long(client, sam, campaign, long_file(ROWS), django_capture_on_commit_callbacks)
    score = IndicatorScore.objects.get(campaign=campaign, unit__code="VP", indicator__code="1.2a", period="2026-Q1")
    # (45 + 40) / (50 + 40) = 94.44% against 100%: 5 × 94.444…/100 = 4.72
    assert (score.value, score.points) == (Decimal("94.44"), Decimal("4.72"))


@pytest.mark.parametrize("value, message", list(BAD_COUNTS.values()), ids=list(BAD_COUNTS))
def test_a_figure_out_of_bounds_in_the_long_sheet_is_refused_at_its_cell_and_nothing_is_saved(
    client, sam, campaign, value, message, django_capture_on_commit_callbacks
):
    rows = [
        ["VP", "2026-03", "1.2a", 1, 2, None],
        ["VP", "2026-03", "1.2b", value, value, None],
        ["KTHTDT", "2026-03", "1.5c", None, None, value],
    ]
    _, job = import_long(client, sam, campaign, long_file(rows), django_capture_on_commit_callbacks)
    job.refresh_from_db()
    assert job.status == ImportJob.Status.FAILED
    errors = {(e["row"], e["column"]): e["message"] for e in job.errors}
    assert errors[(3, "D (Tử số)")] == errors[(3, "E (Mẫu số)")] == errors[(4, "F (Giá trị)")] == message
    assert not MonthlyReport.objects.exists()


def test_an_appraised_score_out_of_bounds_is_refused(client, sam, campaign, django_capture_on_commit_callbacks):
    rows = [
        ["VP", "2026-03", "1.1", None, None, 10**30],
        ["KTHTDT", "2026-03", "1.1", None, None, 10.5],
        ["VHXH", "2026-03", "1.1", None, None, "8,5"],
        ["TTPVHCC", "2026-03", "1.1", None, None, "7,1255"],
    ]
    _, job = import_long(client, sam, campaign, long_file(rows), django_capture_on_commit_callbacks)
    job.refresh_from_db()
    errors = {e["row"]: e["message"] for e in job.errors}
    assert errors[2].startswith("Quá lớn")
    assert errors[3] == "Điểm thẩm định phải từ 0 đến 10."
    assert 4 not in errors  # "8,5" is a score as a clerk types it
    assert errors[5] == "Chỉ được tối đa 2 chữ số thập phân."
    assert not MonthlyReport.objects.exists()


def test_a_month_to_come_is_refused_at_its_cell(client, sam, campaign, monkeypatch, django_capture_on_commit_callbacks):
    # No report is opened for a month to come; the file says which cell, not a file-level refusal.
    from types import SimpleNamespace

    from emulation.reports.excel import long_sheet

    monkeypatch.setattr(long_sheet, "timezone", SimpleNamespace(localdate=lambda: month(6).replace(day=30)))
    rows = [["VP", "2026-06", "1.2a", 1, 2, None], ["VP", "2026-07", "1.2a", 1, 2, None]]
    _, job = import_long(client, sam, campaign, long_file(rows), django_capture_on_commit_callbacks)
    job.refresh_from_db()
    assert job.errors == [
        {
            "sheet": "Số liệu",
            "row": 3,
            "column": "B (Tháng)",
            "message": "Tháng 07/2026 chưa bắt đầu: chỉ nhập số liệu tháng này hoặc trước đó.",
        }
    ]
    assert not MonthlyReport.objects.exists()
