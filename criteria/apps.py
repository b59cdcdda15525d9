from django.apps import AppConfig


class CriteriaConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "criteria"
    verbose_name = "Tiêu chí thi đua"

    def ready(self) -> None:
        from django.db.models.signals import post_delete

        from criteria import audit  # noqa: F401  (the indicators' history: a source of the audit log)
        from criteria.models import Indicator, IndicatorVersion
        from criteria.services import indicator_thresholds_restore

        def version_deleted(sender, instance, **kwargs) -> None:
            indicator = Indicator.objects.filter(pk=instance.indicator_id).first()
            if indicator is not None:  # not a cascade from the indicator's own deletion
                indicator_thresholds_restore(indicator=indicator)

        post_delete.connect(version_deleted, sender=IndicatorVersion, dispatch_uid="criteria.version_deleted")
