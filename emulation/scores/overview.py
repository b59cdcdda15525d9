"""Reads for the ward overview: the period shown (asked for, or the default), the ranking and the heatmap of
who meets which indicator.

A fixed number of queries whatever the number of units, indicators and months: the months with accepted
reports (and from how many units), the participants, the indicators, the indicator scores of the period
and the unit totals of the period and of the month before.
"""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from django.db.models import FilteredRelation, Max, Q

from criteria.models import Indicator
from emulation.plan.models import Campaign
from emulation.plan.periods import (
    MONTH,
    QUARTER,
    YEAR,
    YTD,
    Period,
    PeriodInvalid,
    month_period,
    parse_period,
    periods_for_campaign,
)
from emulation.reports.models import MonthlyReport, ReportStatus
from emulation.scores.explain import value_text
from emulation.scores.models import IndicatorScore, UnitScore
from units.models import Unit


class OverviewPeriodInvalid(ValueError):
    """The ?ky= value cannot be read or lies outside the campaign; the message says why, in Vietnamese."""


def latest_accepted_month(campaign: Campaign) -> date | None:
    return MonthlyReport.objects.filter(campaign=campaign, status=ReportStatus.ACCEPTED).aggregate(m=Max("month"))["m"]


# ---------------------------------------------------------------- which period a dashboard shows


@dataclass(frozen=True)
class Coverage:
    """For each month with an accepted report, how many of the campaign's participating units have one."""

    participants: int
    accepted: dict[date, int]

    @property
    def latest(self) -> date | None:
        """The latest month in which any participating unit has an accepted report."""
        return max(self.accepted, default=None)

    @property
    def latest_complete(self) -> date | None:
        """The latest month in which every participating unit has an accepted report."""
        return max((m for m, units in self.accepted.items() if units >= self.participants > 0), default=None)

    def units(self, month: date) -> str:
        """ "3/5": units accepted in `month`, of the participants."""
        return f"{self.accepted.get(month, 0)}/{self.participants}"


def accepted_coverage(campaign: Campaign) -> Coverage:
    """One query: each participating unit with the months it has an accepted report for (none: one empty row)."""
    accepted = FilteredRelation(
        "reports", condition=Q(reports__campaign=campaign, reports__status=ReportStatus.ACCEPTED)
    )
    rows = set(campaign.participants.annotate(accepted=accepted).values_list("pk", "accepted__month").order_by())
    counts = Counter(month for _, month in rows if month is not None)
    return Coverage(participants=len({unit for unit, _ in rows}), accepted=dict(counts))


def default_month(coverage: Coverage) -> date | None:
    """The month a dashboard opens on: the latest month every participating unit has been accepted for,
    so that the ranking compares like with like; failing that, the latest month with any accepted report."""
    return coverage.latest_complete or coverage.latest


def overview_period(campaign: Campaign, text: str, latest: date | None) -> Period:
    """The period `text` names, within the campaign; raises PeriodInvalid or OverviewPeriodInvalid.
    `latest` is the latest month with any accepted report, which 2026-YTD runs through."""
    period = parse_period(text, latest_accepted=latest)
    if not set(period.months) & set(campaign.months()):
        raise OverviewPeriodInvalid(f"{period.label} nằm ngoài thời gian của phong trào {campaign.code}.")
    return period


@dataclass(frozen=True)
class PeriodOption:
    key: str
    label: str


@dataclass(frozen=True)
class PeriodGroup:
    label: str
    options: list[PeriodOption]


GROUPS = ((MONTH, "Tháng"), (QUARTER, "Quý"), (YTD, "Lũy kế từ đầu năm"), (YEAR, "Năm"))


def period_options(campaign: Campaign, coverage: Coverage, shown: Period | None) -> list[PeriodGroup]:
    """The periods a person may pick, in words, grouped by kind and latest first: those with accepted
    figures, up to the latest accepted month (a quarter or year not yet over says how far its figures go).
    The period shown is always among them, so that the list never claims another one."""
    latest = coverage.latest
    if latest is None:
        return []
    with_data = set(coverage.accepted)
    offered = [
        p
        for p in periods_for_campaign(campaign.months())
        if with_data & set(p.months) and (p.kind in (QUARTER, YEAR) or p.months[-1] <= latest)
    ]
    if shown is not None and shown.key not in {p.key for p in offered}:
        offered.append(shown)
    groups = []
    for kind, name in GROUPS:
        periods = sorted((p for p in offered if p.kind == kind), key=lambda p: p.months[-1], reverse=True)
        options = [PeriodOption(p.key, _option_label(p, with_data, latest)) for p in periods]
        if options:
            groups.append(PeriodGroup(name, options))
    return groups


def _option_label(period: Period, with_data: set[date], latest: date) -> str:
    if not with_data & set(period.months):
        return f"{period.label} (chưa có số liệu)"
    if period.months[-1] > latest:
        return f"{period.label} (đến tháng {latest:%m/%Y})"
    return period.label


def period_note(period: Period, coverage: Coverage, *, asked: bool) -> str:
    """Which period the page shows and why, in a sentence."""
    shown = period.label_in_sentence
    n = coverage.participants
    if not asked:
        month = period.months[0]
        if month == coverage.latest_complete:
            return f"Đang xem {shown}: tháng gần nhất mà cả {n}/{n} đơn vị đã được chấp nhận báo cáo."
        return (
            f"Đang xem {shown}: chưa có tháng nào cả {n} đơn vị đều được chấp nhận báo cáo; đây là tháng gần nhất"
            f" có báo cáo được chấp nhận ({coverage.units(month)} đơn vị)."
        )
    if period.kind == MONTH:
        return f"Đang xem {shown} (kỳ đã chọn): {coverage.units(period.months[0])} đơn vị đã được chấp nhận báo cáo."
    latest = coverage.latest
    months = [m for m in period.months if latest is not None and m <= latest]
    note = f"Đang xem {shown} (kỳ đã chọn)"
    if months and months[-1] < period.months[-1]:
        note += f", số liệu đến tháng {months[-1]:%m/%Y}"
    short = [
        f"tháng {m:%m/%Y} ({coverage.units(m)} đơn vị)" for m in reversed(months) if coverage.accepted.get(m, 0) < n
    ]
    if short:
        more = f" và {len(short) - 3} tháng khác" if len(short) > 3 else ""
        note += "; chưa đủ báo cáo được chấp nhận: " + ", ".join(short[:3]) + more
    return note + "."


@dataclass(frozen=True)
class ChosenPeriod:
    """What a dashboard shows: the period (None before any accepted report), why, what else may be picked,
    the error when the ?ky= asked for could not be shown, and the latest month with any accepted report."""

    period: Period | None
    note: str
    options: list[PeriodGroup]
    error: str
    latest: date | None


def period_chosen(campaign: Campaign, asked: str) -> ChosenPeriod:
    """The period of ?ky=`asked`, or the default month (see default_month) when nothing or something
    unreadable was asked for. One query."""
    coverage = accepted_coverage(campaign)
    latest, default = coverage.latest, default_month(coverage)
    period, error = None, ""
    if asked:
        try:
            period = overview_period(campaign, asked, latest)
        except (PeriodInvalid, OverviewPeriodInvalid) as exc:
            error = str(exc)
    chosen = period is not None
    if period is None and default is not None:
        period = month_period(default)
    note = period_note(period, coverage, asked=chosen) if period is not None else ""
    return ChosenPeriod(period, note, period_options(campaign, coverage, period), error, latest)


# ---------------------------------------------------------------- the overview


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
    """A unit's total, score and rank for the month the dashboards open on (default_month), for its officials."""
    coverage = accepted_coverage(campaign)
    month = default_month(coverage)
    if month is None:
        return {}
    period = month_period(month)
    standing = UnitScore.objects.filter(campaign=campaign, unit=unit, period=period.key).first()
    return {
        "standing": standing,
        "standing_label": period.label,
        "participant_count": coverage.participants,
    }
