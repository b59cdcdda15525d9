"""Reads for the score dashboards: a unit over the months, one indicator across units, and their tables.

Like the overview (emulation.selectors_scores), each read is a fixed number of queries whatever the
number of units, indicators and months: the indicators, then the stored scores of every month shown
(and of the chosen period) in one query. Only stored scores are read; nothing is recomputed here.
The *_table functions turn what a page shows into a table_export.Table for its downloads.
"""

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from criteria.models import Criterion, Indicator, IndicatorVersion
from emulation.models import Campaign, IndicatorScore
from emulation.periods import Period
from emulation.scoring import percent
from emulation.selectors_scores import Cell, HeatRow, RankRow, heat_cell, value_text
from emulation.table_export import Table
from units.models import Unit

RESULT_WORDS = {"met": "Đạt", "not-met": "Chưa đạt", "no-data": "Không có số liệu", "full": "Đủ điểm", "none": ""}


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
        if indicator.kind == Indicator.Kind.RISING:
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
    if indicator.measure == Indicator.Measure.PERCENT:
        return "%"
    if indicator.kind == Indicator.Kind.QUALITATIVE:
        return "điểm"
    return ""


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
    if any(t.value is not None for t in targets) and indicator.kind != Indicator.Kind.RISING:
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


def _number(cell: Cell) -> Decimal | None:
    return cell.score.value if cell.score is not None and cell.score.has_data else None


def ranking_table(period: Period, ranking: list[RankRow], before_label: str) -> Table:
    headers = ["Hạng", "Mã đơn vị", "Đơn vị", "Tổng điểm", "Điểm tối đa", "Điểm quy đổi (%)"]
    if before_label:
        headers.append(f"So với {before_label.lower()}")
    rows = []
    for r in ranking:
        has_score = r.row is not None and r.row.score is not None
        row = [
            r.row.rank if r.row is not None else None,
            r.unit.code,
            r.unit.short_name,
            r.row.total if has_score else None,
            r.row.max_points if has_score else None,
            r.row.score if has_score else None,
        ]
        if before_label:
            row.append(r.movement_words)
        rows.append(row)
    return Table(f"Xếp hạng - {period.label}", headers, rows)


def heatmap_table(period: Period, indicators: list[Indicator], heatmap: list[HeatRow]) -> Table:
    """Two columns per indicator: the value (a number) and the result in words."""
    headers = ["Mã đơn vị", "Đơn vị"]
    for indicator in indicators:
        headers += [f"{indicator.code} - giá trị", f"{indicator.code} - kết quả"]
    rows = []
    for row in heatmap:
        cells: list = [row.unit.code, row.unit.short_name]
        for cell in row.cells:
            cells += [_number(cell), cell.label]
        rows.append(cells)
    return Table(f"Đạt - chưa đạt theo chỉ tiêu - {period.label}", headers, rows)


def under_target_table(period: Period, indicators: list[Indicator], heatmap: list[HeatRow]) -> Table:
    """One row per unit and indicator not met in the period, with the target it was judged against.

    The overview reads scores without their versions: one query fetches those of the cells listed.
    """
    headers = ["Mã đơn vị", "Đơn vị", "Mã chỉ tiêu", "Tên chỉ tiêu", "Giá trị", "Chỉ tiêu phấn đấu"]
    not_met = [c.score for row in heatmap for c in row.cells if c.state == "not-met"]
    versions = IndicatorVersion.objects.in_bulk({s.version_id for s in not_met if s.version_id is not None})
    for score in not_met:
        score.version = versions.get(score.version_id)
    rows = []
    for row in heatmap:
        for indicator, cell in zip(indicators, row.cells, strict=True):
            if cell.state == "not-met":
                target = target_of(cell.score, indicator).text(indicator)
                rows.append([row.unit.code, row.unit.short_name, indicator.code, indicator.name, _number(cell), target])
    return Table(f"Đơn vị chưa đạt chỉ tiêu - {period.label}", headers, rows)


_LONG_HEADERS = ["Tháng", "Giá trị", "Chỉ tiêu phấn đấu", "Kết quả", "Điểm", "Điểm tối đa"]


def _long_cells(month: date, cell: Cell, target: Target, indicator: Indicator) -> list:
    score = cell.score
    return [
        month_label(month),
        _number(cell),
        target.text(indicator),
        RESULT_WORDS[cell.state],
        score.points if score is not None and score.has_data else None,
        score.max_points if score is not None and score.has_data else None,
    ]


def unit_months_table(unit: Unit, series: list[IndicatorSeries], months: list[date]) -> Table:
    """One row per indicator and month (numbers stay numbers in a spreadsheet)."""
    rows = []
    for s in series:
        for month, cell, target in zip(months, s.cells, s.targets, strict=True):
            rows.append([s.indicator.code, s.indicator.name, *_long_cells(month, cell, target, s.indicator)])
    return Table(f"{unit.short_name} - chỉ tiêu theo tháng", ["Mã chỉ tiêu", "Tên chỉ tiêu", *_LONG_HEADERS], rows)


def unit_criteria_table(unit: Unit, period: Period, criteria: list[CriterionPoints]) -> Table:
    headers = ["Mã tiêu chí", "Tiêu chí", "Điểm", "Điểm tối đa", "Tỷ lệ (%)"]
    rows = [[c.criterion.code, c.criterion.name, c.points, c.max_points, c.percent] for c in criteria]
    total = sum((c.points for c in criteria), Decimal(0))
    maximum = sum((c.max_points for c in criteria), Decimal(0))
    rows.append(["Tổng", "", total, maximum, percent(total, maximum)])
    return Table(f"{unit.short_name} - điểm theo tiêu chí - {period.label}", headers, rows)


def indicator_units_table(indicator: Indicator, rows: list[UnitSeries], targets: list[Target], months) -> Table:
    """One row per unit and month."""
    out = []
    for row in rows:
        for month, cell, target in zip(months, row.cells, targets, strict=True):
            target = target_of(cell.score, indicator) if cell.score is not None else target
            out.append([row.unit.code, row.unit.short_name, *_long_cells(month, cell, target, indicator)])
    return Table(f"Chỉ tiêu {indicator.code} theo đơn vị", ["Mã đơn vị", "Đơn vị", *_LONG_HEADERS], out)
