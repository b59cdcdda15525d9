"""Values every page needs: the portal and ward names, and the roles of the person looking."""

from django.conf import settings
from django.utils.functional import SimpleLazyObject

from core.roles import user_roles


def _ward_name() -> str:
    from units.selectors import ward_root

    ward = ward_root()
    return ward.name if ward else ""


def portal(request) -> dict:
    user = getattr(request, "user", None)
    return {
        "PORTAL_NAME": settings.PORTAL_NAME,
        "WARD_NAME": SimpleLazyObject(_ward_name),
        "roles": {role.name for role in user_roles(user)} if user is not None else set(),
    }
