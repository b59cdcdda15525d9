"""Hostile-input rows for the sign-in and password reset forms (core/tests/test_hostile_input.py): long, malformed,
SQL, invisible, right-to-left and decomposed input. A refused sign-in may write only its failed attempt (axes);
a refused new password, a forged link or an unknown address changes nothing and sends nothing."""

from django.core import mail
from django.test import override_settings
from django.urls import reverse

from core.security.reset import reset_link
from core.tests.hostile import Case

WRONG = "Vui lòng nhập đúng tên đăng nhập và mật khẩu"
INVALID_LINK = "Liên kết này không còn hiệu lực"


def context(ctx: dict) -> dict:
    from django.test import RequestFactory

    return {"alice_link": reset_link(RequestFactory().get("/"), ctx["alice"])}


def _sign_in(username: str) -> object:
    def send(client, ctx):
        from axes.models import AccessAttempt

        response = client.post(reverse("login"), {"username": username, "password": "' OR 1=1 --"}, follow=True)
        assert all(attempt.failures_since_start == 1 for attempt in AccessAttempt.objects.all())
        assert "_auth_user_id" not in client.session
        return response

    return send


def _new_password(first: str, second: str | None = None) -> object:
    def send(client, ctx):
        opened = client.get(ctx["alice_link"], follow=True)
        body = {"new_password1": first, "new_password2": first if second is None else second}
        return client.post(opened.redirect_chain[-1][0], body, follow=True)

    return send


def _link(uidb64: str, token: str) -> object:
    def send(client, ctx):
        return client.get(reverse("password_reset_confirm", kwargs={"uidb64": uidb64, "token": token}), follow=True)

    return send


def _mailed(email: str) -> object:
    def send(client, ctx):
        backend = "django.core.mail.backends.locmem.EmailBackend"
        with override_settings(PASSWORD_RESET_BY_EMAIL=True, EMAIL_BACKEND=backend):
            response = client.post(reverse("password_reset"), {"email": email}, follow=True)
        assert mail.outbox == []
        return response

    return send


ATTEMPT = ("axes_accessattempt",)
CASES = [
    Case("login-endless-name", None, _sign_in("a" * 100_000), status=200, says=WRONG, leaves=ATTEMPT),
    Case("login-sql-name", None, _sign_in("alice' OR '1'='1"), status=200, says=WRONG, leaves=ATTEMPT),
    Case("login-zero-width-name", None, _sign_in("ali\u200bce"), status=200, says=WRONG, leaves=ATTEMPT),
    Case("login-rtl-name", None, _sign_in("\u202eecila"), status=200, says=WRONG, leaves=ATTEMPT),
    Case("login-script-name", None, _sign_in("<script>alert(1)</script>"), status=200, says=WRONG, leaves=ATTEMPT),
    Case("reset-password-mismatch", None, _new_password("Hoa-sen-2026!", "Hoa-sen-2027!"), status=200, says="khớp"),
    Case("reset-password-too-short", None, _new_password("a1"), status=200, says="quá ngắn"),
    Case("reset-password-too-common", None, _new_password("password123"), status=200, says="quá phổ biến"),
    Case("reset-password-like-the-name", None, _new_password("alice2026"), status=200, says="quá giống"),
    Case("reset-link-forged-token", None, _link("MQ", "abc-123"), status=200, says=INVALID_LINK),
    Case("reset-link-sql-uid", None, _link("JyBPUiAxPTEgLS0", "abc-123"), status=200, says=INVALID_LINK),
    Case("reset-link-endless-token", None, _link("MQ", "9" * 5000 + "-x"), status=200, says=INVALID_LINK),
    Case("reset-mail-unknown", None, _mailed("khong-co@example.vn"), status=200, says="Kiểm tra hộp thư"),
    Case("reset-mail-malformed", None, _mailed("<script>@@"), status=200, says="Nhập địa chỉ thư điện tử hợp lệ"),
    Case("reset-mail-endless", None, _mailed("a" * 100_000 + "@example.vn"), status=200),
]
CASES += [
    Case(
        "login-nul-name",
        None,
        _sign_in("ali\x00ce"),
        status=200,
        says="Tên đăng nhập: Không được chứa ký tự rỗng (null).",
    ),
    Case("login-nfd-name", None, _sign_in("Nguyễn"), status=200, says=WRONG, leaves=ATTEMPT),
]
