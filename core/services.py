"""Writes shared by every app: keeping the role groups and their permissions in place."""

from django.contrib.auth.models import Group, Permission
from django.db import transaction

from core.roles import Role

ADMIN_APPS = ("units", "criteria", "documents", "emulation", "awards", "auth", "axes")
"""The admin role manages every record of these apps in the Django admin."""


@transaction.atomic
def roles_sync() -> None:
    """Create a group per role and give the admin role every permission of ADMIN_APPS.

    Run after each migrate (core.apps), so a fresh database has its roles without demo data.
    """
    for role in Role:
        Group.objects.get_or_create(name=role.group_name)
    admin = Group.objects.get(name=Role.ADMIN.group_name)
    admin.permissions.add(*Permission.objects.filter(content_type__app_label__in=ADMIN_APPS))
