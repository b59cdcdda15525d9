"""What the scores do when others change: recomputed once the change commits, through the outbox.

A report accepted or reopened (an effect registered on the report workflow's table: scores read reports,
never the reverse); an indicator's thresholds saved or deleted (a signal of criteria's model: criteria
knows nothing of scores).
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from core.queue import enqueue_on_commit
from criteria.models import Indicator, IndicatorVersion
from emulation.reports.models import MonthlyReport, ReportStatus
from emulation.reports.workflow import REPORT_WORKFLOW
from emulation.scores.tasks import recompute_scores


@REPORT_WORKFLOW.effect("recompute_scores")
def _recompute_after(report, actor, **inputs) -> None:
    """The unit's scores for the periods the report's month touches, and the ward's ranking, once the
    change has committed (through the outbox: never waits on the broker)."""
    enqueue_on_commit(recompute_scores, report.campaign_id, report.unit_id, report.month.isoformat())


@receiver(post_save, sender=IndicatorVersion, dispatch_uid="scores.version_saved")
@receiver(post_delete, sender=IndicatorVersion, dispatch_uid="scores.version_deleted")
def _recompute_after_thresholds(sender, instance: IndicatorVersion, **kwargs) -> None:
    """Every unit's scores for the periods the version governs: those ending in its month or later, or every
    period when no earlier version exists (the earliest version also covers the months before it)."""
    indicator = Indicator.objects.filter(pk=instance.indicator_id).first()
    if indicator is None:  # the indicator itself is being deleted: its scores go with it
        return
    if not MonthlyReport.objects.filter(campaign_id=indicator.campaign_id, status=ReportStatus.ACCEPTED).exists():
        return  # a plan being loaded, or nothing accepted yet: no score to move
    earlier = indicator.versions.filter(valid_from__lt=instance.valid_from).exclude(pk=instance.pk).exists()
    since = instance.valid_from.isoformat() if earlier else None
    enqueue_on_commit(recompute_scores, indicator.campaign_id, None, None, since)
