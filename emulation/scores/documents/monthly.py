"""A unit's monthly report as an official document (emulation.monthly_report): "BÁO CÁO Kết quả thực hiện các chỉ
tiêu thi đua cải cách hành chính tháng M/YYYY", issued by the unit under the ward, signed by its head.

The body: an opening, the one-stop counts, each criterion's indicators with their figures as counted, result,
target, met or not and points (the stored scores of an accepted month), the month's and the year to date's totals
and rank, the evidence files by name and the secretariat's remarks. Its version is a hash of all of that, so a
change of figures, state, evidence, scores or signer makes it stale.
"""

from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.utils import timezone

from core.numbers import vn_number, vn_percent
from documents.frame import Frame
from documents.registry import DocumentKind, document_kind_register, version_of
from emulation.plan.document import issuer_lines, place_of
from emulation.plan.periods import month_period, ytd_period
from emulation.reports import figures as fig
from emulation.reports.models import Evidence, MonthlyReport, ReportEntry, ReportStatus, ReportTransition
from emulation.scores.documents.common import met_text, points_text
from emulation.scores.models import IndicatorScore, UnitScore
from units.models import Official

KIND = "emulation.monthly_report"
REVIEW_ACTIONS = ("accept", "return", "reopen")
"""The secretariat's steps whose reason is a remark on the report."""
RECIPIENTS = ["UBND phường (Phòng VH-XH);", "Lưu: VT."]


@dataclass
class Row:
    code: str
    name: str
    counted: str
    """Tử số / mẫu số of a ratio, the value of a count, the self-score of a qualitative indicator."""
    result: str
    target: str
    met: str
    points: str
    explanation: str = ""


@dataclass
class CriterionRows:
    code: str
    name: str
    points: str
    rows: list[Row] = field(default_factory=list)


@dataclass
class Standing:
    label: str
    total: str
    max_points: str
    score: str
    rank: int | None
    ranked: int


def report_for_document(pk: int) -> MonthlyReport | None:
    """The report with what its document prints (entries, evidence, the secretariat's steps), whoever asks."""
    evidence = Evidence.objects.order_by("uploaded_at", "pk")
    entries = (
        ReportEntry.objects.select_related("indicator__criterion")
        .prefetch_related(Prefetch("evidence", queryset=evidence))
        .order_by("indicator__criterion__order", "indicator__order", "indicator__code")
    )
    remarks = ReportTransition.objects.filter(action__in=REVIEW_ACTIONS).exclude(reason="").order_by("at", "pk")
    return (
        MonthlyReport.objects.select_related("campaign__issuing_unit", "unit")
        .prefetch_related(Prefetch("entries", queryset=entries), Prefetch("transitions", queryset=remarks))
        .filter(pk=pk)
        .first()
    )


def _counted(indicator, entry) -> str:
    shape = indicator.shape
    if shape.is_ratio:
        if entry.numerator is None and entry.denominator is None:
            return "—"
        return f"{points_text(entry.numerator)} / {points_text(entry.denominator)}"
    if shape.is_score:
        return "—" if entry.self_score is None else f"Tự chấm {vn_number(entry.self_score)}"
    return points_text(entry.value)


def _result(indicator, entry) -> str:
    shape = indicator.shape
    if shape.is_ratio:
        if entry.denominator == 0:
            return "Không có hồ sơ"
        return vn_percent(fig.percent(entry.numerator, entry.denominator)) if entry.numerator is not None else "—"
    if shape.is_score:
        if entry.appraised_score is not None:
            return f"Thẩm định {vn_number(entry.appraised_score)} điểm"
        return "Chưa thẩm định"
    return shape.value_text(entry.value)


def _standing(row: UnitScore | None, label: str, ranked: int) -> Standing | None:
    if row is None or row.score is None:
        return None
    return Standing(
        label=label,
        total=vn_number(row.total),
        max_points=vn_number(row.max_points),
        score=vn_percent(row.score),
        rank=row.rank,
        ranked=ranked,
    )


def _head(report: MonthlyReport) -> Official | None:
    heads = Official.objects.filter(unit_id=report.unit_id, is_active=True, leadership=Official.Leadership.HEAD)
    return heads.select_related("position").first()


def monthly_data(report: MonthlyReport) -> dict:
    """What the document shows, read in a fixed number of queries (the scores, the totals, the head)."""
    month, year_to_date = month_period(report.month), ytd_period(report.month.year, report.month.month)
    scores = {
        s.indicator_id: s
        for s in IndicatorScore.objects.filter(
            campaign_id=report.campaign_id, unit_id=report.unit_id, period=month.key
        ).order_by()
    }
    keys = (month.key, year_to_date.key)
    written = f"{report.month.month}/{report.month.year}"
    totals = list(UnitScore.objects.filter(campaign_id=report.campaign_id, period__in=keys).order_by())
    ranked = {key: sum(1 for t in totals if t.period == key and t.rank is not None) for key in keys}
    own = {t.period: t for t in totals if t.unit_id == report.unit_id}
    criteria: list[CriterionRows] = []
    subtotals: dict[str, list] = {}
    evidence = []
    for entry in report.entries.all():
        indicator, criterion = entry.indicator, entry.indicator.criterion
        if not criteria or criteria[-1].code != criterion.code:
            criteria.append(CriterionRows(criterion.code, criterion.name, "—"))
        score = scores.get(indicator.pk)
        counted = score is not None and score.has_data
        if counted:
            subtotals.setdefault(criterion.code, []).append(score.points)
        criteria[-1].rows.append(
            Row(
                code=indicator.code,
                name=indicator.name,
                counted=_counted(indicator, entry),
                result=_result(indicator, entry),
                target=indicator.target_display,
                met=met_text(score),
                points=points_text(score.points if counted else None),
                explanation=entry.explanation,
            )
        )
        names = [file.original_name for file in entry.evidence.all()]
        if names:
            evidence.append((indicator.code, names))
    for group in criteria:
        if group.code in subtotals:
            group.points = vn_number(sum(subtotals[group.code]))
    head = _head(report)
    return {
        "criteria": criteria,
        "scored": bool(scores),
        "month_standing": _standing(own.get(month.key), f"Tháng {written}", ranked[month.key]),
        "ytd_standing": _standing(own.get(year_to_date.key), f"Lũy kế từ đầu năm đến tháng {written}", ranked[keys[1]]),
        "evidence": evidence,
        "remarks": [
            (t.at, t.get_to_status_display(), t.reason)
            for t in report.transitions.all()
            if t.action in REVIEW_ACTIONS and t.reason
        ],
        "one_stop": _one_stop_text(report),
        "head": (head.position.name, head.full_name) if head else None,
    }


def _one_stop_text(report: MonthlyReport) -> str:
    """The one-stop counts in a sentence (DOMAIN.md §2), or "" when the unit keeps none."""
    if not report.has_one_stop_counts:
        return ""
    n = {name: points_text(getattr(report, name)) for name in fig.ONE_STOP_LABELS}
    return (
        f"Tổng số hồ sơ tiếp nhận {n['received']} (trực tuyến {n['received_online']}; trực tiếp, bưu chính"
        f" {n['received_direct']}; kỳ trước chuyển qua {n['carried_over']}); đã giải quyết {n['resolved']}"
        f" (trước hạn {n['resolved_ahead']}, đúng hạn {n['resolved_on_time']}, quá hạn {n['resolved_late']});"
        f" đang giải quyết {n['in_progress']} (trong hạn {n['in_progress_within']}, quá hạn"
        f" {n['in_progress_overdue']})."
    )


def _unit_symbol(unit) -> str:
    return "".join(ch for ch in unit.code.upper() if ch.isascii() and ch.isalnum())[:12] or "DV"


def monthly_context(report: MonthlyReport) -> dict:
    campaign = report.campaign
    data = monthly_data(report)
    title, name = data["head"] or ("Thủ trưởng đơn vị", "")
    submitted = timezone.localdate(report.submitted_at) if report.submitted_at else None
    frame = Frame(
        superior=issuer_lines(campaign.issuing_unit.name),
        issuer=report.unit.name,
        reference=f"…/BC-{_unit_symbol(report.unit)}",
        place=place_of(campaign.issuing_unit.name),
        doc_type="Báo cáo",
        summary=(
            "Kết quả thực hiện các chỉ tiêu thi đua cải cách hành chính"
            f" tháng\u00a0{report.month.month}/{report.month.year}"
        ),
        issued_on=submitted,
        year=report.month.year if report.month.month < 12 else report.month.year + 1,
        signer_title=title,
        signer_name=name,
        recipients=RECIPIENTS,
    )
    return {
        "frame": frame,
        "report": report,
        "campaign": campaign,
        "month_text": f"{report.month.month}/{report.month.year}",
        "state": report.get_status_display(),
        "accepted": report.status == ReportStatus.ACCEPTED,
        **data,
    }


def monthly_version(report: MonthlyReport) -> int:
    """Changes with the report (its version counts every change of figures, evidence and state), its scores and
    standing, its signer and the plan it cites."""
    data = monthly_data(report)
    campaign = report.campaign
    return version_of(
        report.version,
        report.status,
        campaign.document_reference,
        campaign.document_date,
        data["criteria"],
        data["month_standing"],
        data["ytd_standing"],
        data["evidence"],
        data["head"],
        data["remarks"],
    )


def _filename(report: MonthlyReport) -> str:
    return f"bao-cao-{_unit_symbol(report.unit).lower()}-{report.month:%Y-%m}.pdf"


document_kind_register(
    DocumentKind(
        key=KIND,
        template="emulation/documents/monthly_report.html",
        find=report_for_document,
        context=monthly_context,
        # The report page's own rule: its unit's head, the ward-wide roles.
        can_view=lambda user, report: user.has_perm("emulation.view_report", report),
        version=monthly_version,
        filename=_filename,
        model=MonthlyReport,
    )
)
