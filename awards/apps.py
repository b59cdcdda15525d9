from django.apps import AppConfig


class AwardsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "awards"
    verbose_name = "Khen thưởng"

    def ready(self) -> None:
        from awards.catalogue import plan  # noqa: F401  (the plan's award forms: a section of every plan)
