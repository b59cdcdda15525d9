from django.apps import AppConfig


class AwardsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "awards"
    verbose_name = "Khen thưởng"

    def ready(self) -> None:
        from awards import audit, home  # noqa: F401  (the audit log's sources; the home page's awards panel)
        from awards.catalogue import plan  # noqa: F401  (the plan's award forms: a section of every plan)
        from awards.council import papers as council_papers  # noqa: F401  (the ward council's minutes: a document)
        from awards.decisions import papers as decision_papers  # noqa: F401  (the decision, certificates: documents)

        # The dossiers' notice kinds, rules, workflow steps and documents (tờ trình, biên bản, báo cáo thành tích).
        from awards.dossiers import notices, papers, permissions, steps  # noqa: F401
        from awards.dossiers.verdicts import verdicts_register
        from awards.eligibility.facts import verdicts_for

        verdicts_register(verdicts_for)
