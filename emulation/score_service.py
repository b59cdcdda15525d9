"""Recompute and store scores from accepted figures: every unit, applicable indicator and period.

A bounded number of queries whatever the number of months, units or indicators: the
participants, the indicators (with their unit lists and versions), one query for the accepted
entries, the stored scores and totals of the periods, then only the rows that changed are
rewritten (core.bulk.rows_sync), in one transaction. The months' figures are added up once per
unit and indicator and reused across periods; scoring itself is emulation.scoring.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.db import connection, transaction
from django.utils import timezone

from core.bulk import rows_stored, rows_sync
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


def _accepted_sums(campaign: Campaign, unit_ids: list[int]) -> dict[tuple[int, int], dict[date, scoring.Sums]]:
    """(unit id, indicator id) → month → the accepted figures of that month; one query."""
    rows = (
        ReportEntry.objects.filter(
            report__campaign=campaign, report__status=ReportStatus.ACCEPTED, report__unit_id__in=unit_ids
        )
        .order_by()
        .values_list(
            "report__unit_id", "indicator_id", "report__month", "numerator", "denominator", "value", "appraised_score"
        )
    )
    result: dict[tuple[int, int], dict[date, scoring.Sums]] = {}
    month_sums = scoring.Sums.month
    for unit_id, indicator_id, month, *figures in rows:
        result.setdefault((unit_id, indicator_id), {})[month] = month_sums(*figures)
    return result


@dataclass
class Recipe:
    """How to add up every period's months once per unit and indicator, shared by all of them.

    Step i is "the sums of step `parent` plus month `month`" (parent -1: nothing), so a year to
    date through June is the one through May plus June, and the 29 periods of a year (with the
    periods before, for rising indicators) cost about 50 additions rather than 200.
    """

    steps: list[tuple[int, date]]
    current: dict[str, int]
    """Period key → the step holding its months' sums (-1: no months)."""
    previous: dict[str, int]
    """Period key → the step holding the period before's sums."""


def _recipe(periods: list[Period]) -> Recipe:
    steps: list[tuple[int, date]] = []
    index: dict[tuple[date, ...], int] = {(): -1}

    def step_of(months: tuple[date, ...]) -> int:
        for end in range(1, len(months) + 1):
            if months[:end] not in index:
                index[months[:end]] = len(steps)
                steps.append((index[months[: end - 1]], months[end - 1]))
        return index[months]

    current = {period.key: step_of(period.months) for period in periods}
    previous = {period.key: step_of(period.previous) for period in periods}
    return Recipe(steps=steps, current=current, previous=previous)


def _cook(recipe: Recipe, by_month: dict[date, scoring.Sums]) -> list[scoring.Sums]:
    """Every step's sums for one unit and indicator."""
    combine, nothing = scoring.combine, scoring.NO_FIGURES
    done: list[scoring.Sums] = []
    for parent, month in recipe.steps:
        done.append(combine(done[parent] if parent >= 0 else nothing, by_month.get(month, nothing)))
    return done


def _affected_periods(campaign: Campaign, months: Iterable[date] | None) -> list[Period]:
    campaign_months = campaign.months()
    if months is None:
        return periods_for_campaign(campaign_months)
    return periods_affected_by(months, campaign_months)


SCORE_FIELDS = (*scoring.Score._fields, "version_id")  # a stored row is the Score and its version
SCORE_KEY = ("unit_id", "indicator_id", "period")
TOTAL_FIELDS = ("total", "max_points", "score", "rank")
TOTAL_KEY = ("unit_id", "period")


@dataclass
class Computed:
    indicator_rows: dict[tuple[int, int, str], tuple]
    """(unit id, indicator id, period key) → the values of SCORE_FIELDS."""
    unit_rows: dict[tuple[int, str], scoring.Total]


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
    version_ids = {key: version.pk if version is not None else None for key, version in in_force.items()}
    figures = _accepted_sums(campaign, [unit.pk for unit in targets])

    recipe = _recipe(periods)
    nothing = [scoring.NO_FIGURES] * len(recipe.steps)
    keys = [(period.key, recipe.current[period.key], recipe.previous[period.key]) for period in periods]
    computed = Computed(indicator_rows={}, unit_rows={})
    rows, score_sums = computed.indicator_rows, scoring.score_sums
    for unit in targets:
        unit_id = unit.pk
        applicable = []
        for indicator in indicators:
            if not limited[indicator.pk] or unit_id in limited[indicator.pk]:
                by_month = figures.get((unit_id, indicator.pk))
                sums = _cook(recipe, by_month) if by_month else nothing
                applicable.append((indicator.pk, indicator.kind == Indicator.Kind.RISING, sums))
        for period_key, current, previous in keys:
            scores = []
            for indicator_id, rising, sums in applicable:
                key = (indicator_id, period_key)
                score = score_sums(
                    rules[key],
                    sums[current] if current >= 0 else scoring.NO_FIGURES,
                    sums[previous] if rising and previous >= 0 else scoring.NO_FIGURES,
                )
                scores.append(score)
                # None for the version in a preview: the proposed version is unsaved.
                rows[unit_id, indicator_id, period_key] = (*score, version_ids[key])
            computed.unit_rows[unit_id, period_key] = scoring.total(scores)
    return computed


@transaction.atomic
def scores_recompute(
    *, campaign: Campaign, units: Iterable[Unit] | None = None, months: Iterable[date] | None = None
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
    periods = _affected_periods(campaign, list(months) if months is not None else None)
    if not periods:
        return 0
    keys = [period.key for period in periods]
    computed = _compute(campaign, targets, periods)
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
    from emulation.periods import year_period, ytd_period
    from emulation.selectors_scores import latest_accepted_month

    latest = latest_accepted_month(campaign)
    return ytd_period(latest.year, latest.month) if latest else year_period(campaign.year)
