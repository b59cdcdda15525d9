"""Reads for the score dashboards: a unit over the months, one indicator across units, and their tables.

Like the overview (emulation.scores.overview), each read is a fixed number of queries whatever the
number of units, indicators and months: the indicators, then the stored scores of every month shown
(and of the chosen period) in one query. Only stored scores are read; nothing is recomputed here.
The *_table functions turn what a page shows into a table_export.Table for its downloads.
"""

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from criteria.models import Criterion, Indicator
from emulation.plan.models import Campaign
from emulation.plan.periods import Period
from emulation.scores.explain import value_text
from emulation.scores.models import IndicatorScore
from emulation.scores.overview import Cell, RankRow, heat_cell
from emulation.scores.scoring import percent
from units.models import Unit


def shown_months(campaign: Campaign, latest: date | None) -> list[date]:
    """The campaign's months up to the latest month with an accepted report: later ones have no figures yet."""
    if latest is None:
        return []
    return [m for m in campaign.months() if m <= latest]


def month_label(month: date) -> str:
    return f"{month:%m/%Y}"


def _float(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


# ---------------------------------------------------------------- targets in force


@dataclass(frozen=True)
class Target:
    """The target an indicator's score was judged against: the score's version, else today's indicator."""

    value: Decimal | None
    comparison: str

    def text(self, indicator: Indicator) -> str:
        if indicator.is_rising:
            return "Tăng so với kỳ trước"
        if self.value is None:
            return "Không có"
        sign = "≤" if self.comparison == Indicator.Comparison.AT_MOST else "≥"
        return f"{sign} {value_text(indicator, self.value)}"


def target_of(score: IndicatorScore | None, indicator: Indicator) -> Target:
    source = score.version if score is not None and score.version is not None else indicator
    return Target(source.target, source.comparison)


def targets_text(indicator: Indicator, months: list[date], targets: list[Target]) -> str:
    """ "≥ 100%", or each change with the month it applies from when the target moved during the year."""
    changes: list[tuple[date, Target]] = []
    for month, target in zip(months, targets, strict=True):
        if not changes or changes[-1][1] != target:
            changes.append((month, target))
    if len(changes) <= 1:
        return (changes[0][1] if changes else target_of(None, indicator)).text(indicator)
    return "; ".join(f"{t.text(indicator)} (từ {month_label(m)})" for m, t in changes)


# ---------------------------------------------------------------- the unit page


@dataclass
class IndicatorSeries:
    """One indicator of one unit over the months shown: a cell per month and the target in force."""

    indicator: Indicator
    cells: list[Cell]
    targets: list[Target]
    target_text: str = ""
    chart: dict = field(default_factory=dict)

    @property
    def slug(self) -> str:
        """The indicator code as an HTML id part: 1.2a → 1-2a."""
        return re.sub(r"[^A-Za-z0-9]+", "-", self.indicator.code)


@dataclass
class CriterionPoints:
    criterion: Criterion
    points: Decimal = Decimal(0)
    max_points: Decimal = Decimal(0)
    scores: list[tuple[Indicator, IndicatorScore]] = field(default_factory=list)

    @property
    def percent(self) -> Decimal | None:
        return percent(self.points, self.max_points)


def _campaign_indicators(campaign: Campaign) -> list[Indicator]:
    return list(
        Indicator.objects.filter(campaign=campaign)
        .select_related("criterion")
        .order_by("criterion__order", "order", "code")
    )


def unit_dashboard(campaign: Campaign, unit: Unit, months: list[date], period: Period | None) -> dict:
    """Each indicator of `unit` over `months` against its target, and its points by criterion for `period`.

    The indicators shown are those with a stored score for the unit (scores are stored for every
    indicator that applies to it). Two queries.
    """
    indicators = _campaign_indicators(campaign)
    keys = [f"{m:%Y-%m}" for m in months]
    wanted = keys + ([period.key] if period is not None and period.key not in keys else [])
    scores = IndicatorScore.objects.filter(campaign=campaign, unit=unit, period__in=wanted).select_related("version")
    by_key = {(s.indicator_id, s.period): s for s in scores.order_by()}
    scored = {indicator_id for indicator_id, _ in by_key}
    series = []
    for indicator in indicators:
        if indicator.pk not in scored:
            continue
        month_scores = [by_key.get((indicator.pk, key)) for key in keys]
        cells = [heat_cell(score, indicator) for score in month_scores]
        targets = [target_of(score, indicator) for score in month_scores]
        one = IndicatorSeries(indicator, cells, targets, targets_text(indicator, months, targets))
        one.chart = series_chart(one, months)
        series.append(one)

    criteria: dict[int, CriterionPoints] = {}
    if period is not None:
        for indicator in indicators:
            score = by_key.get((indicator.pk, period.key))
            if score is None:
                continue
            row = criteria.setdefault(indicator.criterion_id, CriterionPoints(indicator.criterion))
            row.points += score.points
            row.max_points += score.max_points
            row.scores.append((indicator, score))
    by_criterion = list(criteria.values())
    total = sum((c.points for c in by_criterion), Decimal(0))
    maximum = sum((c.max_points for c in by_criterion), Decimal(0))
    return {
        "series": series,
        "criteria": by_criterion,
        "criteria_chart": criteria_chart(by_criterion),
        "total": total,
        "maximum": maximum,
        "total_percent": percent(total, maximum),
    }


def _series_unit(indicator: Indicator) -> str:
    return indicator.shape.suffix.strip()


def series_chart(series: IndicatorSeries, months: list[date]) -> dict:
    """What the line chart of one indicator draws: the monthly values and the target line."""
    return _line_chart(series.indicator, [(f"Giá trị {series.indicator.code}", series.cells)], series.targets, months)


def _line_chart(indicator: Indicator, lines: list[tuple[str, list[Cell]]], targets: list[Target], months) -> dict:
    """Lines of monthly values (a gap where a month has no data) and, unless the indicator is
    rising (compared with the period before, no fixed target), the target in force each month."""
    datasets = [
        {
            "label": label,
            "data": [_float(c.score.value) if c.score is not None and c.score.has_data else None for c in cells],
        }
        for label, cells in lines
    ]
    if any(t.value is not None for t in targets) and not indicator.is_rising:
        datasets.append({"label": "Chỉ tiêu phấn đấu", "data": [_float(t.value) for t in targets], "target": 1})
    return {
        "type": "line",
        "labels": [month_label(m) for m in months],
        "datasets": datasets,
        "suffix": _series_unit(indicator),
    }


def criteria_chart(criteria: list[CriterionPoints]) -> dict:
    return {
        "type": "bar",
        "labels": [c.criterion.code for c in criteria],
        "titles": [c.criterion.name for c in criteria],
        "datasets": [
            {"label": "Điểm đạt được", "data": [_float(c.points) for c in criteria]},
            {"label": "Điểm tối đa", "data": [_float(c.max_points) for c in criteria], "muted": 1},
        ],
        "suffix": "điểm",
    }


# ---------------------------------------------------------------- the indicator page


@dataclass
class UnitSeries:
    unit: Unit
    cells: list[Cell]


def indicator_dashboard(campaign: Campaign, indicator: Indicator, units: list[Unit], months: list[date]) -> dict:
    """`indicator` for each of `units` over `months`, with the target in force each month. One query."""
    keys = [f"{m:%Y-%m}" for m in months]
    scores = IndicatorScore.objects.filter(
        campaign=campaign, indicator=indicator, period__in=keys, unit__in=[u.pk for u in units]
    ).select_related("version")
    by_key = {(s.unit_id, s.period): s for s in scores.order_by()}
    rows = [UnitSeries(unit, [heat_cell(by_key.get((unit.pk, key)), indicator) for key in keys]) for unit in units]
    # The version in force in a month is the same for every unit: take it from any score of that month.
    month_version = {s.period: s for s in by_key.values() if s.version is not None}
    targets = [target_of(month_version.get(key), indicator) for key in keys]
    return {
        "rows": rows,
        "targets": targets,
        "target_texts": [t.text(indicator) for t in targets],
        "target_text": targets_text(indicator, months, targets),
        "chart": indicator_chart(indicator, rows, targets, months),
    }


def indicator_chart(indicator: Indicator, rows: list[UnitSeries], targets: list[Target], months: list[date]) -> dict:
    return _line_chart(indicator, [(row.unit.short_name, row.cells) for row in rows], targets, months)


# ---------------------------------------------------------------- the overview's chart


def ranking_chart(ranking: list[RankRow]) -> dict:
    """The ranking as horizontal bars of the unit score (%); a unit without a score has no bar."""
    return {
        "type": "bar",
        "horizontal": 1,
        "labels": [r.unit.short_name for r in ranking],
        "datasets": [
            {
                "label": "Điểm quy đổi (%)",
                "data": [_float(r.row.score) if r.row is not None else None for r in ranking],
            }
        ],
        "suffix": "%",
        "max": 100,
    }


# ---------------------------------------------------------------- tables for the downloads
