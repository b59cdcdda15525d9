"""The scoring rules of DOMAIN.md §3 as pure functions: figures and a rule in, value, met and points out.

No database access: a service loads accepted figures and indicator versions, calls these, and
stores the results. Arithmetic is exact (fractions) and rounded once, half up, to 2 decimals.
The rules, in order: value; no data; ratio with a target; rising; qualitative; rounding; rank.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from functools import cache, cached_property
from typing import NamedTuple

from core.numbers import percent, ratio_round2, round2

CENT = Decimal("0.01")
ZERO = Decimal("0.00")


@dataclass(frozen=True)
class Rule:
    """What scoring needs of an indicator (or of the version of it in force)."""

    kind: str  # ratio | rising | qualitative
    measure: str  # percent | count | score
    points: Decimal
    scoring_rule: str  # proportional | all_or_nothing | rising | appraised
    target: Decimal | None = None
    comparison: str = "gte"  # gte | lte
    floor: Decimal | None = None
    baseline: Decimal | None = None

    # Derived once per rule, read for every unit and period (cached_property writes the instance
    # dict directly, so it works on a frozen dataclass).
    @cached_property
    def full_points(self) -> Decimal:
        return self.points.quantize(CENT)

    @cached_property
    def points_ratio(self) -> tuple[int, int]:
        return self.points.as_integer_ratio()

    @cached_property
    def target_ratio(self) -> tuple[int, int] | None:
        return self.target.as_integer_ratio() if self.target is not None else None

    @cached_property
    def floor_ratio(self) -> tuple[int, int] | None:
        return self.floor.as_integer_ratio() if self.floor is not None else None


@dataclass(frozen=True)
class MonthFigures:
    """One accepted month of one indicator for one unit."""

    numerator: int | None = None
    denominator: int | None = None
    value: Decimal | None = None
    appraised_score: Decimal | None = None


class Sums(NamedTuple):
    """A period's accepted figures added up: everything rule 1 reads. Months add with `combine`.

    A tuple, not a dataclass: a province's recompute adds up millions of these.
    """

    numerator: int = 0
    """Σ numerators over the months that have both a numerator and a denominator."""
    denominator: int = 0
    value: Decimal | None = None
    """Σ values (counts); None when no month has one."""
    appraised: Decimal = Decimal(0)
    """Σ appraised scores, over `appraisals` months."""
    appraisals: int = 0

    @classmethod
    def month(cls, numerator: int | None, denominator: int | None, value=None, appraised=None) -> "Sums":
        """One accepted month's figures (the fields of MonthFigures, in order)."""
        pair = numerator is not None and denominator is not None
        return cls(
            numerator if pair else 0,
            denominator if pair else 0,
            value,
            appraised if appraised is not None else Decimal(0),
            1 if appraised is not None else 0,
        )

    @classmethod
    def of(cls, months: Iterable[MonthFigures]) -> "Sums":
        result = NO_FIGURES
        for m in months:
            result = combine(result, cls.month(m.numerator, m.denominator, m.value, m.appraised_score))
        return result


NO_FIGURES = Sums()


def combine(a: Sums, b: Sums) -> Sums:
    """The sums of two sets of months."""
    if b is NO_FIGURES:
        return a
    if a is NO_FIGURES:
        return b
    value = b.value if a.value is None else (a.value if b.value is None else a.value + b.value)
    return Sums(a[0] + b[0], a[1] + b[1], value, a[3] + b[3], a[4] + b[4])


class Score(NamedTuple):
    """One indicator's result for one unit and period. A tuple (fields in the order they are
    stored) rather than a dataclass: a province's recompute makes half a million of these."""

    value: Decimal | None
    """Percentage, count or score, rounded to 2 decimals; None when the unit has no figures."""
    has_data: bool
    """False → excluded from both the points and the maximum (rule 2)."""
    met: bool | None
    points: Decimal
    max_points: Decimal
    compared_with: Decimal | None = None
    """Rising indicators: the previous period's value or the baseline it was compared with."""
    reason: str = ""
    """Which branch of the rules gave the points (one of REASONS): the explain page writes the
    formula from it, so no other module re-states the rules."""


# Why a score has its points: the branches of rules 2–5.
NO_DATA, NO_BASIS, NO_TARGET, MET, FLOOR, ALL_OR_NOTHING, AT_MOST, PROPORTIONAL, APPRAISED, RISING, BASELINE = (
    "no_data",
    "no_basis",
    "no_target",
    "met",
    "floor",
    "all_or_nothing",
    "at_most",
    "proportional",
    "appraised",
    "rising",  # compared with the period before
    "baseline",  # compared with the baseline: no figures for the period before
)
REASONS = (NO_DATA, NO_BASIS, NO_TARGET, MET, FLOOR, ALL_OR_NOTHING, AT_MOST, PROPORTIONAL, APPRAISED, RISING, BASELINE)


def period_value(rule: Rule, sums: Sums) -> Fraction | None:
    """Rule 1: the period's value, exactly; None means no data.

    A ratio is Σ numerators / Σ denominators (never a mean of percentages); an appraisal is the
    mean of the months' appraised scores; a count is the sum of the months' values.
    """
    if rule.kind == "qualitative":
        return Fraction(sums.appraised) / sums.appraisals if sums.appraisals else None
    if rule.measure == "percent":
        return Fraction(100 * sums.numerator, sums.denominator) if sums.denominator else None
    return Fraction(sums.value) if sums.value is not None else None


@cache
def _exact(number: Decimal) -> Fraction:
    """A threshold as a fraction, once per distinct threshold (they are few, the scores many)."""
    return Fraction(number)


NO_SCORE = Score(value=None, has_data=False, met=None, points=Decimal(0), max_points=Decimal(0), reason=NO_DATA)


def score_indicator(rule: Rule, months: Sequence[MonthFigures], previous: Sequence[MonthFigures] = ()) -> Score:
    """Rules 1–6 for one unit, one indicator, one period; `previous` is the period before (rising only)."""
    return score_sums(rule, Sums.of(months), Sums.of(previous) if rule.kind == "rising" else NO_FIGURES)


def score_sums(rule: Rule, sums: Sums, previous: Sums = NO_FIGURES) -> Score:
    """`score_indicator` from the period's figures already added up (what the recompute calls)."""
    if rule.kind == "rising":
        return _score_rising(rule, period_value(rule, sums), period_value(rule, previous))
    if rule.kind == "qualitative":
        value = period_value(rule, sums)
        if value is None:
            return NO_SCORE
        earned = min(max(value, Fraction(0)), _exact(rule.points))
        met = rule.target is None or value >= _exact(rule.target)
        return Score(round2(value), True, met, round2(earned), rule.points, None, APPRAISED)
    if rule.measure == "percent":  # Σ numerators / Σ denominators, never a mean of percentages
        return _score_ratio(rule, 100 * sums.numerator, sums.denominator) if sums.denominator else NO_SCORE
    return _score_ratio(rule, *sums.value.as_integer_ratio()) if sums.value is not None else NO_SCORE


def _score_ratio(rule: Rule, p: int, q: int) -> Score:
    """Rule 3 for a value of p / q (q > 0), in integers: a province's recompute scores half a million
    of these, and integer cross-multiplication is exact and several times faster than Fraction."""
    value = ratio_round2(p, q)
    if rule.target is None:
        return Score(value, True, None, rule.full_points, rule.points, None, NO_TARGET)
    tn, td = rule.target_ratio
    at_most = rule.comparison == "lte"
    met = p * td <= tn * q if at_most else p * td >= tn * q
    if met:
        points, reason = rule.full_points, MET
    elif rule.floor is not None and not at_most and p * rule.floor_ratio[1] < rule.floor_ratio[0] * q:
        points, reason = ZERO, FLOOR
    elif rule.scoring_rule == "all_or_nothing":
        points, reason = ZERO, ALL_OR_NOTHING
    elif at_most:  # value > target ≥ 0, so p > 0: points × target / value
        pn, pd = rule.points_ratio
        points, reason = ratio_round2(pn * tn * q, pd * td * p), AT_MOST
    elif tn == 0:
        points, reason = rule.full_points, MET
    else:  # points × value / target
        pn, pd = rule.points_ratio
        points, reason = ratio_round2(pn * p * td, pd * q * tn), PROPORTIONAL
    return Score(value, True, met, points, rule.points, None, reason)


def _score_rising(rule: Rule, value: Fraction | None, previous: Fraction | None) -> Score:
    if value is None:
        return NO_SCORE
    if previous is None and rule.baseline is None:
        # The unit has figures, but nothing to compare them with: no data for scoring, value still shown.
        return Score(round2(value), False, None, Decimal(0), Decimal(0), None, NO_BASIS)
    basis, reason = (previous, RISING) if previous is not None else (_exact(rule.baseline), BASELINE)
    met = value > basis
    return Score(round2(value), True, met, rule.full_points if met else ZERO, rule.points, round2(basis), reason)


@dataclass(frozen=True)
class Total:
    points: Decimal
    max_points: Decimal
    score: Decimal | None
    """total / maximum × 100, 2 decimals; None when no indicator had data."""


def total(scores: Iterable[Score]) -> Total:
    """Rule 6: the sum of the rounded points over the indicators with data, and the unit's score."""
    counted = [s for s in scores if s.has_data]
    points = sum((s.points for s in counted), Decimal("0.00"))
    maximum = sum((s.max_points for s in counted), Decimal("0.00"))
    return Total(points=points, max_points=maximum, score=percent(points, maximum))


def rank(scores: dict[object, Decimal | None]) -> dict[object, int | None]:
    """Rule 7: highest score first; equal scores share a rank and the next rank skips (1, 2, 2, 4).

    Units with no score are not ranked (None).
    """
    ordered = sorted((s for s in scores.values() if s is not None), reverse=True)
    first_place = {}
    for position, value in enumerate(ordered, start=1):
        first_place.setdefault(value, position)
    return {key: (first_place[value] if value is not None else None) for key, value in scores.items()}
