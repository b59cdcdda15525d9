"""Writes to monthly reports: opening, saving figures, evidence, workflow transitions, urging.

Every service validates the whole input first and writes in one transaction, so bad input
saves nothing. Errors are raised as ReportError (one message) or FiguresInvalid (one message
per field), in Vietnamese.
"""

from dataclasses import dataclass
from datetime import date, datetime

from django.contrib.auth.models import AbstractBaseUser
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from core.notifications import notify
from core.text import text_clean
from core.versions import version_check
from core.workflow import TransitionRefused, transition_apply
from emulation.plan.models import Campaign
from emulation.reports import figures as fig
from emulation.reports.evidence_types import EvidenceTypeError, sniff_evidence_type
from emulation.reports.models import Evidence, MonthlyReport, ReportEntry, ReportReminder
from emulation.reports.permissions import can_open_report, can_urge_reports
from emulation.reports.selectors import applicable_indicators, report_changes_since, unit_head_users
from emulation.reports.workflow import EDITABLE, REPORT_WORKFLOW, SENT
from units.models import Unit
from units.selectors import person_name

EVIDENCE_MAX_BYTES = 10 * 1024 * 1024
EVIDENCE_NAME_MAX = 255


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
    this_month = timezone.localdate().replace(day=1)
    if month > this_month:
        raise ReportError(
            f"Tháng {_month_label(month)} chưa bắt đầu: chỉ lập báo cáo cho tháng này ({_month_label(this_month)}) "
            "hoặc các tháng trước."
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
    based_on: int | None = None,
    seen_at: datetime | None = None,
) -> MonthlyReport:
    """Save figures typed in the form or read from Excel, all or nothing.

    Only a report in draft or returned may change, unless `locked_ok` (the secretariat's own
    import). One-stop counts, when given, also set the dossier indicators' figures. A page sends
    the report's version it showed (`based_on`, and when: `seen_at`): if the report changed since,
    StaleVersion lists how and nothing is saved. A save that changes anything makes a new version.
    """
    report = MonthlyReport.objects.select_for_update().get(pk=report.pk)
    version_check(current=report.version, based_on=based_on, changes=lambda: report_changes_since(report, seen_at))
    if report.status not in EDITABLE and not locked_ok:
        raise ReportError(f"Báo cáo đang ở trạng thái “{report.get_status_display()}”, không sửa được số liệu.")
    clean = figures_clean(report=report, entries=entries, one_stop=one_stop)
    changed_any = False
    if clean.one_stop is not None:
        before = [getattr(report, name) for name in clean.one_stop]
        for name, count in clean.one_stop.items():
            setattr(report, name, count)
        changed_any = before != list(clean.one_stop.values())
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
            changed_any = True
    if changed_any:
        report_touch(report, actor=actor, why="Sửa số liệu")
    return report


def report_touch(report: MonthlyReport, *, actor, why: str) -> None:
    """A new version of the report (its figures, evidence or state changed), kept in its history with `why`.
    The caller holds the transaction and the row lock."""
    report.version += 1
    report._history_user = actor
    report._change_reason = why[:100]
    report.save()


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
    based_on: int | None = None,
    seen_at: datetime | None = None,
) -> MonthlyReport:
    """Move the report along its workflow table (emulation.reports.workflow) through the one engine:
    checks, who/when/from/to/why, effects (stamps, appraisal, score recompute) and notices.

    Submitting needs every entry complete; returning and reopening need a reason; accepting
    records the appraised score of every qualitative entry (`appraisals`: code → score).
    """
    return transition_apply(
        workflow=REPORT_WORKFLOW,
        obj=report,
        action=action,
        actor=actor,
        reason=reason,
        based_on=based_on,
        seen_at=seen_at,
        appraisals=appraisals or {},
    )


@transaction.atomic
def evidence_add(*, entry: ReportEntry, upload: UploadedFile, actor: AbstractBaseUser) -> Evidence:
    """Attach a file to an entry: at most 10 MB, of a type recognised by its content (not its name)."""
    report = MonthlyReport.objects.select_for_update().get(pk=entry.report_id)
    if report.status not in EDITABLE:
        raise ReportError("Báo cáo đã gửi hoặc đã chấp nhận: không thêm được minh chứng.")
    name = text_clean(upload.name or "", max_length=EVIDENCE_NAME_MAX, label="Tên tệp", error=ReportError).strip()
    if not name:
        raise ReportError("Tệp minh chứng phải có tên.")
    if upload.size > EVIDENCE_MAX_BYTES:
        raise ReportError(f"Tệp “{name}” vượt quá 10 MB.")
    try:
        content_type = sniff_evidence_type(upload, name=name)
    except EvidenceTypeError as exc:
        raise ReportError(f"Tệp “{name}”: {exc}") from None
    upload.seek(0)
    # The version first, the file last: nothing can fail between storing the file and the commit.
    report_touch(report, actor=actor, why=f"Thêm minh chứng “{name}” ({entry.indicator.code})")
    return Evidence.objects.create(
        entry=entry, file=upload, original_name=name, content_type=content_type, size=upload.size, uploaded_by=actor
    )


@transaction.atomic
def evidence_delete(*, evidence: Evidence, actor: AbstractBaseUser) -> None:
    """Remove a file from an entry; the stored file goes once the removal has committed."""
    report = MonthlyReport.objects.select_for_update().get(pk=evidence.entry.report_id)
    if report.status not in EDITABLE:
        raise ReportError("Báo cáo đã gửi hoặc đã chấp nhận: không xóa được minh chứng.")
    name, storage = evidence.file.name, evidence.file.storage
    code, original = evidence.entry.indicator.code, evidence.original_name
    evidence.delete()
    report_touch(report, actor=actor, why=f"Xóa minh chứng “{original}” ({code})")
    transaction.on_commit(lambda: storage.delete(name))


@transaction.atomic
def report_urge(*, campaign: Campaign, unit: Unit, month: date, actor: AbstractBaseUser) -> ReportReminder:
    """The secretariat urges a unit to send a month's report: its heads are notified; the urge is recorded.
    Once a day at most: a second urge the same day is refused, saying when the first went out."""
    if not can_urge_reports(actor):
        raise ReportError("Chỉ Thường trực thi đua được đôn đốc.")
    report = MonthlyReport.objects.filter(campaign=campaign, unit=unit, month=month).first()
    if report is not None and report.status in SENT:
        raise ReportError(f"{unit.short_name} đã gửi báo cáo tháng {_month_label(month)}.")
    Campaign.objects.select_for_update().filter(pk=campaign.pk).first()  # two clicks at once: one urge
    today = timezone.localdate()
    earlier = (
        ReportReminder.objects.filter(campaign=campaign, unit=unit, month=month, kind=ReportReminder.Kind.URGE)
        .order_by("-sent_at")
        .first()
    )
    if earlier is not None and timezone.localdate(earlier.sent_at) == today:
        at = timezone.localtime(earlier.sent_at)
        raise ReportError(
            f"Đã đôn đốc {unit.short_name} gửi báo cáo tháng {_month_label(month)} lúc {at:%H:%M} hôm nay; "
            "không gửi thêm thông báo."
        )
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
