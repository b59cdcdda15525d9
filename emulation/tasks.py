"""Celery tasks of the campaign: thin wrappers that take ids or dates and call one service."""

from celery import shared_task
from django.utils import timezone


@shared_task
def run_import(job_id: int) -> None:
    """Run an Excel import job (emulation.imports); safe to run twice: a finished job is left alone."""
    from emulation.imports import import_run

    import_run(job_id=job_id)


@shared_task
def remind_due_soon() -> int:
    """Daily: remind unit heads without a sent report three days before the deadline."""
    from emulation.reminders import reminders_due_soon_send

    return reminders_due_soon_send(today=timezone.localdate())


@shared_task
def report_late_units() -> int:
    """Daily: the day after the deadline, give the secretariat the list of late units."""
    from emulation.reminders import late_units_notify

    return late_units_notify(today=timezone.localdate())


@shared_task
def recompute_scores(campaign_id: int, unit_id: int | None = None, month_iso: str | None = None) -> int:
    """Recompute stored scores after a report is accepted or reopened (one unit, the periods its month touches)."""
    from datetime import date

    from emulation.models import Campaign
    from emulation.score_service import scores_recompute
    from units.models import Unit

    campaign = Campaign.objects.get(pk=campaign_id)
    units = list(Unit.objects.filter(pk=unit_id)) if unit_id is not None else None
    months = [date.fromisoformat(month_iso)] if month_iso else None
    return scores_recompute(campaign=campaign, units=units, months=months)


@shared_task
def recompute_all_scores() -> int:
    """Nightly: recompute every score of every active campaign (repairs anything a lost task missed).

    One task per campaign, so that every worker process takes a share (a province: 125 wards);
    returns the number of campaigns enqueued.
    """
    from emulation.models import Campaign

    ids = list(Campaign.objects.filter(is_active=True).values_list("pk", flat=True))
    recompute_campaigns(ids)
    return len(ids)


def recompute_campaigns(campaign_ids: list[int]):
    """Enqueue one full recompute per campaign; the GroupResult tells when all are done."""
    from celery import group

    return group(recompute_scores.s(campaign_id) for campaign_id in campaign_ids).apply_async()
