"""Values every page needs: the portal's name and the bell's count (what a person may do is asked of the
permission rules, `{% rule_perm %}`, never read from their roles)."""

from django.conf import settings
from django.utils.functional import SimpleLazyObject

from core.models import Notification


def _unread_count(user):
    """The number of unread notifications, counted (one query) only when a template shows it."""
    if user is None or not user.is_authenticated:
        return 0
    return SimpleLazyObject(lambda: Notification.objects.filter(recipient=user, read_at__isnull=True).count())


def portal(request) -> dict:
    user = getattr(request, "user", None)
    return {
        "PORTAL_NAME": settings.PORTAL_NAME,
        "unread_notifications": _unread_count(user),
    }
