"""What a person learns of their own import, and where (issue 8: A8, A10, A14): the job's page, the report's
"Lần nhập gần nhất", the secretariat's list of imports; never the bell, which carries what others did. A job
says "không lưu gì" only when nothing was saved, and a failed job keeps its errors but not its file."""

import re

import pytest
from django.db import transaction
from django.urls import reverse

from core.models import Notification
from emulation.models import ImportJob, MonthlyReport, ReportTransition
from emulation.reports.excel import importer, intake
from emulation.reports.models import ReportStatus
from emulation.tests.test_excel_long_import import ROWS, _report
from emulation.tests.test_excel_support import (
    failed_errors,
    import_long,
    long_file,
    march_report_vp,
    media_files,
    upload,
)
from emulation.tests.test_excel_template import SHEET, VALUE, _download, _rows, _upload


@pytest.fixture
def report(campaign, alice):
    return march_report_vp(campaign, alice)


# --- The secretariat's long sheet ---------------------------------------------------------------------------


def test_secretariat_import_leaves_nothing_in_its_own_bell_but_tells_the_unit_heads(
    client, sam, alice, bob, campaign, django_capture_on_commit_callbacks
):
    # A8: the bell carries what others did for you; the import's own result is on its job page.
    response, job = import_long(client, sam, campaign, long_file(ROWS), django_capture_on_commit_callbacks)
    job.refresh_from_db()
    assert job.status == ImportJob.Status.DONE, job.errors
    assert response["Location"] == reverse("emulation:import-job", args=[job.pk])
    assert not Notification.objects.filter(recipient=sam).exists()
    # The workflow engine's acceptance notices still reach each unit's head, one per accepted report.
    for head, code, months in ((alice, "VP", (1, 2)), (bob, "KTHTDT", (1,))):
        notes = Notification.objects.filter(recipient=head)
        assert set(notes.values_list("kind", flat=True)) == {"report_accepted"}
        reports = {_report(campaign, code, m).pk for m in months}
        assert {note.url for note in notes} == {reverse("emulation:report-detail", args=[pk]) for pk in reports}


def test_a_failed_import_leaves_nothing_in_the_bell_either(client, sam, campaign, django_capture_on_commit_callbacks):
    _, job = import_long(
        client, sam, campaign, long_file([["VP", "2026-01", "1.2a", -1, 2, None]]), django_capture_on_commit_callbacks
    )
    job.refresh_from_db()
    assert job.status == ImportJob.Status.FAILED
    assert not Notification.objects.exists()


def test_import_page_shows_each_recent_jobs_status_and_result(
    client, sam, campaign, django_capture_on_commit_callbacks
):
    # A8: no notice in the bell, so the secretariat finds every result here.
    import_long(client, sam, campaign, long_file(ROWS[:1]), django_capture_on_commit_callbacks, name="dung.xlsx")
    import_long(
        client,
        sam,
        campaign,
        long_file([["VP", "2026-02", "1.2a", -1, 2, None]]),
        django_capture_on_commit_callbacks,
        name="sai.xlsx",
    )
    page = client.get(reverse("emulation:figures-import", kwargs={"code": campaign.code}))
    rows = {
        name: " ".join(re.sub(r"<[^>]+>", " ", row).split())
        for row in re.findall(r"<tr>.*?</tr>", page.content.decode(), re.S)
        for name in ("dung.xlsx", "sai.xlsx")
        if name in row
    }
    assert "Hoàn tất" in rows["dung.xlsx"] and "Đã nhập 1 dòng số liệu" in rows["dung.xlsx"]
    assert "Có lỗi, không lưu gì" in rows["sai.xlsx"] and "Có 1 lỗi; không lưu gì." in rows["sai.xlsx"]
    for job in ImportJob.objects.all():
        assert reverse("emulation:import-job", args=[job.pk]) in page.content.decode()


def _run_upload(campaign, sam, data: bytes) -> ImportJob:
    """Upload through the intake with real commits: the job runs on commit, as with a worker."""
    job = intake.import_job_create(
        campaign=campaign, kind=ImportJob.Kind.LONG, upload=upload(data), actor=sam, accept=True
    )
    job.refresh_from_db()
    return job


@pytest.mark.django_db(transaction=True)
def test_an_error_after_the_import_committed_leaves_the_job_done_and_says_so(sam, alice, campaign, monkeypatch):
    # Work run on commit fails once the reports are created and accepted: the job used to say
    # "Có 1 lỗi; không lưu gì" over saved, accepted reports.
    accept = importer.reports_accept_imported

    def accept_then_fail_on_commit(**kwargs):
        transaction.on_commit(lambda: 1 / 0)
        return accept(**kwargs)

    monkeypatch.setattr(importer, "reports_accept_imported", accept_then_fail_on_commit)

    job = _run_upload(campaign, sam, long_file(ROWS))

    assert MonthlyReport.objects.filter(status=ReportStatus.ACCEPTED).count() == 3
    assert job.status == ImportJob.Status.DONE and job.errors == []
    assert "không lưu gì" not in job.summary
    assert job.summary.startswith("Đã nhập 7 dòng số liệu của 3 báo cáo")
    assert "số liệu đã được lưu, nhưng một việc chạy sau khi lưu bị lỗi" in job.summary


@pytest.mark.django_db(transaction=True)
def test_an_error_inside_the_write_fails_the_job_and_nothing_is_saved(sam, campaign, monkeypatch, settings):
    def fail(**kwargs):
        raise RuntimeError("the database went away")

    monkeypatch.setattr(importer, "reports_accept_imported", fail)

    job = _run_upload(campaign, sam, long_file(ROWS))

    assert job.status == ImportJob.Status.FAILED
    assert job.summary == "Có 1 lỗi; không lưu gì."
    assert [e["message"] for e in job.errors] == [importer.SYSTEM_ERROR]
    assert not MonthlyReport.objects.exists() and not ReportTransition.objects.exists()
    assert not job.file and media_files(settings) == []


# --- A unit's template --------------------------------------------------------------------------------------


def test_a_unit_heads_uploads_leave_nothing_in_their_bell(client, alice, report, django_capture_on_commit_callbacks):
    # A8: the result of one's own upload is on its job page, not among what others did for you.
    workbook = _download(client, alice, report)
    workbook[SHEET][f"{VALUE}{_rows(workbook[SHEET])['1.5c']}"] = 12
    _, done = _upload(client, alice, report, workbook, django_capture_on_commit_callbacks)
    workbook[SHEET][f"{VALUE}{_rows(workbook[SHEET])['1.5c']}"] = -1
    _, failed = _upload(client, alice, report, workbook, django_capture_on_commit_callbacks)
    done.refresh_from_db()
    failed.refresh_from_db()
    assert (done.status, failed.status) == (ImportJob.Status.DONE, ImportJob.Status.FAILED)
    assert not Notification.objects.exists()


def test_after_an_upload_the_unit_head_lands_on_the_job_and_finds_it_again_on_the_report(
    client, alice, report, django_capture_on_commit_callbacks
):
    workbook = _download(client, alice, report)
    workbook[SHEET][f"{VALUE}{_rows(workbook[SHEET])['1.5c']}"] = -1
    response, job = _upload(client, alice, report, workbook, django_capture_on_commit_callbacks)
    job_url = reverse("emulation:import-job", args=[job.pk])
    assert response.status_code == 302 and response["Location"] == job_url

    page = client.get(job_url).content.decode()
    assert "Có lỗi, không lưu gì" in page and "Không được là số âm." in page
    assert reverse("emulation:report-detail", args=[report.pk]) in page and "tải lên tệp đã sửa" in page

    report_page = client.get(reverse("emulation:report-detail", args=[report.pk])).content.decode()
    assert "Lần nhập gần nhất" in report_page and job_url in report_page and "bao-cao-thang-3.xlsx" in report_page


def test_a_failed_job_deletes_its_stored_file_and_keeps_its_errors(
    client, alice, report, settings, django_capture_on_commit_callbacks
):
    # A14: a refused upload does not stay on disk; the job row keeps the errors for its page.
    workbook = _download(client, alice, report)
    workbook[SHEET][f"{VALUE}{_rows(workbook[SHEET])['1.5c']}"] = 10**13
    _, job = _upload(client, alice, report, workbook, django_capture_on_commit_callbacks)
    assert failed_errors(job)
    assert not job.file and media_files(settings) == []
    assert client.get(reverse("emulation:import-job", args=[job.pk])).status_code == 200

    # A job that saved its figures keeps its file: the record of what was imported.
    workbook[SHEET][f"{VALUE}{_rows(workbook[SHEET])['1.5c']}"] = 13
    _, done = _upload(client, alice, report, workbook, django_capture_on_commit_callbacks)
    done.refresh_from_db()
    assert done.status == ImportJob.Status.DONE and media_files(settings) == [done.file.name]
