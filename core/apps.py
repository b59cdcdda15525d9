from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _sync_roles(sender, **kwargs) -> None:
    from core.services import roles_sync

    roles_sync()


class CoreConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "core"
    verbose_name = "Dùng chung"

    def ready(self) -> None:
        from core import permissions  # registers the shared rules
        from core.audit import admin_log  # noqa: F401 - the admin's LogEntry, a source of the audit log
        from core.audit import permissions as audit_permissions  # noqa: F401
        from core.converters import converters_register
        from core.security import middleware  # noqa: F401 - starts a signed-in session's idle clock

        converters_register()
        from core.panels import Panel, panel_register

        def admin_panel(request, today):
            return {} if permissions.is_admin(request.user) else None

        panel_register(Panel("admin", "core/panels/admin.html", admin_panel, order=80))

        # After every app's migrations, so the admin role sees all their permissions.
        post_migrate.connect(_sync_roles, dispatch_uid="core.roles_sync")
