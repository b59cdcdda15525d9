from django.apps import AppConfig


class EmulationConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "emulation"
    verbose_name = "Phong trào thi đua"

    def ready(self) -> None:
        from emulation import permissions  # noqa: F401  (registers the app's rules)
