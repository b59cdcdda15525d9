from django.apps import AppConfig


class UnitsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "units"
    verbose_name = "Tổ chức bộ máy"

    def ready(self) -> None:
        from units import permissions  # noqa: F401  (registers the app's rules)
