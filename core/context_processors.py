"""Values every page needs: the portal name and the roles of the person looking."""

from django.conf import settings

from core.roles import user_roles


def portal(request) -> dict:
    return {
        "PORTAL_NAME": settings.PORTAL_NAME,
        "user_roles": {role.name for role in user_roles(request.user)} if hasattr(request, "user") else set(),
    }
