"""Reads for the ward overview: the period asked for, the ranking and the heatmap of who meets which indicator.

A fixed number of queries whatever the number of units, indicators and months: the latest accepted month,
the participants, the indicators, the indicator scores of the period and the unit totals of the period
and of the month before.
"""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Max

from criteria.models import Indicator
from emulation.plan.models import Campaign
from emulation.plan.periods import MONTH, Period, month_period, parse_period
from emulation.reports.models import MonthlyReport, ReportStatus
from emulation.scores.explain import value_text
from emulation.scores.models import IndicatorScore, UnitScore
from units.models import Unit


class OverviewPeriodInvalid(ValueError):
    """The ?ky= value cannot be read or lies outside the campaign; the message says why, in Vietnamese."""


def latest_accepted_month(campaign: Campaign) -> date | None:
    return MonthlyReport.objects.filter(campaign=campaign, status=ReportStatus.ACCEPTED).aggregate(m=Max("month"))["m"]


def overview_period(campaign: Campaign, text: str | None, latest: date | None) -> Period | None:
    """The period asked for (default: the latest month with an accepted report; None when there is none)."""
    if not text:
        return month_period(latest) if latest is not None else None
    period = parse_period(text, latest_accepted=latest)  # raises PeriodInvalid (a ValueError)
    months = set(campaign.months())
    if not set(period.months) & months:
        raise OverviewPeriodInvalid(f"{period.label} nằm ngoài thời gian của phong trào {campaign.code}.")
    return period


@dataclass
class Cell:
    score: IndicatorScore | None
    state: str  # met | not-met | no-data | full | none
    label: str
    value: str = ""
    code: str = ""


@dataclass
class HeatRow:
    unit: Unit
    cells: list[Cell]
    not_met: list[Indicator] = field(default_factory=list)


@dataclass
class RankRow:
    unit: Unit
    row: UnitScore | None
    movement: str = ""
    movement_words: str = ""


def heat_cell(score: IndicatorScore | None, indicator: Indicator) -> Cell:
    if score is None:
        return Cell(None, "none", "Không áp dụng")
    if not score.has_data:
        return Cell(score, "no-data", "Không có số liệu")
    value = value_text(indicator, score.value)
    if score.met is True:
        return Cell(score, "met", "Đạt", value)
    if score.met is False:
        return Cell(score, "not-met", "Chưa đạt", value)
    return Cell(score, "full", "Đủ điểm", value)


def _movement(rank: int | None, before: int | None) -> tuple[str, str]:
    if rank is None or before is None:
        return "—", "không so sánh được"
    if rank < before:
        return f"↑{before - rank}", f"tăng {before - rank} bậc"
    if rank > before:
        return f"↓{rank - before}", f"giảm {rank - before} bậc"
    return "—", "giữ nguyên thứ hạng"


def ward_overview(campaign: Campaign, period: Period, heatmap_units: list[Unit] | None) -> dict:
    """Ranking of every participant, and the heatmap of `heatmap_units` (None: every participant)."""
    participants = list(campaign.participants.order_by("order", "name"))
    shown = participants if heatmap_units is None else [u for u in participants if u in heatmap_units]
    indicators = list(
        Indicator.objects.filter(campaign=campaign)
        .select_related("criterion")
        .order_by("criterion__order", "order", "code")
    )
    scores = IndicatorScore.objects.filter(campaign=campaign, period=period.key, unit__in=[u.pk for u in shown])
    by_key = {(s.unit_id, s.indicator_id): s for s in scores.order_by()}
    rows = []
    for unit in shown:
        cells = [heat_cell(by_key.get((unit.pk, i.pk)), i) for i in indicators]
        for cell, indicator in zip(cells, indicators, strict=True):
            cell.code = indicator.code
        not_met = [i for i, c in zip(indicators, cells, strict=True) if c.state == "not-met"]
        rows.append(HeatRow(unit, cells, not_met))

    before_key = month_period(period.previous[0]).key if period.kind == MONTH else None
    keys = [period.key] + ([before_key] if before_key else [])
    totals = {(r.unit_id, r.period): r for r in UnitScore.objects.filter(campaign=campaign, period__in=keys).order_by()}
    ranking = []
    for unit in participants:
        row = totals.get((unit.pk, period.key))
        entry = RankRow(unit, row)
        if before_key:
            before = totals.get((unit.pk, before_key))
            entry.movement, entry.movement_words = _movement(row.rank if row else None, before.rank if before else None)
        ranking.append(entry)
    ranking.sort(key=lambda r: (r.row is None or r.row.rank is None, r.row.rank if r.row and r.row.rank else 0))
    return {
        "indicators": indicators,
        "heatmap": rows,
        "ranking": ranking,
        "under_target": [r for r in rows if r.not_met],
        "compares_month": before_key is not None,
        "before_label": month_period(period.previous[0]).label if before_key else "",
    }


def unit_standing(campaign: Campaign, unit: Unit) -> dict:
    """A unit's total, score and rank for the latest month with an accepted report, for its officials."""
    latest = latest_accepted_month(campaign)
    if latest is None:
        return {}
    period = month_period(latest)
    standing = UnitScore.objects.filter(campaign=campaign, unit=unit, period=period.key).first()
    return {
        "standing": standing,
        "standing_label": period.label,
        "participant_count": campaign.participants.count(),
    }
