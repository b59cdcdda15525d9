"""The sign-in lockout (django-axes, settings AXES_*): a user name is locked at one client address after
AXES_FAILURE_LIMIT failed sign-ins, for AXES_COOLOFF_TIME; the login page says so in Vietnamese (status 429)."""

from axes.backends import AxesStandaloneBackend
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm
from django.shortcuts import render


class LockoutBackend(AxesStandaloneBackend):
    """Axes' check on every sign-in through a page. A sign-in without a request (the test client's `login`, a
    command) is left to the next backend: there is no client address to count it against."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


def client_username(request, credentials=None) -> str:
    """The user name an attempt is counted under (AXES_USERNAME_CALLABLE): as typed, cut to the user name's length
    (an endless one would not fit axes' column) and without NUL characters (PostgreSQL refuses them)."""
    typed = (credentials or {}).get("username") or request.POST.get("username") or ""
    return str(typed).replace("\x00", "")[:150]


def lockout_message() -> str:
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return (
        f"Tài khoản này đã bị tạm khóa trên máy này vì đăng nhập sai {settings.AXES_FAILURE_LIMIT} lần liên tiếp. "
        f"Vui lòng thử lại sau {minutes} phút hoặc nhờ quản trị mở khóa."
    )


def lockout_response(request, original_response=None, credentials=None):
    """The login page again, empty, with the lock explained (AXES_LOCKOUT_CALLABLE)."""
    context = {"form": AuthenticationForm(request), "lockout": lockout_message(), "next": request.POST.get("next", "")}
    return render(request, "registration/login.html", context, status=429)
