"""Monthly report pages: open a month, read it, fill figures and evidence, move it along the workflow."""

from datetime import date

import rules
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from core.numbers import vn_number
from criteria.models import Indicator
from emulation.plan.models import Campaign
from emulation.reports import figures as fig
from emulation.reports import selectors, services
from emulation.reports.evidence_types import ACCEPT_ATTR
from emulation.reports.models import Evidence, MonthlyReport, ReportEntry
from emulation.reports.workflow import REPORT_WORKFLOW
from units.models import Unit


def _visible_report(request: HttpRequest, pk: int) -> MonthlyReport:
    try:
        return selectors.report_page(pk, request.user)
    except MonthlyReport.DoesNotExist:
        raise Http404 from None


def _parse_month(text: str) -> date | None:
    try:
        year, month = (int(part) for part in text.split("-"))
        return date(year, month, 1)
    except (ValueError, TypeError):
        return None


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


def _entry_rows(report: MonthlyReport) -> list[dict]:
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


@login_required
def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    report = _visible_report(request, pk)
    actions = REPORT_WORKFLOW.available(request.user, report)
    context = {
        "report": report,
        "rows": _entry_rows(report),
        "late": report.is_late(timezone.localdate()),
        "actions": actions,
        "can_edit": request.user.has_perm("emulation.edit_report", report),
        "missing": services.report_missing(report) if report.status in REPORT_WORKFLOW.editable else [],
        "changes": selectors.entry_history(report),
        "one_stop": [(name, label, getattr(report, name)) for name, label in fig.ONE_STOP_LABELS.items()],
        "accept_types": ACCEPT_ATTR,
    }
    return render(request, "emulation/report_detail.html", context)


def _raw_from_post(report: MonthlyReport, post) -> tuple[dict[str, dict], dict | None]:
    entries = {}
    for entry in report.entries.all():
        code = entry.indicator.code
        fields = fig.input_fields(entry.indicator)
        if fields:
            entries[code] = {name: post.get(f"e-{code}-{name}", "") for name in fields}
    one_stop = None
    if any(fig.uses_one_stop(e.indicator) for e in report.entries.all()):
        one_stop = {name: post.get(f"os-{name}", "") for name in fig.ONE_STOP_LABELS}
    return entries, one_stop


@login_required
def report_edit(request: HttpRequest, pk: int) -> HttpResponse:
    report = _visible_report(request, pk)
    if not request.user.has_perm("emulation.edit_report", report):
        if request.user.has_perm("emulation.view_report", report):
            messages.warning(request, f"Báo cáo đang ở trạng thái “{report.get_status_display()}”: không sửa được.")
            return redirect("emulation:report-detail", pk=report.pk)
        raise Http404
    errors: dict = {}
    values: dict = {}
    if request.method == "POST":
        entries, one_stop = _raw_from_post(report, request.POST)
        try:
            services.report_save_figures(report=report, actor=request.user, entries=entries, one_stop=one_stop)
        except services.FiguresInvalid as exc:
            errors = {f"{where}-{name}": message for (where, name), message in exc.problems.errors.items()}
            values = dict(request.POST.items())
            messages.error(request, f"Có {len(errors)} ô chưa đúng; chưa lưu gì. Xem các ô tô đỏ bên dưới.")
        except services.ReportError as exc:
            messages.error(request, str(exc))
            return redirect("emulation:report-detail", pk=report.pk)
        else:
            messages.success(request, "Đã lưu số liệu.")
            if request.POST.get("next") == "submit":
                return redirect(f"{report_detail_url(report)}#gui")
            return redirect("emulation:report-detail", pk=report.pk)
    report = _visible_report(request, pk)
    rows = _entry_rows(report)
    for row in rows:
        code = row["indicator"].code
        row["inputs"] = [
            {
                "name": f"e-{code}-{name}",
                "field": name,
                "label": _field_label(row["indicator"], name),
                "value": values.get(f"e-{code}-{name}", _shown(getattr(row["entry"], name))),
                "error": errors.get(f"{code}-{name}"),
            }
            for name in row["fields"]
        ]
        row["error"] = errors.get(f"{code}-code")
    one_stop_inputs = [
        {
            "name": f"os-{name}",
            "field": name,
            "label": label,
            "value": values.get(f"os-{name}", _shown(getattr(report, name))),
            "error": errors.get(f"one_stop-{name}"),
        }
        for name, label in fig.ONE_STOP_LABELS.items()
    ]
    return render(
        request,
        "emulation/report_edit.html",
        {
            "report": report,
            "rows": rows,
            "one_stop_inputs": one_stop_inputs,
            "needs_one_stop": any(r["one_stop"] for r in rows),
            "error_count": len(errors),
        },
    )


def report_detail_url(report: MonthlyReport) -> str:
    return reverse("emulation:report-detail", kwargs={"pk": report.pk})


def _shown(value) -> str:
    if value is None:
        return ""
    text = str(value)
    return text.rstrip("0").rstrip(".") if "." in text else text


def _field_label(indicator: Indicator, name: str) -> str:
    return {
        "numerator": indicator.numerator_label or "Tử số",
        "denominator": indicator.denominator_label or "Mẫu số",
        "value": indicator.numerator_label or "Giá trị",
        "self_score": f"Điểm tự chấm (0–{vn_number(indicator.points)})",
        "explanation": "Giải trình",
    }[name]


@login_required
@require_POST
def report_transition(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    report = _visible_report(request, pk)
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
        )
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
    return redirect("emulation:report-detail", pk=report.pk)


def _visible_entry(request: HttpRequest, entry_pk: int) -> ReportEntry:
    entry = get_object_or_404(ReportEntry.objects.select_related("report__unit", "report__campaign"), pk=entry_pk)
    if not request.user.has_perm("emulation.view_report", entry.report):
        raise Http404
    return entry


@login_required
@require_POST
def evidence_upload(request: HttpRequest, entry_pk: int) -> HttpResponse:
    entry = _visible_entry(request, entry_pk)
    if not request.user.has_perm("emulation.edit_report", entry.report):
        raise Http404
    files = request.FILES.getlist("file")
    if not files:
        messages.error(request, "Chưa chọn tệp minh chứng.")
    for upload in files:
        try:
            services.evidence_add(entry=entry, upload=upload, actor=request.user)
        except services.ReportError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, f"Đã thêm minh chứng “{upload.name}” cho chỉ tiêu {entry.indicator.code}.")
    return redirect(f"{report_detail_url(entry.report)}#chi-tieu-{entry.indicator.code}")


def _visible_evidence(request: HttpRequest, pk: int) -> Evidence:
    evidence = get_object_or_404(Evidence.objects.select_related("entry__report__unit", "entry__indicator"), pk=pk)
    if not request.user.has_perm("emulation.view_report", evidence.entry.report):
        raise Http404
    return evidence


@login_required
def evidence_download(request: HttpRequest, pk: int) -> FileResponse:
    evidence = _visible_evidence(request, pk)
    try:
        handle = evidence.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(
        handle, as_attachment=True, filename=evidence.original_name, content_type=evidence.content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
@require_POST
def evidence_delete(request: HttpRequest, pk: int) -> HttpResponse:
    evidence = _visible_evidence(request, pk)
    report = evidence.entry.report
    if not request.user.has_perm("emulation.edit_report", report):
        raise Http404
    try:
        services.evidence_delete(evidence=evidence, actor=request.user)
    except services.ReportError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, f"Đã xóa minh chứng “{evidence.original_name}”.")
    return redirect("emulation:report-detail", pk=report.pk)
