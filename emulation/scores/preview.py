"""Before an admin saves new thresholds: how every unit's points and rank would move. Reads only, writes nothing."""

from dataclasses import dataclass

from criteria.models import Indicator, IndicatorVersion
from emulation.plan.models import Campaign
from emulation.plan.periods import Period, year_period, ytd_period
from emulation.scores import scoring
from emulation.scores.compute import compute
from emulation.scores.overview import latest_accepted_month
from units.models import Unit


@dataclass
class PreviewRow:
    unit: Unit
    points_before: object
    points_after: object
    score_before: object
    score_after: object
    rank_before: int | None
    rank_after: int | None


def threshold_change_preview(*, indicator: Indicator, proposed: IndicatorVersion, period: Period) -> list[PreviewRow]:
    """How every participant's points, score and rank in `period` would move if `proposed` (unsaved)
    were in force from its month: computed from accepted figures, nothing written."""
    campaign = indicator.campaign
    participants = list(campaign.participants.order_by("order", "name"))
    before = compute(campaign, participants, [period]).unit_rows
    after = compute(campaign, participants, [period], override=(indicator.pk, proposed)).unit_rows
    ranks_before = scoring.rank({unit.pk: before[unit.pk, period.key].score for unit in participants})
    ranks_after = scoring.rank({unit.pk: after[unit.pk, period.key].score for unit in participants})
    return [
        PreviewRow(
            unit=unit,
            points_before=before[unit.pk, period.key].points,
            points_after=after[unit.pk, period.key].points,
            score_before=before[unit.pk, period.key].score,
            score_after=after[unit.pk, period.key].score,
            rank_before=ranks_before[unit.pk],
            rank_after=ranks_after[unit.pk],
        )
        for unit in participants
    ]


def latest_period(campaign: Campaign) -> Period:
    """The year to date through the latest month any unit has an accepted report (the year if none)."""
    latest = latest_accepted_month(campaign)
    return ytd_period(latest.year, latest.month) if latest else year_period(campaign.year)
