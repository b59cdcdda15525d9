from django.apps import AppConfig


class UnitsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "units"
    verbose_name = "Tổ chức bộ máy"

    def ready(self) -> None:
        from units import audit, permissions  # noqa: F401  (the app's rules; its sources of the audit log)
