"""The ward's ranking for a period as an official document (emulation.ranking_report): "BÁO CÁO Kết quả chấm
điểm, xếp hạng thi đua cải cách hành chính tháng M/YYYY" (or a quarter, the year to date, the year), issued by the
ward and signed as the campaign's plan is.

Its record is a campaign and a period, which no table holds: RankingRecord stands for the pair, its id the two
written in one number (campaign id × 10⁷ + the period's code, see ranking_id), so a page links to it and the
documents' doors find it again without a row written on a read. Its version is a hash of what it shows.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import rules

from core.numbers import vn_number, vn_percent
from criteria.models import Indicator
from documents.frame import Frame
from documents.registry import DocumentKind, document_kind_register, version_of
from emulation.plan.document import issuer_lines, legal_basis_text, place_of
from emulation.plan.models import Campaign
from emulation.plan.periods import (
    FIRST_YEAR,
    LAST_YEAR,
    MONTH,
    QUARTER,
    YEAR,
    YTD,
    Period,
    month_period,
    quarter_period,
    year_period,
    ytd_period,
)
from emulation.reports.models import MonthlyReport, ReportStatus
from emulation.scores.documents.common import points_text
from emulation.scores.models import IndicatorScore, UnitScore
from emulation.scores.overview import latest_accepted_month

KIND = "emulation.ranking_report"
PERIOD_SPAN = 10**7
"""Room for a period's code (year × 1000 + what in the year) in a ranking's id."""
_OFFSET = {MONTH: 0, QUARTER: 100, YTD: 200, YEAR: 300}
RECIPIENTS = [
    "Thường trực HĐND phường (b/c);",
    "Chủ tịch, các Phó Chủ tịch UBND phường;",
    "Các phòng, đơn vị thuộc phường;",
    "Lưu: VT, VH-XH.",
]


def period_code(period: Period) -> int:
    last = period.months[-1]
    within = {MONTH: last.month, QUARTER: (last.month - 1) // 3 + 1, YTD: last.month, YEAR: 0}[period.kind]
    return last.year * 1000 + _OFFSET[period.kind] + within


def period_of_code(code: int) -> Period | None:
    year, rest = divmod(code, 1000)
    kind, within = divmod(rest, 100)
    if not FIRST_YEAR <= year <= LAST_YEAR:
        return None
    if kind == 0 and 1 <= within <= 12:
        return month_period(date(year, within, 1))
    if kind == 1 and 1 <= within <= 4:
        return quarter_period(year, within)
    if kind == 2 and 1 <= within <= 12:
        return ytd_period(year, within)
    if kind == 3 and within == 0:
        return year_period(year)
    return None


def ranking_id(campaign_pk: int, period: Period) -> int:
    return campaign_pk * PERIOD_SPAN + period_code(period)


@dataclass
class RankingRecord:
    """A campaign's ranking over one period: the record the ranking document is made of."""

    campaign: Campaign
    period: Period

    @property
    def pk(self) -> int:
        return ranking_id(self.campaign.pk, self.period)

    def data(self) -> dict:
        """What the document shows (read once per record)."""
        if not hasattr(self, "_data"):
            self._data = ranking_data(self.campaign, self.period)
        return self._data


def ranking_record(campaign: Campaign, period: Period) -> RankingRecord:
    return RankingRecord(campaign, period)


def ranking_find(pk: int) -> RankingRecord | None:
    """The ranking of that id, or None: no such campaign, a code that is no period, a period outside it."""
    campaign_pk, code = divmod(pk, PERIOD_SPAN)
    period = period_of_code(code)
    if period is None:
        return None
    campaign = Campaign.objects.select_related("issuing_unit").filter(pk=campaign_pk).first()
    if campaign is None or not set(period.months) & set(campaign.months()):
        return None
    return RankingRecord(campaign, period)


@dataclass
class RankingRow:
    rank: int | None
    unit: str
    points: list[str]
    total: str
    score: str
    scored: bool = True


def _missing_text(period: Period, name: str, months: list[date], states: dict[date, str]) -> str:
    if period.kind == MONTH:
        return f"{name} ({states.get(months[0], 'chưa có báo cáo')})"
    return f"{name} (tháng {', '.join(f'{m.month}/{m.year}' for m in months)})"


def ranking_data(campaign: Campaign, period: Period) -> dict:
    """The ranking of every participant, each criterion's points, the units whose reports are missing;
    a fixed number of queries whatever the number of units."""
    participants = list(campaign.participants.order_by("order", "name"))
    indicators = list(
        Indicator.objects.filter(campaign=campaign).select_related("criterion").order_by("criterion__order", "order")
    )
    criteria, maximum, criterion_of = [], {}, {}
    for indicator in indicators:
        criterion = indicator.criterion
        if criterion.pk not in maximum:
            criteria.append(criterion)
            maximum[criterion.pk] = Decimal(0)
        maximum[criterion.pk] += indicator.points
        criterion_of[indicator.pk] = criterion.pk
    sums: dict[tuple[int, int], Decimal] = {}
    scores = IndicatorScore.objects.filter(campaign=campaign, period=period.key, has_data=True).order_by()
    for unit_id, indicator_id, points in scores.values_list("unit_id", "indicator_id", "points"):
        key = (unit_id, criterion_of.get(indicator_id))
        sums[key] = sums.get(key, Decimal(0)) + points
    totals = {t.unit_id: t for t in UnitScore.objects.filter(campaign=campaign, period=period.key).order_by()}
    rows = []
    for unit in participants:
        total = totals.get(unit.pk)
        scored = total is not None and total.score is not None
        rows.append(
            RankingRow(
                rank=total.rank if scored else None,
                unit=unit.name,
                points=[points_text(sums.get((unit.pk, c.pk))) if scored else "—" for c in criteria],
                total=f"{vn_number(total.total)}/{vn_number(total.max_points)}" if scored else "—",
                score=vn_percent(total.score) if scored else "",
                scored=scored,
            )
        )
    rows.sort(key=lambda r: (r.rank is None, r.rank or 0))
    return {
        "criteria": [(c.code, c.name, vn_number(maximum[c.pk])) for c in criteria],
        "rows": rows,
        "missing": _missing(campaign, period, participants),
    }


def _missing(campaign: Campaign, period: Period, participants: list) -> list[str]:
    """The participants without an accepted report for a month of the period that is due: the month itself, or
    each month of a longer period up to the latest month any unit has an accepted report for."""
    campaign_months = set(campaign.months())
    if period.kind == MONTH:
        due = [m for m in period.months if m in campaign_months]
    else:
        latest = latest_accepted_month(campaign)
        due = [m for m in period.months if m in campaign_months and latest is not None and m <= latest]
    if not due:
        return []
    reports = MonthlyReport.objects.filter(campaign=campaign, month__in=due, unit__in=participants).order_by()
    found = {(unit_id, month): status for unit_id, month, status in reports.values_list("unit_id", "month", "status")}
    labels = {value: label.lower() for value, label in ReportStatus.choices}
    missing = []
    for unit in participants:
        months = [m for m in due if found.get((unit.pk, m)) != ReportStatus.ACCEPTED]
        if months:
            states = {m: labels[found[unit.pk, m]] for m in months if (unit.pk, m) in found}
            missing.append(_missing_text(period, unit.name, months, states))
    return missing


def period_in_title(period: Period) -> str:
    """ "tháng 10/2026", "quý III/2026", "lũy kế từ đầu năm đến tháng 10/2026", "năm 2026"."""
    last = period.months[-1]
    if period.kind == MONTH:
        return f"tháng\u00a0{last.month}/{last.year}"
    if period.kind == YTD:
        return f"lũy kế từ đầu năm đến tháng\u00a0{last.month}/{last.year}"
    return period.label_in_sentence


def ranking_context(record: RankingRecord) -> dict:
    campaign, period = record.campaign, record.period
    issuer = campaign.issuing_unit.name
    written = period_in_title(period)
    last = period.months[-1]
    frame = Frame(
        issuer=issuer_lines(issuer),
        reference=f"…/BC-{campaign.document_symbol.split('-')[-1] or 'UBND'}",
        place=place_of(issuer),
        doc_type="Báo cáo",
        summary=f"Kết quả chấm điểm, xếp hạng thi đua cải cách hành chính {written}",
        year=last.year + 1 if last.month == 12 else last.year,
        signer_authority=campaign.signer_authority,
        signer_title=campaign.signer_title,
        signer_name=campaign.signer_name,
        recipients=RECIPIENTS,
    )
    plan = legal_basis_text(_PlanBasis(campaign.document_reference, campaign.document_date, issuer, campaign.title))
    return {"frame": frame, "campaign": campaign, "period_text": written, "plan": plan, **record.data()}


@dataclass
class _PlanBasis:
    """The campaign's own plan, cited as a legal basis is (legal_basis_text)."""

    reference: str
    issued_on: date | None
    issuer: str
    title: str
    doc_type: str = "Kế hoạch"

    @property
    def number(self) -> str:
        return self.reference


def ranking_version(record: RankingRecord) -> int:
    campaign = record.campaign
    return version_of(
        record.data(),
        campaign.document_reference,
        campaign.document_date,
        campaign.signer_authority,
        campaign.signer_title,
        campaign.signer_name,
    )


def can_view_ranking(user, record: RankingRecord) -> bool:
    """The ward-wide roles that read the campaign: the document prints every unit's points by criterion, which a
    unit head sees only of their own unit (emulation.scores.permissions)."""
    # The rule set only, as the score pages ask it: no fall-through to the model backend's queries.
    return user.has_perm("emulation.view_campaign_page", record.campaign) and rules.has_perm(
        "emulation.view_all_scores", user
    )


document_kind_register(
    DocumentKind(
        key=KIND,
        template="emulation/documents/ranking_report.html",
        find=ranking_find,
        context=ranking_context,
        can_view=can_view_ranking,
        version=ranking_version,
        filename=lambda record: f"xep-hang-{record.campaign.code}-{record.period.key}.pdf".lower(),
    )
)
