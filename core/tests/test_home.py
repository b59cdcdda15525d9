"""Each role's home page answers "what should I do now?" first."""

import re
from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone


@pytest.fixture
def on_25_november_2026(monkeypatch):
    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: date(2026, 11, 25))


def _home(client, user) -> str:
    client.force_login(user)
    response = client.get(reverse("core:home"))
    assert response.status_code == 200
    return " ".join(re.sub(r"<[^>]+>", " ", response.content.decode()).split())


def test_unit_head_sees_their_unit_and_this_months_deadline(client, alice, campaign, on_25_november_2026):
    text = _home(client, alice)
    assert "Việc của thủ trưởng đơn vị" in text
    assert "Đơn vị: Phòng VP" in text
    assert "tháng 11/2026 của VP: hạn nộp 05/12/2026 còn 10 ngày" in text
    assert "Lập báo cáo tháng 11/2026" in text
    assert "Việc của Thường trực thi đua" not in text and "Quản trị" not in text.split("Xin chào")[1]


def test_unit_head_reaches_this_months_report_once_opened(client, alice, campaign, on_25_november_2026):
    from emulation.reports.services import report_open

    report = report_open(campaign=campaign, unit=alice.official.unit, month=date(2026, 11, 1), actor=alice)
    client.force_login(alice)
    html = client.get(reverse("core:home")).content.decode()
    assert reverse("emulation:report-edit", kwargs={"pk": report.pk}) in html and "Đang soạn" in html


def test_secretariat_sees_what_waits_for_review(client, sam, alice, campaign):
    from emulation.models import MonthlyReport
    from emulation.reports.services import report_open

    report = report_open(campaign=campaign, unit=alice.official.unit, month=date(2026, 10, 1), actor=alice)
    MonthlyReport.objects.filter(pk=report.pk).update(status="submitted", submitted_at=timezone.now())
    text = _home(client, sam)
    assert "1 báo cáo chờ xem xét" in text and "VP — tháng 10/2026" in text


def test_secretariat_sees_the_participants_and_who_heads_them(client, sam, alice, bob, campaign, on_25_november_2026):
    text = _home(client, sam)
    assert "Việc của Thường trực thi đua" in text
    assert "5 đơn vị tham gia phong trào" in text
    assert "VP — Alice Nguyễn" in text and "KTHTDT — Bob Nguyễn" in text
    assert "VHXH — chưa có thủ trưởng" in text


def test_chairman_sees_what_waits_for_signature(client, chris, campaign):
    text = _home(client, chris)
    assert "Việc của Chủ tịch" in text and "chờ ký duyệt" in text


def test_admin_sees_links_to_edit_the_plan(client, ada, campaign):
    text = _home(client, ada)
    assert "Chỉ tiêu: chỉ tiêu phấn đấu, điểm, cách tính" in text
    assert "Việc của thủ trưởng đơn vị" not in text


def test_official_without_a_campaign_is_told_so(client, olga):
    assert "Chưa có phong trào thi đua nào đang triển khai." in _home(client, olga)


def test_home_query_count_is_bounded(client, sam, campaign, django_assert_max_num_queries):
    client.force_login(sam)
    # Twelve for the campaign's panels, two for the awards panel (the queue's counts, one's own nominations), two
    # for the initiatives panel (the unit's initiatives in one summary, those waiting for recognition).
    with django_assert_max_num_queries(16):
        client.get(reverse("core:home"))


def test_an_official_without_a_unit_role_sees_their_units_progress(client, olga, sam, campaign, on_25_november_2026):
    from emulation.reports.services import report_open

    report_open(campaign=campaign, unit=olga.official.unit, month=date(2026, 11, 1), actor=sam)
    text = _home(client, olga)
    assert "Cá nhân · VP" in text and "Đơn vị Phòng VP trong phong trào" in text
    assert "Báo cáo số liệu tháng 11/2026 (hạn 05/12/2026): Đang soạn" in text
    assert "Đã được chấp nhận 0/11 tháng đến nay." in text


def test_the_secretariat_sees_how_many_units_have_sent_this_month(client, sam, alice, campaign, on_25_november_2026):
    from emulation.models import MonthlyReport
    from emulation.reports.services import report_open

    report = report_open(campaign=campaign, unit=alice.official.unit, month=date(2026, 11, 1), actor=alice)
    MonthlyReport.objects.filter(pk=report.pk).update(status="submitted", submitted_at=timezone.now())
    assert "1/5 đơn vị đã gửi tháng 11" in _home(client, sam)


def test_a_returned_report_shows_why_on_the_unit_heads_card(client, alice, sam, campaign, on_25_november_2026):
    from emulation.reports import services
    from emulation.tests.conftest import fill

    report = services.report_open(campaign=campaign, unit=alice.official.unit, month=date(2026, 10, 1), actor=alice)
    fill(report, alice)
    services.report_transition(report=report, action="submit", actor=alice)
    services.report_transition(report=report, action="return", actor=sam, reason="Thiếu minh chứng 1.2a")
    text = _home(client, alice)
    assert "Báo cáo tháng 10/2026 của VP Bị trả lại" in text and "Lý do trả lại: Thiếu minh chứng 1.2a" in text
    detail = client.get(reverse("emulation:report-detail", args=[report.pk])).content.decode()
    badge_at = detail.index("Bị trả lại")
    assert "Lý do trả lại:" in detail[badge_at : badge_at + 1500]  # beside the badge, at the top of the page
