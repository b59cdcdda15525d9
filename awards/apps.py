from django.apps import AppConfig


class AwardsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "awards"
    verbose_name = "Khen thưởng"

    def ready(self) -> None:
        from awards import home  # noqa: F401  (the home page's awards panel)
        from awards.catalogue import plan  # noqa: F401  (the plan's award forms: a section of every plan)
        from awards.dossiers import notices, permissions, steps  # noqa: F401  (kinds, rules, the workflow's steps)
        from awards.dossiers.verdicts import verdicts_register
        from awards.eligibility.facts import verdicts_for

        verdicts_register(verdicts_for)
