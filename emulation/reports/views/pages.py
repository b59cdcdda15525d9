"""Monthly report pages: open a month, read it, fill figures and evidence, move it along the workflow."""

import re
from datetime import date

import rules
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from core.numbers import vn_number
from core.versions import StaleVersion, seen_at_read, version_read
from emulation.plan.models import Campaign
from emulation.reports import figures as fig
from emulation.reports import selectors, services
from emulation.reports.evidence_types import ACCEPT_ATTR
from emulation.reports.models import MonthlyReport
from emulation.reports.workflow import REPORT_WORKFLOW
from units.models import Unit

_MONTH = re.compile(r"^([0-9]{4})-([0-9]{2})$")


def visible_report(request: HttpRequest, pk: int) -> MonthlyReport:
    try:
        return selectors.report_page(pk, request.user)
    except MonthlyReport.DoesNotExist:
        raise Http404 from None


def _parse_month(text: str) -> date | None:
    """A "YYYY-MM" month in ASCII digits (what the forms send), or None."""
    match = _MONTH.match(text or "")
    if match is None or not 1 <= int(match[2]) <= 12 or int(match[1]) < 2000:
        return None
    return date(int(match[1]), int(match[2]), 1)


@login_required
@require_POST
def report_open(request: HttpRequest, code: str) -> HttpResponse:
    campaign = get_object_or_404(Campaign, code=code)
    unit = Unit.objects.filter(code=request.POST.get("unit", "")).first()
    month = _parse_month(request.POST.get("month", ""))
    if unit is None or month is None:
        raise Http404
    if not rules.has_perm("emulation.open_report", request.user, unit):
        raise Http404
    existing = MonthlyReport.objects.filter(campaign=campaign, unit=unit, month=month).first()
    if existing is not None:
        return redirect("emulation:report-edit", pk=existing.pk)
    try:
        report = services.report_open(campaign=campaign, unit=unit, month=month, actor=request.user)
    except services.ReportError as exc:
        messages.error(request, str(exc))
        return redirect("emulation:report-matrix", code=campaign.code)
    messages.success(request, f"Đã tạo báo cáo tháng {month:%m/%Y} của {unit.short_name}.")
    return redirect("emulation:report-edit", pk=report.pk)


def entry_rows(report: MonthlyReport) -> list[dict]:
    rows = []
    for entry in report.entries.all():
        indicator = entry.indicator
        rows.append(
            {
                "entry": entry,
                "indicator": indicator,
                "fields": fig.input_fields(indicator),
                "percent": fig.percent(entry.numerator, entry.denominator) if indicator.is_percent else None,
                "one_stop": fig.uses_one_stop(indicator),
            }
        )
    return rows


def _detail_context(request: HttpRequest, report: MonthlyReport, typed=None) -> dict:
    """The report page's context; `typed`: what the person sent, shown again after a refusal."""
    typed = typed or {}
    notes: dict[int, list] = {}
    for note in messages.get_messages(request):
        tag = next((tag for tag in note.extra_tags.split() if tag.startswith("row-")), "")
        if tag:
            notes.setdefault(int(tag.removeprefix("row-")), []).append(note)
    rows = entry_rows(report)
    for row in rows:
        entry = row["entry"]
        row["notes"] = notes.get(entry.pk, [])
        stored = entry.appraised_score if entry.appraised_score is not None else entry.self_score
        row["appraisal"] = typed.get(
            f"appraise-{row['indicator'].code}", vn_number(stored) if stored is not None else ""
        )
    selectors.with_return_reasons([report])
    return {
        "report": report,
        "rows": rows,
        "late": report.is_late(timezone.localdate()),
        "actions": REPORT_WORKFLOW.available(request.user, report),
        "can_edit": request.user.has_perm("emulation.edit_report", report),
        "missing": services.report_missing(report) if report.status in REPORT_WORKFLOW.editable else [],
        "changes": selectors.entry_history(report),
        "one_stop": [(name, label, getattr(report, name)) for name, label in fig.ONE_STOP_LABELS.items()],
        "accept_types": ACCEPT_ATTR,
        "seen_at": timezone.now().isoformat(),
    }


@login_required
def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    report = visible_report(request, pk)
    return render(request, "emulation/report_detail.html", _detail_context(request, report))


@login_required
@require_POST
def report_transition(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    report = visible_report(request, pk)
    if action not in REPORT_WORKFLOW.by_action:
        raise Http404
    appraisals = {
        key.removeprefix("appraise-"): value for key, value in request.POST.items() if key.startswith("appraise-")
    }
    try:
        services.report_transition(
            report=report,
            action=action,
            actor=request.user,
            reason=request.POST.get("reason", ""),
            appraisals=appraisals,
            based_on=version_read(request.POST.get("version")),
            seen_at=seen_at_read(request.POST.get("seen_at")),
        )
    except StaleVersion as exc:
        # The page again, with what changed and what the person typed (reason, appraisals) kept.
        messages.error(request, str(exc))
        context = _detail_context(request, visible_report(request, pk), typed=request.POST)
        context |= {"stale_changes": exc.changes, "typed": request.POST, "typed_action": action}
        return render(request, "emulation/report_detail.html", context, status=409)
    except services.FiguresInvalid as exc:
        messages.error(
            request,
            "Chưa chấp nhận: "
            + " ".join(f"Chỉ tiêu {where}: {message}" for (where, _), message in exc.problems.errors.items()),
        )
    except services.ReportError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, f"Đã {REPORT_WORKFLOW.by_action[action].label.lower()}.")
        if action in ("accept", "reopen", "accept_import"):
            messages.info(request, "Điểm và thứ hạng đang được tính lại; các trang điểm sẽ cập nhật trong giây lát.")
    return redirect("emulation:report-detail", pk=report.pk)
