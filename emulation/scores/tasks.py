"""Celery tasks of the scores: thin wrappers that take ids and call one service.

Registered under the names they had before the wings (emulation.tasks.*): queued messages and the
beat schedule keep working across a deploy.
"""

from celery import shared_task


@shared_task(name="emulation.tasks.recompute_scores")
def recompute_scores(
    campaign_id: int, unit_id: int | None = None, month_iso: str | None = None, since_iso: str | None = None
) -> int:
    """Recompute stored scores: after a report is accepted or reopened (one unit, the periods its month
    touches), after thresholds change (every unit, the periods ending in `since_iso`'s month or later)."""
    from datetime import date

    from emulation.plan.models import Campaign
    from emulation.scores.services import scores_recompute
    from units.models import Unit

    campaign = Campaign.objects.filter(pk=campaign_id).first()
    if campaign is None:  # deleted since the work was asked for: nothing to score
        return 0
    units = list(Unit.objects.filter(pk=unit_id)) if unit_id is not None else None
    months = [date.fromisoformat(month_iso)] if month_iso else None
    since = date.fromisoformat(since_iso) if since_iso else None
    return scores_recompute(campaign=campaign, units=units, months=months, since=since)


@shared_task(name="emulation.tasks.recompute_all_scores")
def recompute_all_scores() -> int:
    """Nightly: recompute every score of every active campaign (repairs anything a lost task missed).

    One task per campaign, so that every worker process takes a share (a province: 125 wards);
    returns the number of campaigns enqueued.
    """
    from emulation.plan.models import Campaign

    ids = list(Campaign.objects.filter(is_active=True).values_list("pk", flat=True))
    recompute_campaigns(ids)
    return len(ids)


def recompute_campaigns(campaign_ids: list[int]):
    """Enqueue one full recompute per campaign; the GroupResult tells when all are done."""
    from celery import group

    return group(recompute_scores.s(campaign_id) for campaign_id in campaign_ids).apply_async()
