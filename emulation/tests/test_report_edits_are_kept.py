"""What people type is kept: text never rewritten, no save silently replacing another, one urge a day."""

import re
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from core.models import Notification
from emulation.models import MonthlyReport, ReportReminder
from emulation.reports import services
from emulation.tests.conftest import ONE_STOP, PDF, complete_figures, fill, form_of

TEXTS = [
    "Thời gian xử lý còn 2.5 ngày; tỷ lệ đạt 100",
    "1.000",
    "8,50",
    "Dòng một\nDòng hai: 0.10",
    "=1+1",
]


def _text(response) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", response.content.decode()).split())


@pytest.mark.parametrize("text", TEXTS)
def test_saving_the_form_again_keeps_an_explanation_exactly(client, alice, report_vp, text):
    """The edit page once passed every field through the number formatter: "… đạt 100" came back "… đạt 1"."""
    entries = complete_figures(report_vp) | {"1.1": {"self_score": "8,5", "explanation": text}}
    services.report_save_figures(report=report_vp, actor=alice, entries=entries, one_stop=ONE_STOP)
    client.force_login(alice)
    url = reverse("emulation:report-edit", kwargs={"pk": report_vp.pk})
    form = form_of(client.get(url).content.decode())
    assert form["e-1.1-explanation"] == text
    assert form["e-1.1-self_score"] == "8,5"  # a stored number is shown as a clerk types it
    assert client.post(url, form).status_code == 302
    assert report_vp.entries.get(indicator__code="1.1").explanation == text


@pytest.mark.parametrize("text", TEXTS)
def test_a_return_reason_is_kept_exactly(client, alice, sam, filled_vp, text):
    services.report_transition(report=filled_vp, action="submit", actor=alice)
    client.force_login(sam)
    client.post(reverse("emulation:report-transition", args=[filled_vp.pk, "return"]), {"reason": text})
    assert filled_vp.transitions.get(action="return").reason == text
    assert Notification.objects.get(recipient=alice, kind="report_returned").body.endswith(f"Lý do: {text}")


def test_hidden_characters_are_dropped_and_text_normalised_at_the_edge(alice, report_vp, sam):
    decomposed = "Ca\u0301c ho\u0302\u0300 so\u031b"  # "Các hồ sơ" typed with combining marks
    entries = {"1.1": {"self_score": "8", "explanation": f"Giải trình\x00 có\u200b ký tự ẩn\u202e. {decomposed}"}}
    services.report_save_figures(report=report_vp, actor=alice, entries=entries)
    assert report_vp.entries.get(indicator__code="1.1").explanation == "Giải trình có ký tự ẩn. Các hồ sơ"
    entry = report_vp.entries.get(indicator__code="1.1")
    evidence = services.evidence_add(
        entry=entry, actor=alice, upload=SimpleUploadedFile("evil\u202egnp.pdf", PDF, content_type="application/pdf")
    )
    assert evidence.original_name == "evilgnp.pdf"


def test_a_too_long_explanation_is_refused_and_nothing_saved(client, alice, report_vp):
    client.force_login(alice)
    url = reverse("emulation:report-edit", kwargs={"pk": report_vp.pk})
    form = form_of(client.get(url).content.decode()) | {"e-1.1-explanation": "x" * 5001, "e-1.2a-numerator": "9"}
    response = client.post(url, form)
    assert response.status_code == 200
    assert "Giải trình dài 5.001 ký tự, vượt giới hạn 5.000 ký tự." in _text(response)
    assert not report_vp.entries.filter(numerator__isnull=False).exists()


# ---------------------------------------------------------------- lost updates


def _second_browser(user) -> Client:
    other = Client()
    other.force_login(user)
    return other


def test_a_save_based_on_an_older_version_is_refused_and_keeps_what_was_typed(client, alice, report_vp):
    url = reverse("emulation:report-edit", kwargs={"pk": report_vp.pk})
    client.force_login(alice)
    mine = form_of(client.get(url).content.decode())
    theirs_browser = _second_browser(alice)
    theirs = form_of(theirs_browser.get(url).content.decode())
    assert theirs_browser.post(url, theirs | {"e-1.2b-numerator": "7", "e-1.2b-denominator": "8"}).status_code == 302

    refused = client.post(url, mine | {"e-1.2b-numerator": "5", "e-1.2b-denominator": "9"})
    assert refused.status_code == 409
    text = _text(refused)
    assert "Đã có người khác thay đổi nội dung này sau khi bạn mở trang; chưa lưu gì." in text
    assert "1.2b · tử số" in text and "Alice Nguyễn" in text  # who changed what, old → new
    page = refused.content.decode()
    assert 'name="e-1.2b-numerator" value="5"' in page and 'name="e-1.2b-denominator" value="9"' in page
    entry = report_vp.entries.get(indicator__code="1.2b")
    assert (entry.numerator, entry.denominator) == (7, 8)
    # Saved again from the refused page (it now carries the current version): the person's figures win.
    assert client.post(url, form_of(page)).status_code == 302
    entry.refresh_from_db()
    assert (entry.numerator, entry.denominator) == (5, 9)


def test_an_evidence_change_makes_an_open_form_stale(client, alice, report_vp):
    url = reverse("emulation:report-edit", kwargs={"pk": report_vp.pk})
    client.force_login(alice)
    form = form_of(client.get(url).content.decode())
    entry = report_vp.entries.get(indicator__code="1.1")
    services.evidence_add(entry=entry, actor=alice, upload=SimpleUploadedFile("a.pdf", PDF))
    refused = client.post(url, form)
    assert refused.status_code == 409 and "Thêm minh chứng “a.pdf” (1.1)" in _text(refused)


def test_an_acceptance_based_on_an_older_version_is_refused(client, alice, sam, filled_vp):
    services.report_transition(report=filled_vp, action="submit", actor=alice)
    detail = reverse("emulation:report-detail", kwargs={"pk": filled_vp.pk})
    client.force_login(sam)
    page = client.get(detail).content.decode()
    shown = {"version": re.search(r'name="version" value="(\d+)"', page)[1]}
    shown["seen_at"] = re.search(r'name="seen_at" value="([^"]+)"', page)[1]
    # Meanwhile the unit withdraws, changes a figure and sends again.
    services.report_transition(report=filled_vp, action="withdraw", actor=alice)
    services.report_save_figures(
        report=filled_vp, actor=alice, entries={"1.2a": {"numerator": "10", "denominator": "10"}}
    )
    services.report_transition(report=filled_vp, action="submit", actor=alice)
    accept = reverse("emulation:report-transition", args=[filled_vp.pk, "accept"])
    refused = client.post(accept, shown | {"appraise-1.1": "7,5"})
    assert refused.status_code == 409
    text = _text(refused)
    assert "chưa lưu gì" in text and "1.2a · tử số" in text and "Đã gửi, chờ xem xét" in text
    assert 'value="7,5"' in refused.content.decode()  # the appraisal typed is kept
    filled_vp.refresh_from_db()
    assert filled_vp.status == "submitted"


# ---------------------------------------------------------------- urging


def test_urging_twice_the_same_day_sends_one_notice(client, sam, bob, campaign, monkeypatch):
    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: date(2026, 11, 10))
    client.force_login(sam)
    url = reverse("emulation:report-urge", kwargs={"code": campaign.code})
    client.post(url, {"unit": "KTHTDT", "month": "2026-10"})
    second = client.post(url, {"unit": "KTHTDT", "month": "2026-10"}, follow=True)
    first = ReportReminder.objects.get(kind="urge")
    assert f"lúc {timezone.localtime(first.sent_at):%H:%M} hôm nay; không gửi thêm thông báo" in _text(second)
    assert Notification.objects.filter(recipient=bob, kind="report_urged").count() == 1
    assert ReportReminder.objects.filter(kind="urge").count() == 1


# ---------------------------------------------------------------- months


def test_a_report_cannot_be_opened_for_a_month_not_begun(client, alice, campaign, monkeypatch):
    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: date(2026, 11, 30))
    client.force_login(alice)
    url = reverse("emulation:report-open", kwargs={"code": campaign.code})
    for month in ("2026-12", "２０２６-１２"):
        response = client.post(url, {"unit": "VP", "month": month}, follow=True)
        assert response.status_code in (200, 404)
    assert "Tháng 12/2026 chưa bắt đầu" in _text(client.post(url, {"unit": "VP", "month": "2026-12"}, follow=True))
    assert not MonthlyReport.objects.exists()
    assert client.post(url, {"unit": "VP", "month": "2026-11"}).status_code == 302
    assert MonthlyReport.objects.get().month == date(2026, 11, 1)
    assert fill(MonthlyReport.objects.get(), alice).entries.filter(numerator__isnull=False).exists()


def test_an_import_makes_an_open_form_stale(client, alice, sam, report_vp):
    import io

    from emulation.reports.excel import importer
    from emulation.tests.test_excel_support import long_file

    url = reverse("emulation:report-edit", kwargs={"pk": report_vp.pk})
    client.force_login(alice)
    form = form_of(client.get(url).content.decode())
    rows = [["VP", "2026-10", "1.2a", 40, 50, None]]
    importer.figures_import_long(
        campaign=report_vp.campaign, source=io.BytesIO(long_file(rows)), actor=sam, accept=False, source_name="x.xlsx"
    )
    refused = client.post(url, form | {"e-1.2a-numerator": "1", "e-1.2a-denominator": "2"})
    assert refused.status_code == 409 and "1.2a · tử số" in _text(refused)
    entry = report_vp.entries.get(indicator__code="1.2a")
    assert (entry.numerator, entry.denominator) == (40, 50)


def test_an_evidence_error_shows_beside_its_row_not_at_the_top(client, alice, report_vp):
    client.force_login(alice)
    entry = report_vp.entries.get(indicator__code="1.2a")
    url = reverse("emulation:evidence-upload", kwargs={"entry_pk": entry.pk})
    response = client.post(url, {"file": SimpleUploadedFile("x.pdf", b"MZ\x90\x00")}, follow=True)
    page = response.content.decode()
    row = page[page.index('id="chi-tieu-1.2a"') :]
    row = row[: row.index("</tr>")]
    assert "Tệp “x.pdf”: không phải PDF" in row
    assert page.count("Tệp “x.pdf”: không phải PDF") == 1  # not repeated at the top of the page
    assert response.redirect_chain[-1][0].endswith("#chi-tieu-1.2a")
