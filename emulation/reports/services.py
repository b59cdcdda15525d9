"""Writes to monthly reports: opening, saving figures, evidence, workflow transitions, urging.

Every service validates the whole input first and writes in one transaction, so bad input
saves nothing. Errors are raised as ReportError (one message) or FiguresInvalid (one message
per field), in Vietnamese.
"""

from dataclasses import dataclass
from datetime import date

from django.contrib.auth.models import AbstractBaseUser
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.urls import reverse
from simple_history.utils import bulk_create_with_history

from core.notifications import notify
from core.workflow import TransitionRefused, transition_apply
from emulation.plan.models import Campaign
from emulation.reports import figures as fig
from emulation.reports.evidence_types import EvidenceTypeError, sniff_evidence_type
from emulation.reports.models import Evidence, MonthlyReport, ReportEntry, ReportReminder
from emulation.reports.permissions import can_open_report, can_urge_reports
from emulation.reports.selectors import applicable_indicators, unit_head_users
from emulation.reports.workflow import EDITABLE, REPORT_WORKFLOW, SENT
from units.models import Unit
from units.selectors import person_name

EVIDENCE_MAX_BYTES = 10 * 1024 * 1024


ReportError = TransitionRefused
"""An action on a report that cannot be done now; the message says why, in Vietnamese. One type with the
workflow engine's refusals, so a page catches both alike."""


class FiguresInvalid(Exception):
    """Figures that do not pass; `problems.errors` maps (indicator code | "one_stop", field) to a message."""

    def __init__(self, problems: fig.Problems):
        super().__init__("; ".join(problems.errors.values()))
        self.problems = problems


def _month_label(month: date) -> str:
    return f"{month:%m/%Y}"


def report_open(*, campaign: Campaign, unit: Unit, month: date, actor: AbstractBaseUser) -> MonthlyReport:
    """Open the draft report of `unit` for `month`, with one empty entry per applicable indicator.

    Refused when the month is outside the campaign, the unit does not take part, the actor
    neither heads the unit nor is the secretariat, or the unit already has that month's report.
    """
    month = month.replace(day=1)
    if month not in campaign.months():
        raise ReportError(
            f"Tháng {_month_label(month)} nằm ngoài thời gian của phong trào "
            f"({campaign.start_date:%d/%m/%Y} – {campaign.end_date:%d/%m/%Y})."
        )
    if not campaign.participants.filter(pk=unit.pk).exists():
        raise ReportError(f"{unit.name} không tham gia phong trào {campaign.code}.")
    if not can_open_report(actor, unit):
        raise ReportError("Bạn không phải thủ trưởng đơn vị này.")
    try:
        with transaction.atomic():
            report = MonthlyReport.objects.create(campaign=campaign, unit=unit, month=month, created_by=actor)
    except IntegrityError:
        raise ReportError(f"{unit.name} đã có báo cáo tháng {_month_label(month)}.") from None
    bulk_create_with_history(
        [ReportEntry(report=report, indicator=indicator) for indicator in applicable_indicators(campaign, unit)],
        ReportEntry,
        default_user=actor,
    )
    return report


@dataclass
class CleanFigures:
    entries: dict[str, fig.EntryFigures]
    one_stop: dict[str, int | None]


def figures_clean(*, report: MonthlyReport, entries: dict[str, dict], one_stop: dict | None) -> CleanFigures:
    """Check a whole set of raw figures for `report` (indicator code → raw fields); raise FiguresInvalid.

    Codes of indicators that do not apply to the report's unit are refused by name.
    """
    problems = fig.Problems()
    indicators = {e.indicator.code: e.indicator for e in report.entries.select_related("indicator")}
    for code in entries:
        if code not in indicators:
            problems.add(code, "code", f"Chỉ tiêu {code} không áp dụng cho {report.unit.short_name}.")
    cleaned = {
        code: fig.clean_entry(indicators[code], raw, problems) for code, raw in entries.items() if code in indicators
    }
    counts = fig.clean_one_stop(one_stop, problems) if one_stop is not None else None
    if problems:
        raise FiguresInvalid(problems)
    return CleanFigures(entries=cleaned, one_stop=counts)


@transaction.atomic
def report_save_figures(
    *,
    report: MonthlyReport,
    actor: AbstractBaseUser,
    entries: dict[str, dict],
    one_stop: dict | None = None,
    locked_ok: bool = False,
) -> MonthlyReport:
    """Save figures typed in the form or read from Excel, all or nothing.

    Only a report in draft or returned may change, unless `locked_ok` (the secretariat's own
    import). One-stop counts, when given, also set the dossier indicators' figures.
    """
    report = MonthlyReport.objects.select_for_update().get(pk=report.pk)
    if report.status not in EDITABLE and not locked_ok:
        raise ReportError(f"Báo cáo đang ở trạng thái “{report.get_status_display()}”, không sửa được số liệu.")
    clean = figures_clean(report=report, entries=entries, one_stop=one_stop)
    if clean.one_stop is not None:
        for name, count in clean.one_stop.items():
            setattr(report, name, count)
        report._history_user = actor
        report.save()
    for entry in report.entries.select_related("indicator"):
        indicator, changed = entry.indicator, False
        given, raw = clean.entries.get(indicator.code), entries.get(indicator.code, {})
        for name in (n for n in fig.figure_fields(indicator) if given is not None and n in raw):
            if getattr(entry, name) != getattr(given, name):
                setattr(entry, name, getattr(given, name))
                changed = True
        if fig.uses_one_stop(indicator) and clean.one_stop is not None:
            numerator, denominator = fig.derive_from_one_stop(indicator, clean.one_stop)
            if (entry.numerator, entry.denominator) != (numerator, denominator):
                entry.numerator, entry.denominator, changed = numerator, denominator, True
        if changed:
            entry._history_user = actor
            entry.save()
    return report


def _entry_figures(entry: ReportEntry) -> fig.EntryFigures:
    return fig.EntryFigures(
        numerator=entry.numerator,
        denominator=entry.denominator,
        value=entry.value,
        self_score=entry.self_score,
        explanation=entry.explanation,
    )


def report_missing(report: MonthlyReport) -> list[str]:
    """What still stops the report from being submitted, one line per indicator."""
    lines = []
    for entry in report.entries.select_related("indicator").prefetch_related("evidence"):
        reason = fig.missing_for_submission(entry.indicator, _entry_figures(entry), len(entry.evidence.all()))
        if reason:
            lines.append(f"Chỉ tiêu {entry.indicator.code}: {reason}.")
    return lines


def report_transition(
    *,
    report: MonthlyReport,
    action: str,
    actor: AbstractBaseUser,
    reason: str = "",
    appraisals: dict[str, object] | None = None,
) -> MonthlyReport:
    """Move the report along its workflow table (emulation.reports.workflow) through the one engine:
    checks, who/when/from/to/why, effects (stamps, appraisal, score recompute) and notices.

    Submitting needs every entry complete; returning and reopening need a reason; accepting
    records the appraised score of every qualitative entry (`appraisals`: code → score).
    """
    return transition_apply(
        workflow=REPORT_WORKFLOW, obj=report, action=action, actor=actor, reason=reason, appraisals=appraisals or {}
    )


@transaction.atomic
def evidence_add(*, entry: ReportEntry, upload: UploadedFile, actor: AbstractBaseUser) -> Evidence:
    """Attach a file to an entry: at most 10 MB, of a type recognised by its content (not its name)."""
    if entry.report.status not in EDITABLE:
        raise ReportError("Báo cáo đã gửi hoặc đã chấp nhận: không thêm được minh chứng.")
    if upload.size > EVIDENCE_MAX_BYTES:
        raise ReportError(f"Tệp “{upload.name}” vượt quá 10 MB.")
    try:
        content_type = sniff_evidence_type(upload)
    except EvidenceTypeError as exc:
        raise ReportError(f"Tệp “{upload.name}”: {exc}") from None
    upload.seek(0)
    return Evidence.objects.create(
        entry=entry,
        file=upload,
        original_name=upload.name[:255],
        content_type=content_type,
        size=upload.size,
        uploaded_by=actor,
    )


@transaction.atomic
def evidence_delete(*, evidence: Evidence, actor: AbstractBaseUser) -> None:
    if evidence.entry.report.status not in EDITABLE:
        raise ReportError("Báo cáo đã gửi hoặc đã chấp nhận: không xóa được minh chứng.")
    evidence.file.delete(save=False)
    evidence.delete()


@transaction.atomic
def report_urge(*, campaign: Campaign, unit: Unit, month: date, actor: AbstractBaseUser) -> ReportReminder:
    """The secretariat urges a unit to send a month's report: its heads are notified; the urge is recorded."""
    if not can_urge_reports(actor):
        raise ReportError("Chỉ Thường trực thi đua được đôn đốc.")
    report = MonthlyReport.objects.filter(campaign=campaign, unit=unit, month=month).first()
    if report is not None and report.status in SENT:
        raise ReportError(f"{unit.short_name} đã gửi báo cáo tháng {_month_label(month)}.")
    reminder = ReportReminder.objects.create(
        campaign=campaign, unit=unit, month=month, kind=ReportReminder.Kind.URGE, sent_by=actor
    )
    notify(
        kind="report_urged",
        recipients=unit_head_users(unit),
        url=reverse("core:home"),
        unit=unit.short_name,
        month=_month_label(month),
        actor=person_name(actor),
        deadline=f"{campaign.report_deadline(month):%d/%m/%Y}",
    )
    return reminder
