"""The scoring rules of DOMAIN.md §3 as pure functions: figures and a rule in, value, met and points out.

No database access: a service loads accepted figures and indicator versions, calls these, and
stores the results. Arithmetic is exact (fractions) and rounded once, half up, to 2 decimals.
The rules, in order: value; no data; ratio with a target; rising; qualitative; rounding; rank.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

CENT = Decimal("0.01")


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


@dataclass(frozen=True)
class MonthFigures:
    """One accepted month of one indicator for one unit."""

    numerator: int | None = None
    denominator: int | None = None
    value: Decimal | None = None
    appraised_score: Decimal | None = None


@dataclass(frozen=True)
class Score:
    value: Decimal | None
    """Percentage, count or score, rounded to 2 decimals; None when the unit has no figures."""
    has_data: bool
    """False → excluded from both the points and the maximum (rule 2)."""
    met: bool | None
    points: Decimal
    max_points: Decimal
    compared_with: Decimal | None = None
    """Rising indicators: the previous period's value or the baseline it was compared with."""
    explanation: str = ""


def round2(number: Fraction | Decimal | int) -> Decimal:
    """Round half up to 2 decimals (rule 6), exactly: no float and no precision limit on the way."""
    hundredths = Fraction(number) * 100
    whole, rest = divmod(hundredths.numerator, hundredths.denominator)
    if 2 * rest >= hundredths.denominator:
        whole += 1
    return Decimal(whole).scaleb(-2)


def period_value(rule: Rule, months: Sequence[MonthFigures]) -> Fraction | None:
    """Rule 1: the period's value, exactly; None means no data."""
    if rule.kind == "qualitative":
        scores = [Fraction(m.appraised_score) for m in months if m.appraised_score is not None]
        return sum(scores, Fraction(0)) / len(scores) if scores else None
    if rule.measure == "percent":
        pairs = [(m.numerator, m.denominator) for m in months if m.denominator is not None and m.numerator is not None]
        denominator = sum(d for _, d in pairs)
        if not denominator:
            return None
        return Fraction(100 * sum(n for n, _ in pairs), denominator)
    values = [Fraction(m.value) for m in months if m.value is not None]
    return sum(values, Fraction(0)) if values else None


def _no_data(rule: Rule, why: str) -> Score:
    return Score(value=None, has_data=False, met=None, points=Decimal(0), max_points=Decimal(0), explanation=why)


def score_indicator(rule: Rule, months: Sequence[MonthFigures], previous: Sequence[MonthFigures] = ()) -> Score:
    """Rules 1–6 for one unit, one indicator, one period; `previous` is the period before (rising only)."""
    value = period_value(rule, months)
    points = Fraction(rule.points)
    if rule.kind == "rising":
        return _score_rising(rule, value, period_value(rule, previous), months)
    if value is None:
        return _no_data(rule, "Không có số liệu (mẫu số bằng 0 hoặc chưa có tháng được chấp nhận).")
    if rule.kind == "qualitative":
        earned = min(max(value, Fraction(0)), points)
        met = rule.target is None or value >= Fraction(rule.target)
        return Score(
            value=round2(value),
            has_data=True,
            met=met,
            points=round2(earned),
            max_points=rule.points,
            explanation="Điểm = điểm thẩm định" + (" (trung bình các tháng)" if len(months) > 1 else ""),
        )
    return _score_ratio(rule, value, points)


def _score_ratio(rule: Rule, value: Fraction, points: Fraction) -> Score:
    target = Fraction(rule.target) if rule.target is not None else None
    if target is None:
        return Score(
            value=round2(value),
            has_data=True,
            met=None,
            points=round2(points),
            max_points=rule.points,
            explanation="Không có chỉ tiêu phấn đấu: đủ điểm.",
        )
    at_most = rule.comparison == "lte"
    met = value <= target if at_most else value >= target
    if met:
        earned, why = points, "Đạt chỉ tiêu: đủ điểm."
    elif rule.floor is not None and not at_most and value < Fraction(rule.floor):
        earned, why = Fraction(0), "Dưới ngưỡng sàn: 0 điểm."
    elif rule.scoring_rule == "all_or_nothing":
        earned, why = Fraction(0), "Chưa đạt chỉ tiêu: 0 điểm."
    elif at_most:
        earned, why = points * target / value, "Chưa đạt: điểm × chỉ tiêu / giá trị."
    elif target == 0:
        earned, why = points, "Đạt chỉ tiêu: đủ điểm."
    else:
        earned, why = points * value / target, "Chưa đạt: điểm × giá trị / chỉ tiêu."
    return Score(
        value=round2(value), has_data=True, met=met, points=round2(earned), max_points=rule.points, explanation=why
    )


def _score_rising(rule: Rule, value: Fraction | None, previous: Fraction | None, months) -> Score:
    if value is None:
        return _no_data(rule, "Không có số liệu kỳ này.")
    basis = previous if previous is not None else (Fraction(rule.baseline) if rule.baseline is not None else None)
    if basis is None:
        # The unit has figures, but nothing to compare them with: no data for scoring, value still shown.
        return Score(
            value=round2(value),
            has_data=False,
            met=None,
            points=Decimal(0),
            max_points=Decimal(0),
            explanation="Không có số liệu kỳ trước và chưa có giá trị gốc để so sánh.",
        )
    met = value > basis
    source = "kỳ trước" if previous is not None else "giá trị gốc"
    return Score(
        value=round2(value),
        has_data=True,
        met=met,
        points=rule.points.quantize(CENT) if met else Decimal("0.00"),
        max_points=rule.points,
        compared_with=round2(basis),
        explanation=f"{'Cao hơn' if met else 'Không cao hơn'} {source}: {'đủ điểm' if met else '0 điểm'}.",
    )


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
    score = round2(Fraction(points) * 100 / Fraction(maximum)) if maximum else None
    return Total(points=points, max_points=maximum, score=score)


def rank(scores: dict[object, Decimal | None]) -> dict[object, int | None]:
    """Rule 7: highest score first; equal scores share a rank and the next rank skips (1, 2, 2, 4).

    Units with no score are not ranked (None).
    """
    ordered = sorted((s for s in scores.values() if s is not None), reverse=True)
    first_place = {}
    for position, value in enumerate(ordered, start=1):
        first_place.setdefault(value, position)
    return {key: (first_place[value] if value is not None else None) for key, value in scores.items()}
