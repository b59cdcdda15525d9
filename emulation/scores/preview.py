"""Before an admin saves new thresholds: how every unit's points and rank would move. Reads only, writes nothing."""

from dataclasses import dataclass
from datetime import date

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

    @property
    def moves(self) -> bool:
        """Its points or its rank would change (the page highlights it)."""
        return self.points_before != self.points_after or self.rank_before != self.rank_after


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


def preview_period(*, indicator: Indicator, proposed: IndicatorVersion) -> tuple[Period | None, date | None]:
    """The period the preview shows: the year to date through the latest month with accepted figures that
    the proposed version would govern, i.e. before the next saved version starts (returned too, or None).
    (None, None) when the version starts after every accepted month: no score would move yet."""
    latest = latest_accepted_month(indicator.campaign)
    if latest is None or proposed.valid_from > latest:
        return None, None
    later = [v.valid_from for v in indicator.versions.all() if v.valid_from > proposed.valid_from]
    until = min(later) if later else None
    through = latest
    if until is not None and until <= latest:
        through = date(until.year - 1, 12, 1) if until.month == 1 else date(until.year, until.month - 1, 1)
    return ytd_period(through.year, through.month), until


def latest_period(campaign: Campaign) -> Period:
    """The year to date through the latest month any unit has an accepted report (the year if none)."""
    latest = latest_accepted_month(campaign)
    return ytd_period(latest.year, latest.month) if latest else year_period(campaign.year)
