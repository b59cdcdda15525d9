"""Sign-in lockout (django-axes): 5 wrong passwords lock a user name at one client address for 15 minutes; the same
person elsewhere and colleagues on the same address still sign in; the lock ends with time or an admin's unlock."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.urls import reverse
from freezegun import freeze_time

from core.tests.test_admin_pages import english_on
from units.tests.factories import TEST_PASSWORD

OFFICE, HOME = "10.1.2.3", "10.9.9.9"
LOCKED = "thử lại sau 15 phút hoặc nhờ quản trị mở khóa"


def _sign_in(client, username: str, password: str, address: str = OFFICE):
    return client.post(reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=address)


def _signed_in(response) -> bool:
    return response.status_code == 302 and response["Location"] == reverse("core:home")


def _fail(client, username: str, times: int = 5, address: str = OFFICE):
    return [_sign_in(client, username, "sai-mat-khau", address) for _ in range(times)][-1]


@pytest.fixture
def people(alice, olga):
    return alice, olga


def test_four_wrong_passwords_do_not_lock(client, people):
    response = _fail(client, "alice", times=4)
    assert response.status_code == 200 and "Tài khoản này đã bị tạm khóa" not in response.content.decode()
    assert _signed_in(_sign_in(client, "alice", TEST_PASSWORD))


def test_five_wrong_passwords_lock_the_user_at_that_address_in_vietnamese(client, people):
    fifth = _fail(client, "alice")
    assert fifth.status_code == 429
    page = fifth.content.decode()
    assert "Tài khoản này đã bị tạm khóa" in page and LOCKED in page
    assert 'name="username"' in page  # the login page again
    locked = _sign_in(client, "alice", TEST_PASSWORD)  # even the right password
    assert locked.status_code == 429 and LOCKED in locked.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_lock_holds_only_that_user_name_at_that_address(client, people):
    _fail(client, "alice")
    assert _signed_in(_sign_in(client, "alice", TEST_PASSWORD, address=HOME))
    client.logout()
    assert _signed_in(_sign_in(client, "olga", TEST_PASSWORD, address=OFFICE))  # a colleague in the same office


def test_the_lock_ends_after_15_minutes(client, people):
    with freeze_time("2026-10-05 08:00:00+07:00") as clock:
        _fail(client, "alice")
        clock.tick(timedelta(minutes=14))
        assert _sign_in(client, "alice", TEST_PASSWORD).status_code == 429
        # A try while locked starts the 15 minutes again.
        clock.tick(timedelta(minutes=14))
        assert _sign_in(client, "alice", TEST_PASSWORD).status_code == 429
        clock.tick(timedelta(minutes=15, seconds=1))
        assert _signed_in(_sign_in(client, "alice", TEST_PASSWORD))


def test_a_successful_sign_in_clears_earlier_failures(client, people):
    _fail(client, "alice", times=4)
    assert _signed_in(_sign_in(client, "alice", TEST_PASSWORD))
    client.logout()
    assert _fail(client, "alice", times=4).status_code == 200


def test_an_admin_unlocks_from_the_admin(client, people, ada):
    _fail(client, "alice")
    _fail(client, "olga", times=2)
    alice_lock = AccessAttempt.objects.get(username="alice")
    client.force_login(ada)
    listing = client.get(reverse("admin:axes_accessattempt_changelist"))
    assert listing.status_code == 200
    page = listing.content.decode()
    assert "alice" in page and OFFICE in page and "Mở khóa" in page and "Chọn lần đăng nhập sai" in page
    assert "Đang bị khóa" in page and not english_on(page)
    response = client.post(
        reverse("admin:axes_accessattempt_changelist"),
        {"action": "unlock", "_selected_action": [alice_lock.pk]},
        follow=True,
    )
    assert "Đã mở khóa: alice (10.1.2.3)." in response.content.decode()
    assert list(AccessAttempt.objects.values_list("username", flat=True)) == ["olga"]
    client.logout()
    assert _signed_in(_sign_in(client, "alice", TEST_PASSWORD))


def test_only_an_admin_may_unlock(client, people, sam):
    _fail(client, "alice")
    client.force_login(sam)
    lock = AccessAttempt.objects.get(username="alice")
    client.post(reverse("admin:axes_accessattempt_changelist"), {"action": "unlock", "_selected_action": [lock.pk]})
    assert AccessAttempt.objects.filter(pk=lock.pk).exists()


def test_the_admin_login_is_locked_the_same_way(client, people):
    url = reverse("admin:login")
    for _ in range(5):
        response = client.post(url, {"username": "alice", "password": "sai"}, REMOTE_ADDR=OFFICE)
    assert response.status_code == 429 and LOCKED in response.content.decode()
