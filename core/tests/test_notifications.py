"""Notifications: notify() writes the bell's rows and e-mails; the bell counts; the list; marking read."""

import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core import mail
from django.test import RequestFactory
from django.urls import reverse

from core.context_processors import portal
from core.models import Notification
from core.notifications import notify
from core.roles import user_roles

VN = ZoneInfo("Asia/Ho_Chi_Minh")
URGE_VALUES = {"unit": "VP", "month": "10/2026", "actor": "Sam Nguyễn", "deadline": "05/11/2026"}


def _text(response) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", response.content.decode()).split())


def _note(user, title="Báo cáo tháng 10/2026 bị trả lại", url="/phong-trao/", read=False) -> Notification:
    return Notification.objects.create(
        recipient=user,
        kind="report_returned",
        title=title,
        body="Lý do: thiếu minh chứng.",
        url=url,
        read_at=datetime(2026, 10, 2, 9, 0, tzinfo=VN) if read else None,
    )


def test_notify_creates_a_row_per_active_recipient_and_mails_after_commit(
    alice, bob, olga, settings, django_capture_on_commit_callbacks
):
    settings.PORTAL_BASE_URL = "https://thidua.example.vn/"
    alice.email = "alice@example.vn"
    alice.save()
    olga.is_active = False
    olga.save()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        notes = notify(kind="report_urged", recipients=[alice, bob, olga, None], url="/phong-trao/x/", **URGE_VALUES)
        assert mail.outbox == []  # nothing leaves before the transaction commits
    assert len(callbacks) == 1
    assert {n.recipient for n in notes} == {alice, bob}
    assert Notification.objects.filter(recipient=olga).count() == 0
    note = Notification.objects.get(recipient=alice)
    assert note.title == "Đôn đốc nộp báo cáo tháng 10/2026"
    assert note.body == "Sam Nguyễn đề nghị VP hoàn thành và gửi báo cáo số liệu tháng 10/2026 (hạn 05/11/2026)."
    assert note.read_at is None and note.url == "/phong-trao/x/"
    # Only alice has an address; the link in the mail is absolute.
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["alice@example.vn"]
    assert mail.outbox[0].subject == note.title
    assert "https://thidua.example.vn/phong-trao/x/" in mail.outbox[0].body


def test_bell_shows_the_unread_count_in_red(client, alice, bob):
    _note(alice), _note(alice), _note(alice, read=True), _note(bob)
    client.force_login(alice)
    response = client.get(reverse("core:home"))
    assert response.context["unread_notifications"] == 2
    html = response.content.decode()
    bell = html[html.index(reverse("core:notification-list")) - 200 :][:900]
    assert re.search(r'class="badge rounded-pill text-bg-danger"[^>]*>2</span>', bell)
    assert "Thông báo: 2 chưa đọc" in bell


def test_bell_has_no_red_badge_when_everything_is_read(client, alice):
    _note(alice, read=True)
    client.force_login(alice)
    html = client.get(reverse("core:home")).content.decode()
    bell = html[html.index(reverse("core:notification-list")) - 200 :][:900]
    assert "text-bg-danger" not in bell
    assert "Thông báo: không có thông báo chưa đọc" in bell


def test_unread_count_is_one_query_made_only_when_shown(alice, django_assert_num_queries):
    _note(alice), _note(alice, read=True)
    request = RequestFactory().get("/")
    request.user = alice
    user_roles(alice)  # the roles are read (and cached) by the same processor; not this feature's query
    with django_assert_num_queries(0):
        values = portal(request)
    with django_assert_num_queries(1):
        assert values["unread_notifications"] == 1
        assert str(values["unread_notifications"]) == "1"


def test_anonymous_visitor_costs_no_query_for_the_bell(db, django_assert_num_queries):
    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    with django_assert_num_queries(0):
        assert portal(request)["unread_notifications"] == 0


def test_list_shows_own_notifications_latest_first_unread_marked(client, alice, bob):
    old = _note(alice, title="Cũ, đã đọc", read=True)
    new = _note(alice, title="Mới, chưa đọc")
    _note(bob, title="Của Bob")
    Notification.objects.filter(pk=old.pk).update(created_at=datetime(2026, 10, 1, 8, 5, tzinfo=VN))
    Notification.objects.filter(pk=new.pk).update(created_at=datetime(2026, 10, 3, 16, 45, tzinfo=VN))
    client.force_login(alice)
    response = client.get(reverse("core:notification-list"))
    text = _text(response)
    assert "Của Bob" not in text
    assert text.index("Mới, chưa đọc") < text.index("Cũ, đã đọc")
    assert "Chưa đọc Mới, chưa đọc" in text and "Chưa đọc Cũ, đã đọc" not in text
    assert "03/10/2026 16:45" in text and "01/10/2026 08:05" in text
    assert "2 thông báo, trong đó 1 chưa đọc" in text
    assert response.content.decode().count('class="list-group-item notification-unread"') == 1


def test_list_is_paginated_by_thirty(client, alice, django_assert_max_num_queries):
    Notification.objects.bulk_create(
        [Notification(recipient=alice, kind="report_due_soon", title=f"Thông báo số {i}") for i in range(31)]
    )
    client.force_login(alice)
    with django_assert_max_num_queries(8):
        first = client.get(reverse("core:notification-list"))
    assert len(first.context["page"].object_list) == 30
    assert "Trang 1/2" in _text(first)
    second = client.get(reverse("core:notification-list"), {"page": 2})
    assert len(second.context["page"].object_list) == 1


def test_opening_a_notification_marks_it_read_and_follows_its_link(client, alice):
    note = _note(alice, url="/phong-trao/CCHC-2026/")
    client.force_login(alice)
    response = client.post(reverse("core:notification-read", kwargs={"pk": note.pk}))
    assert response.status_code == 302 and response["Location"] == "/phong-trao/CCHC-2026/"
    note.refresh_from_db()
    assert note.read_at is not None


def test_a_link_off_the_site_is_not_followed(client, alice):
    note = _note(alice, url="https://evil.example.com/")
    client.force_login(alice)
    response = client.post(reverse("core:notification-read", kwargs={"pk": note.pk}))
    assert response["Location"] == reverse("core:notification-list")


def test_another_persons_notification_answers_404_and_stays_unread(client, alice, bob):
    note = _note(alice)
    client.force_login(bob)
    assert client.post(reverse("core:notification-read", kwargs={"pk": note.pk})).status_code == 404
    note.refresh_from_db()
    assert note.read_at is None


def test_marking_read_is_a_post_only(client, alice):
    note = _note(alice)
    client.force_login(alice)
    assert client.get(reverse("core:notification-read", kwargs={"pk": note.pk})).status_code == 405
    note.refresh_from_db()
    assert note.read_at is None


def test_read_all_marks_only_ones_own(client, alice, bob):
    _note(alice), _note(alice), _note(bob)
    client.force_login(alice)
    response = client.post(reverse("core:notification-read-all"), follow=True)
    assert "Đã đánh dấu 2 thông báo là đã đọc." in _text(response)
    assert not Notification.objects.filter(recipient=alice, read_at__isnull=True).exists()
    assert Notification.objects.filter(recipient=bob, read_at__isnull=True).count() == 1
    assert response.context["unread_notifications"] == 0


@pytest.mark.parametrize("name", ["core:notification-list", "core:notification-read-all"])
def test_anonymous_visitor_cannot_post(client, db, name):
    response = client.post(reverse(name))
    assert response.status_code == 302 and reverse("login") in response["Location"]


def test_no_kind_tells_people_what_they_did_themselves():
    # A8 of issue 8: the result of one's own Excel import is shown on its job's page, not in the bell.
    from core.notifications import KINDS

    assert "import_finished" not in KINDS
    assert {"report_accepted", "report_returned", "report_urged"} <= set(KINDS)
