"""A signed-in session ends after 30 minutes without a request; using the portal keeps it open."""

from datetime import timedelta

from django.urls import reverse
from freezegun import freeze_time

from units.tests.factories import TEST_PASSWORD


def _home(client):
    return client.get(reverse("core:home"))


def test_a_session_idle_for_30_minutes_is_signed_out(client, alice):
    with freeze_time("2026-10-05 08:00:00+07:00") as clock:
        client.force_login(alice)
        assert _home(client).status_code == 200
        clock.tick(timedelta(minutes=30, seconds=1))
        response = _home(client)
        assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_a_session_in_use_stays_open_past_30_minutes(client, alice):
    with freeze_time("2026-10-05 08:00:00+07:00") as clock:
        client.force_login(alice)
        for _ in range(4):  # two hours, a request every 29 minutes
            clock.tick(timedelta(minutes=29))
            assert _home(client).status_code == 200
        clock.tick(timedelta(minutes=31))
        assert _home(client).status_code == 302


def test_a_session_signed_in_through_the_page_is_idle_limited_too(client, alice):
    with freeze_time("2026-10-05 08:00:00+07:00") as clock:
        client.post(reverse("login"), {"username": "alice", "password": TEST_PASSWORD})
        assert client.session.get_expiry_age() == 30 * 60
        clock.tick(timedelta(minutes=20))
        assert _home(client).status_code == 200
        clock.tick(timedelta(minutes=20))
        assert _home(client).status_code == 200
        clock.tick(timedelta(minutes=30, seconds=1))
        assert _home(client).status_code == 302


def test_a_request_within_a_minute_does_not_write_the_session(client, alice):
    """The expiry moves at most once a minute, so a page's query count has no session write in it."""
    from django.contrib.sessions.models import Session

    client.force_login(alice)
    key = client.session.session_key
    before = Session.objects.get(session_key=key).expire_date
    _home(client)
    assert Session.objects.get(session_key=key).expire_date == before
