"""The dashboards' tables as downloads (.xlsx, CSV): what each page shows, as rows of numbers and words."""

from datetime import date
from decimal import Decimal

from core.table_export import Table
from criteria.models import Indicator, IndicatorVersion
from emulation.plan.periods import Period
from emulation.scores.dashboards import CriterionPoints, IndicatorSeries, Target, UnitSeries, month_label, target_of
from emulation.scores.overview import Cell, HeatRow, RankRow
from emulation.scores.scoring import percent
from units.models import Unit

RESULT_WORDS = {"met": "Đạt", "not-met": "Chưa đạt", "no-data": "Không có số liệu", "full": "Đủ điểm", "none": ""}


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
