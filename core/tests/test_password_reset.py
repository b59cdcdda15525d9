"""Password resets on an intranet: an admin issues a one-time link, valid 3 days; with e-mail configured, "Quên mật
khẩu" sends it; without, that page says to ask the admin."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from freezegun import freeze_time

from core.tests.test_admin_pages import english_on

NEW_PASSWORD = "Hoa-sen-nở-2026"
LINK = re.compile(r"https?://[^\s<\"]+/dat-lai-mat-khau/[^\s<\"]+/")


def _issue(client, admin_user, *users) -> list[str]:
    client.force_login(admin_user)
    response = client.post(
        reverse("admin:auth_user_changelist"),
        {"action": "issued_links", "_selected_action": [user.pk for user in users]},
    )
    client.logout()
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    return LINK.findall(response.content.decode())


def _choose(client, link: str, password: str = NEW_PASSWORD):
    opened = client.get(link, follow=True)  # Django moves the token into the session, then shows the form
    assert opened.status_code == 200
    return client.post(opened.redirect_chain[-1][0], {"new_password1": password, "new_password2": password})


def _signs_in(client, username: str, password: str) -> bool:
    response = client.post(reverse("login"), {"username": username, "password": password})
    return response.status_code == 302 and response["Location"] == reverse("core:home")


def test_without_email_the_forgotten_password_page_says_to_ask_the_admin(client, alice):
    alice.email = "alice@example.vn"
    alice.save()
    page = " ".join(client.get(reverse("password_reset")).content.decode().split())
    assert "nhờ quản trị cấp cho bạn một liên kết" in page and 'name="email"' not in page
    client.post(reverse("password_reset"), {"email": "alice@example.vn"})
    assert mail.outbox == []


def test_an_admin_issues_a_one_time_link_that_sets_a_new_password(client, ada, alice, olga):
    links = _issue(client, ada, alice, olga)
    assert len(links) == 2 and links[0] != links[1]
    done = _choose(client, links[0])
    assert done.status_code == 302 and done["Location"] == reverse("password_reset_complete")
    assert "Đã đặt lại mật khẩu" in client.get(done["Location"]).content.decode()
    assert _signs_in(client, "alice", NEW_PASSWORD)
    client.logout()
    used = client.get(links[0], follow=True).content.decode()
    assert "Liên kết này không còn hiệu lực" in used and 'name="new_password1"' not in used


def test_the_link_page_and_its_refusals_are_in_vietnamese(client, ada, alice):
    (link,) = _issue(client, ada, alice)
    opened = client.get(link, follow=True)
    assert "Đặt lại mật khẩu" in opened.content.decode() and not english_on(opened.content.decode())
    refused = client.post(opened.redirect_chain[-1][0], {"new_password1": "abc", "new_password2": "abd"})
    assert refused.status_code == 200 and not english_on(refused.content.decode())
    alice.refresh_from_db()
    assert alice.check_password("matkhau-thu-nghiem")


def test_the_link_expires_after_three_days(client, ada, alice):
    with freeze_time("2026-10-05 08:00:00+07:00") as clock:
        (link,) = _issue(client, ada, alice)
        clock.tick(timedelta(days=3, seconds=1))
        assert "Liên kết này không còn hiệu lực" in client.get(link, follow=True).content.decode()


def test_only_the_admin_issues_links(client, ada, sam, alice):
    client.force_login(sam)
    response = client.post(
        reverse("admin:auth_user_changelist"), {"action": "issued_links", "_selected_action": [alice.pk]}
    )
    assert response.status_code == 302 and reverse("admin:login") in response["Location"]


@pytest.fixture
def email_configured(settings):
    settings.PASSWORD_RESET_BY_EMAIL = True
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


def test_with_email_the_forgotten_password_page_mails_the_link(client, alice, email_configured):
    alice.email = "alice@example.vn"
    alice.save()
    assert 'name="email"' in client.get(reverse("password_reset")).content.decode()
    response = client.post(reverse("password_reset"), {"email": "alice@example.vn"})
    assert response.status_code == 302 and response["Location"] == reverse("password_reset_done")
    (message,) = mail.outbox
    assert message.to == ["alice@example.vn"] and "Đặt lại mật khẩu" in message.subject
    (link,) = LINK.findall(message.body)
    _choose(client, link)
    assert _signs_in(client, "alice", NEW_PASSWORD)


def test_an_unknown_address_gets_the_same_answer_and_no_mail(client, alice, email_configured):
    response = client.post(reverse("password_reset"), {"email": "khong-co@example.vn"})
    assert response.status_code == 302 and response["Location"] == reverse("password_reset_done")
    assert mail.outbox == []
