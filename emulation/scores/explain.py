"""One stored indicator score explained from the figures: the score (with the thresholds it was computed with),
the accepted months it adds up, how its value and its points follow, with the numbers, and how a value reads.
"""

from decimal import Decimal
from fractions import Fraction

from core.numbers import vn_number
from criteria.models import Indicator, IndicatorVersion
from emulation.plan.periods import (
    MONTH,
    QUARTER,
    YTD,
    Period,
    month_period,
    quarter_period,
    year_period,
    ytd_period,
)
from emulation.reports import figures as fig
from emulation.reports.models import ReportEntry, ReportStatus
from emulation.scores import scoring
from emulation.scores.models import IndicatorScore
from emulation.scores.scoring import round2

# ---------------------------------------------------------------- explain one indicator score


def indicator_score_for(unit_id: int, indicator_id: int, period: str, user) -> IndicatorScore:
    """The stored score of a unit, indicator (hence campaign) and period, with its unit, indicator and
    campaign, if `user` may see it; raises DoesNotExist."""
    score = IndicatorScore.objects.select_related("unit", "indicator__criterion", "campaign", "version").get(
        unit_id=unit_id, indicator_id=indicator_id, period=period
    )
    if not user.has_perm("emulation.view_scores_of_unit", score.unit):
        raise IndicatorScore.DoesNotExist
    if score.version is not None:
        # Explain with the thresholds the score was computed with, not today's (in memory only).
        for name in IndicatorVersion.THRESHOLD_FIELDS:
            setattr(score.indicator, name, getattr(score.version, name))
    return score


def previous_period(period: Period) -> Period:
    """The period a rising indicator is compared with, as a Period (for its label)."""
    first, last = period.previous[0], period.previous[-1]
    if period.kind == MONTH:
        return month_period(first)
    if period.kind == QUARTER:
        return quarter_period(first.year, (first.month - 1) // 3 + 1)
    if period.kind == YTD:
        return ytd_period(first.year, last.month)
    return year_period(first.year)


def accepted_entries(score: IndicatorScore, months) -> list[ReportEntry]:
    """The accepted entries of the score's unit and indicator in `months`, oldest first."""
    entries = list(
        ReportEntry.objects.filter(
            report__campaign_id=score.campaign_id,
            report__unit_id=score.unit_id,
            report__status=ReportStatus.ACCEPTED,
            report__month__in=list(months),
            indicator_id=score.indicator_id,
        )
        .select_related("report__accepted_by")
        .order_by("report__month")
    )
    for entry in entries:
        entry.ratio = fig.percent(entry.numerator, entry.denominator)
    return entries


def _n(value) -> str:
    return vn_number(value)


def value_text(indicator: Indicator, value) -> str:
    """A period value as shown: 63,33% for a ratio, 150 for a count, 8,5 điểm for an appraisal."""
    return indicator.shape.value_text(value)


def value_formula(indicator: Indicator, entries: list[ReportEntry]) -> str:
    """How the period's value comes from the months' figures, with the numbers; the sums are
    scoring's own (Sums.of), so the page adds up exactly what the score did."""
    sums = scoring.Sums.of(
        scoring.MonthFigures(e.numerator, e.denominator, e.value, e.appraised_score) for e in entries
    )
    if indicator.shape.is_score:
        scores = [e.appraised_score for e in entries if e.appraised_score is not None]
        if not scores:
            return "Chưa có điểm thẩm định nào."
        if len(scores) == 1:
            return f"Điểm thẩm định = {_n(scores[0])} điểm"
        mean = round2(Fraction(sums.appraised) / sums.appraisals)
        parts = " + ".join(_n(s) for s in scores)
        return f"Trung bình điểm thẩm định = ({parts}) / {len(scores)} = {_n(mean)} điểm"
    if indicator.shape.is_ratio:
        if not sums.denominator:
            return "Σ mẫu số = 0: không có số liệu."
        ratio = scoring.percent(sums.numerator, sums.denominator)
        return f"Σ tử số / Σ mẫu số = {_n(sums.numerator)} / {_n(sums.denominator)} = {_n(ratio)}%"
    values = [e.value for e in entries if e.value is not None]
    if not values:
        return "Chưa có giá trị nào."
    if len(values) == 1:
        return f"Giá trị = {_n(values[0])}"
    return f"Σ giá trị = {' + '.join(_n(v) for v in values)} = {_n(sums.value)}"


def exact_value(indicator: Indicator, entries: list[ReportEntry]) -> Fraction | None:
    """The period's value before rounding, from the same sums as the score (Σ numerators / Σ denominators
    × 100, or Σ values); None for appraisals and when there is no figure."""
    sums = scoring.Sums.of(
        scoring.MonthFigures(e.numerator, e.denominator, e.value, e.appraised_score) for e in entries
    )
    if indicator.shape.is_score:
        return None
    if indicator.shape.is_ratio:
        return Fraction(100 * sums.numerator, sums.denominator) if sums.denominator else None
    return Fraction(sums.value) if sums.value is not None else None


def _four(number: Fraction) -> str:
    """A non-negative number cut (not rounded) to 4 decimals: 9,99899… reads 9,9989, never 9,9990 or 10,0000,
    so the rounding that follows stays visible."""
    return vn_number(Decimal(number.numerator * 10_000 // number.denominator).scaleb(-4), 4)


def _exact(number: Fraction) -> str:
    """A value as the formula uses it: 98,99 when it has at most 2 decimals, else cut to 4 (63,3333)."""
    return _n(round2(number)) if number * 100 == int(number * 100) else _four(number)


NOT_COUNTED = "không tính điểm, không tính vào điểm tối đa."


def points_formula(score: IndicatorScore, indicator: Indicator, exact: Fraction | None = None) -> str:
    """How the points follow from the value and the thresholds in force (see indicator_score_for),
    with the numbers. The branch is the one scoring took (`score.reason`): nothing here re-states the rules.

    A proportional score shows its quotient unrounded (4 decimals) before the 2-decimal points stored:
    "10 × 98,99 / 99 = 9,9989 → 10,00". `exact` is the value before rounding (exact_value), used when it
    is the one the score was computed from (it rounds to the stored value); else the stored value."""
    points, shown = _n(indicator.points), value_text(indicator, score.value)
    target = indicator.target
    sign = "≤" if indicator.comparison == Indicator.Comparison.AT_MOST else "≥"
    earned = _n(score.points)
    match score.reason:
        case scoring.NO_DATA:
            return f"Không có số liệu (mẫu số bằng 0 hoặc chưa có tháng được chấp nhận): {NOT_COUNTED}"
        case scoring.NO_BASIS:
            return f"Kỳ này {shown}, nhưng không có số liệu kỳ trước và chưa có giá trị gốc để so sánh: {NOT_COUNTED}"
        case scoring.RISING | scoring.BASELINE:
            verdict = "cao hơn → đủ" if score.met else "không cao hơn → 0"
            basis = value_text(indicator, score.compared_with)
            against = "kỳ trước" if score.reason == scoring.RISING else "giá trị gốc"
            return f"Kỳ này {shown} so với {against} {basis}: {verdict} điểm; được {earned} điểm"
        case scoring.APPRAISED:
            return f"Điểm = điểm thẩm định {shown} (tối đa {points}) = {earned} điểm"
        case scoring.NO_TARGET:
            return f"Không có chỉ tiêu phấn đấu: đủ {points} điểm"
        case scoring.MET:
            return f"Đạt ({shown} {sign} {value_text(indicator, target)}): đủ {points} điểm"
        case scoring.FLOOR:
            return f"Dưới ngưỡng sàn ({shown} < {value_text(indicator, indicator.floor)}): 0 điểm"
        case scoring.ALL_OR_NOTHING:
            return f"Chưa đạt ({shown}, chỉ tiêu {sign} {value_text(indicator, target)}): 0 điểm"
        case scoring.AT_MOST | scoring.PROPORTIONAL:
            value = exact if exact is not None and round2(exact) == score.value else Fraction(score.value)
            at_most = score.reason == scoring.AT_MOST
            operands = (_n(target), _exact(value)) if at_most else (_exact(value), _n(target))
            rounded = vn_number(score.points, 2)
            if at_most and not value:  # a stored 0,00 whose figures are gone: no quotient to show
                return f"Chưa đạt: {points} × {operands[0]} / {operands[1]} → {rounded} điểm"
            points_exact, target_exact = Fraction(indicator.points), Fraction(target)
            quotient = points_exact * target_exact / value if at_most else points_exact * value / target_exact
            return f"Chưa đạt: {points} × {operands[0]} / {operands[1]} = {_four(quotient)} → {rounded} điểm"
    # Stored before scores recorded their branch; the next recompute (nightly at the latest) adds it.
    return f"Được {earned} điểm (diễn giải có sau lần tính điểm tới)."
