from django.apps import AppConfig


class EmulationConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "emulation"
    verbose_name = "Phong trào thi đua"

    def ready(self) -> None:
        # Each wing registers what it owns: its permission rules (and, from wings that have them,
        # notification kinds, home-page panels and workflow effects).
        from emulation import audit, home  # noqa: F401  (the audit log's sources; the home page's panels)
        from emulation.initiatives import permissions as initiative_permissions  # noqa: F401
        from emulation.plan import document as plan_document  # noqa: F401  (the plan as a PDF: a kind of document)
        from emulation.plan import permissions as plan_permissions  # noqa: F401
        from emulation.reports import notices, steps  # noqa: F401  (message kinds; the workflow's named steps)
        from emulation.reports import permissions as report_permissions  # noqa: F401
        from emulation.scores import effects  # noqa: F401  (the recompute after an acceptance)
        from emulation.scores import permissions as score_permissions  # noqa: F401
        from emulation.scores.documents import monthly, ranking  # noqa: F401  (the report and ranking as PDFs)
