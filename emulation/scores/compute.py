"""Scores computed from accepted figures without writing anything: what the recompute stores and the preview shows.

A bounded number of queries whatever the number of months, units or indicators: the indicators (with
their unit lists and versions) and one query for the accepted entries. The months' figures are added up
once per unit and indicator and reused across periods; scoring itself is emulation.scores.scoring.
"""

from dataclasses import dataclass
from datetime import date

from criteria.models import Indicator, IndicatorVersion
from criteria.services import version_in_force
from emulation.plan.models import Campaign
from emulation.plan.periods import Period
from emulation.reports.models import ReportEntry, ReportStatus
from emulation.scores import scoring
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


@dataclass
class Computed:
    indicator_rows: dict[tuple[int, int, str], tuple]
    """(unit id, indicator id, period key) → the values of SCORE_FIELDS."""
    unit_rows: dict[tuple[int, str], scoring.Total]


def compute(
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
                applicable.append((indicator.pk, indicator.is_rising, sums))
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
