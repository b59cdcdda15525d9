"""Values every page needs: the portal's name, the roles of the person looking, the bell's count."""

from django.conf import settings
from django.utils.functional import SimpleLazyObject

from core.models import Notification
from core.roles import user_roles


def _unread_count(user):
    """The number of unread notifications, counted (one query) only when a template shows it."""
    if user is None or not user.is_authenticated:
        return 0
    return SimpleLazyObject(lambda: Notification.objects.filter(recipient=user, read_at__isnull=True).count())


def portal(request) -> dict:
    user = getattr(request, "user", None)
    return {
        "PORTAL_NAME": settings.PORTAL_NAME,
        "roles": {role.name for role in user_roles(user)} if user is not None else set(),
        "unread_notifications": _unread_count(user),
    }
