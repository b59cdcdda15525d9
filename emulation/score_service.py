"""Recompute and store scores from accepted figures: every unit, applicable indicator and period.

A bounded number of queries whatever the number of months, units or indicators: the
participants, the indicators (with their unit lists), one query for the accepted entries, the
other units' stored totals (for ranks), then delete-and-bulk-create in one transaction.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from criteria.models import Indicator, IndicatorVersion
from criteria.services import version_in_force
from emulation import scoring
from emulation.models import Campaign, IndicatorScore, ReportEntry, UnitScore
from emulation.periods import Period, periods_affected_by, periods_for_campaign
from emulation.workflow import ReportStatus
from units.models import Unit


def indicator_rule(indicator: Indicator, version: IndicatorVersion | None = None) -> scoring.Rule:
    """What scoring needs of an indicator: its kind, and the thresholds of `version` (default: current)."""
    source = version if version is not None else indicator
    return scoring.Rule(
        kind=indicator.kind,
        measure=indicator.measure,
        points=source.points,
        scoring_rule=source.scoring_rule,
        target=source.target,
        comparison=source.comparison,
        floor=source.floor,
        baseline=source.baseline,
    )


def _accepted_figures(campaign: Campaign, unit_ids: list[int]) -> dict[tuple[int, int, date], scoring.MonthFigures]:
    """(unit id, indicator id, month) → the accepted figures; one query."""
    rows = (
        ReportEntry.objects.filter(
            report__campaign=campaign, report__status=ReportStatus.ACCEPTED, report__unit_id__in=unit_ids
        )
        .values(
            "indicator_id",
            "numerator",
            "denominator",
            "value",
            "appraised_score",
            unit_id=F("report__unit_id"),
            month=F("report__month"),
        )
        .order_by()
    )
    return {
        (row["unit_id"], row["indicator_id"], row["month"]): scoring.MonthFigures(
            numerator=row["numerator"],
            denominator=row["denominator"],
            value=row["value"],
            appraised_score=row["appraised_score"],
        )
        for row in rows
    }


def _affected_periods(campaign: Campaign, months: Iterable[date] | None) -> list[Period]:
    campaign_months = campaign.months()
    if months is None:
        return periods_for_campaign(campaign_months)
    return periods_affected_by(months, campaign_months)


@dataclass
class Computed:
    indicator_rows: list[IndicatorScore]
    unit_rows: dict[tuple[int, str], UnitScore]


def _compute(
    campaign: Campaign,
    targets: list[Unit],
    periods: list[Period],
    override: tuple[int, IndicatorVersion] | None = None,
) -> Computed:
    """Score `targets` over `periods` from accepted figures, without writing anything.

    `override` = (indicator id, an unsaved version) scores as if that version were in force too.
    """
    indicators = list(
        Indicator.objects.filter(campaign=campaign)
        .prefetch_related("applies_to", "versions")
        .order_by("criterion__order", "order", "code")
    )
    limited = {i.pk: {u.pk for u in i.applies_to.all()} for i in indicators}
    indicators_by_pk = {i.pk: i for i in indicators}
    versions = {i.pk: list(i.versions.all()) for i in indicators}
    if override is not None:
        indicator_id, proposed = override
        versions[indicator_id] = [v for v in versions[indicator_id] if v.valid_from != proposed.valid_from]
        versions[indicator_id].append(proposed)
    # The thresholds in force in each period's last month: earlier months keep earlier versions.
    in_force = {
        (i.pk, period.key): version_in_force(versions[i.pk], period.months[-1])
        for i in indicators
        for period in periods
    }
    rules = {key: indicator_rule(indicators_by_pk[key[0]], version) for key, version in in_force.items()}
    figures = _accepted_figures(campaign, [unit.pk for unit in targets])

    now = timezone.now()
    computed = Computed(indicator_rows=[], unit_rows={})
    for unit in targets:
        applicable = [i for i in indicators if not limited[i.pk] or unit.pk in limited[i.pk]]
        for period in periods:
            scores = []
            for indicator in applicable:
                current = [figures[key] for m in period.months if (key := (unit.pk, indicator.pk, m)) in figures]
                before = [figures[key] for m in period.previous if (key := (unit.pk, indicator.pk, m)) in figures]
                score = scoring.score_indicator(rules[indicator.pk, period.key], current, before)
                scores.append(score)
                version = in_force[indicator.pk, period.key]
                computed.indicator_rows.append(
                    IndicatorScore(
                        campaign=campaign,
                        unit=unit,
                        indicator=indicator,
                        period=period.key,
                        value=score.value,
                        has_data=score.has_data,
                        met=score.met,
                        points=score.points,
                        max_points=score.max_points,
                        compared_with=score.compared_with,
                        explanation=score.explanation,
                        version=version if version is not None and version.pk else None,  # preview: unsaved
                        computed_at=now,
                    )
                )
            result = scoring.total(scores)
            computed.unit_rows[unit.pk, period.key] = UnitScore(
                campaign=campaign,
                unit=unit,
                period=period.key,
                total=result.points,
                max_points=result.max_points,
                score=result.score,
                computed_at=now,
            )
    return computed


@transaction.atomic
def scores_recompute(
    *, campaign: Campaign, units: Iterable[Unit] | None = None, months: Iterable[date] | None = None
) -> int:
    """Recompute and store the scores of `units` (default: every participant) for the periods that
    `months` touch (default: every period of the campaign); re-rank every participant in those
    periods. Only accepted reports count. Idempotent. Returns the number of IndicatorScore rows written.
    """
    participants = list(campaign.participants.order_by("order", "name"))
    participant_ids = [unit.pk for unit in participants]
    if units is None:
        targets = participants
    else:
        wanted = {unit.pk for unit in units}
        targets = [unit for unit in participants if unit.pk in wanted]
    target_ids = [unit.pk for unit in targets]
    periods = _affected_periods(campaign, list(months) if months is not None else None)
    if not periods:
        return 0
    keys = [period.key for period in periods]
    computed = _compute(campaign, targets, periods)
    indicator_rows, unit_rows = computed.indicator_rows, computed.unit_rows

    # Ranks among every participant, the other units read from their stored totals.
    others = list(
        UnitScore.objects.filter(campaign=campaign, period__in=keys, unit_id__in=participant_ids).exclude(
            unit_id__in=target_ids
        )
    )
    changed_others: list[UnitScore] = []
    for key in keys:
        in_period = [row for row in unit_rows.values() if row.period == key]
        in_period += [row for row in others if row.period == key]
        ranks = scoring.rank({row.unit_id: row.score for row in in_period})
        for row in in_period:
            new_rank = ranks[row.unit_id]
            if row.pk is not None and row.rank != new_rank:
                changed_others.append(row)
            row.rank = new_rank

    stale_indicators = IndicatorScore.objects.filter(campaign=campaign, period__in=keys)
    stale_units = UnitScore.objects.filter(campaign=campaign, period__in=keys)
    if units is not None:
        stale_indicators = stale_indicators.filter(unit_id__in=target_ids)
        stale_units = stale_units.filter(unit_id__in=target_ids)
    stale_indicators.delete()
    stale_units.delete()
    IndicatorScore.objects.bulk_create(indicator_rows)
    UnitScore.objects.bulk_create(list(unit_rows.values()))
    if changed_others:
        UnitScore.objects.bulk_update(changed_others, ["rank"])
    return len(indicator_rows)


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
    before = _compute(campaign, participants, [period]).unit_rows
    after = _compute(campaign, participants, [period], override=(indicator.pk, proposed)).unit_rows
    ranks_before = scoring.rank({unit.pk: before[unit.pk, period.key].score for unit in participants})
    ranks_after = scoring.rank({unit.pk: after[unit.pk, period.key].score for unit in participants})
    return [
        PreviewRow(
            unit=unit,
            points_before=before[unit.pk, period.key].total,
            points_after=after[unit.pk, period.key].total,
            score_before=before[unit.pk, period.key].score,
            score_after=after[unit.pk, period.key].score,
            rank_before=ranks_before[unit.pk],
            rank_after=ranks_after[unit.pk],
        )
        for unit in participants
    ]


def latest_period(campaign: Campaign) -> Period:
    """The year to date through the latest month any unit has an accepted report (the year if none)."""
    from emulation.periods import year_period, ytd_period
    from emulation.selectors_scores import latest_accepted_month

    latest = latest_accepted_month(campaign)
    return ytd_period(latest.year, latest.month) if latest else year_period(campaign.year)
