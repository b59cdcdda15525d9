"""Idle sessions end (SESSION_IDLE_SECONDS) and nothing signed-in or downloaded is kept by a browser or proxy cache."""

import time

from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

TOUCHED = "_touched"
# A session's expiry moves forward at most once a minute: a page does not write its session on every request.
TOUCH_EVERY_SECONDS = 60


@receiver(user_logged_in)
def session_start_idle_clock(sender, request, user, **kwargs) -> None:
    """A signed-in session expires SESSION_IDLE_SECONDS after its last use (the database row and the cookie)."""
    request.session.set_expiry(settings.SESSION_IDLE_SECONDS)
    request.session[TOUCHED] = int(time.time())


class IdleSessionMiddleware:
    """Moves a signed-in session's expiry forward when it is used; an expired session loads empty (signed out)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        session = getattr(request, "session", None)
        if session is not None:
            touched = session.get(TOUCHED)
            now = int(time.time())
            if touched is not None and now - touched >= TOUCH_EVERY_SECONDS:
                session[TOUCHED] = now  # saved by SessionMiddleware, with a new expiry
        return self.get_response(request)


class NoStoreMiddleware:
    """`Cache-Control: no-store` on every page answered to a signed-in person and on every download, unless the
    view chose its own caching. Static files are answered before this (WhiteNoise) and keep theirs."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.has_header("Cache-Control"):
            return response
        user = getattr(request, "user", None)
        download = response.get("Content-Disposition", "").lower().startswith("attachment")
        if download or (user is not None and user.is_authenticated):
            response["Cache-Control"] = "no-store"
        return response
