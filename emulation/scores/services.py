"""Recompute and store scores from accepted figures: every unit, applicable indicator and period.

A bounded number of queries whatever the number of months, units or indicators: the
participants, the indicators (with their unit lists and versions), one query for the accepted
entries, the stored scores and totals of the periods, then only the rows that changed are
rewritten (core.bulk.rows_sync), in one transaction. The months' figures are added up once per
unit and indicator and reused across periods; scoring itself is emulation.scores.scoring.
"""

from collections.abc import Iterable
from datetime import date

from django.db import connection, transaction
from django.utils import timezone

from core.bulk import rows_stored, rows_sync
from emulation.plan.models import Campaign
from emulation.plan.periods import Period, periods_affected_by, periods_for_campaign
from emulation.scores import scoring
from emulation.scores.compute import compute
from emulation.scores.models import IndicatorScore, UnitScore
from units.models import Unit


def _affected_periods(campaign: Campaign, months: Iterable[date] | None, since: date | None = None) -> list[Period]:
    campaign_months = campaign.months()
    periods = periods_for_campaign(campaign_months) if months is None else periods_affected_by(months, campaign_months)
    return [p for p in periods if since is None or p.months[-1] >= since]


SCORE_FIELDS = (*scoring.Score._fields, "version_id")  # a stored row is the Score and its version
SCORE_KEY = ("unit_id", "indicator_id", "period")
TOTAL_FIELDS = ("total", "max_points", "score", "rank")
TOTAL_KEY = ("unit_id", "period")


@transaction.atomic
def scores_recompute(
    *,
    campaign: Campaign,
    units: Iterable[Unit] | None = None,
    months: Iterable[date] | None = None,
    since: date | None = None,
) -> int:
    """Recompute and store the scores of `units` (default: every participant) for the periods that
    `months` touch (default: every period of the campaign); re-rank every participant in those
    periods. Only accepted reports count. Idempotent: rows whose values did not change are left
    as they are (with their `computed_at`). Returns the number of indicator scores recomputed.

    Two recomputes of one campaign run one after the other (a row lock on the campaign): two
    reports accepted at the same moment would otherwise both rewrite the same rows.
    """
    Campaign.objects.select_for_update().only("pk").get(pk=campaign.pk)
    if connection.vendor == "postgresql":
        # Derived rows: a crash may lose the last moments' recompute (never corrupt it), and the
        # next one repairs it; not waiting for the disk at commit saves a few ms per campaign.
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL synchronous_commit TO OFF")
    participants = list(campaign.participants.order_by("order", "name"))
    participant_ids = {unit.pk for unit in participants}
    if units is None:
        targets = participants
    else:
        wanted = {unit.pk for unit in units}
        targets = [unit for unit in participants if unit.pk in wanted]
    target_ids = {unit.pk for unit in targets}
    periods = _affected_periods(campaign, list(months) if months is not None else None, since)
    if not periods:
        return 0
    keys = [period.key for period in periods]
    computed = compute(campaign, targets, periods)
    constants = {"campaign_id": campaign.pk, "computed_at": timezone.now()}

    score_scope = IndicatorScore.objects.filter(campaign=campaign, period__in=keys)
    if units is not None:
        score_scope = score_scope.filter(unit_id__in=target_ids)
    rows_sync(score_scope, rows_stored(score_scope, SCORE_KEY, SCORE_FIELDS), computed.indicator_rows, constants)

    # Totals of the units recomputed, the others' as stored; then every participant ranked.
    total_scope = UnitScore.objects.filter(campaign=campaign, period__in=keys)
    stored_totals = rows_stored(total_scope, TOTAL_KEY, TOTAL_FIELDS)
    totals: dict[tuple[int, str], tuple] = {
        key: (values[0], values[1], values[2])
        for key, (_, values) in stored_totals.rows.items()
        if key[0] in participant_ids and key[0] not in target_ids
    }
    for key, result in computed.unit_rows.items():
        totals[key] = (result.points, result.max_points, result.score)
    ranked: dict[tuple[int, str], tuple] = {}
    for period_key in keys:
        in_period = {unit_id: row[2] for (unit_id, key), row in totals.items() if key == period_key}
        for unit_id, position in scoring.rank(in_period).items():
            ranked[unit_id, period_key] = (*totals[unit_id, period_key], position)
    rows_sync(total_scope, stored_totals, ranked, constants)
    return len(computed.indicator_rows)
