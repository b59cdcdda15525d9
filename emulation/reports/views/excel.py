"""Excel pages: a report's template and upload, the secretariat's import with its progress page, the export."""

import re
from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core.table_export import XLSX_CONTENT_TYPE
from emulation.plan.models import Campaign
from emulation.reports import selectors
from emulation.reports.excel import intake
from emulation.reports.excel.layout import LONG_HEADER
from emulation.reports.excel.writers import export_workbook, long_template, report_template
from emulation.reports.models import ImportJob, MonthlyReport

# ASCII digits only: "２０２６-１２" is not a period (\d would take full-width digits).
_YEAR = re.compile(r"([0-9]{4})")
_MONTH = re.compile(r"([0-9]{4})-([0-9]{2})")


def _xlsx(data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=filename)
    return response


def _campaign_or_404(code: str, user) -> Campaign:
    campaign = Campaign.objects.filter(code=code).first()
    if campaign is None or not user.has_perm("emulation.view_campaign_page", campaign):
        raise Http404
    return campaign


@login_required
@require_GET
def report_excel_template(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        report = selectors.report_for_excel(pk, request.user)
    except MonthlyReport.DoesNotExist:
        raise Http404 from None
    if not request.user.has_perm("emulation.view_report", report):
        raise Http404
    data = report_template(report, list(report.entries.all()))
    return _xlsx(data, f"bao-cao-{report.unit.code}-{report.month:%Y-%m}.xlsx")


@login_required
@require_POST
def report_excel_upload(request: HttpRequest, pk: int) -> HttpResponse:
    report = MonthlyReport.objects.select_related("campaign", "unit").filter(pk=pk).first()
    if report is None or not request.user.has_perm("emulation.edit_report", report):
        raise Http404
    back = reverse("emulation:report-detail", kwargs={"pk": report.pk})
    upload = request.FILES.get("file")
    if upload is None:
        messages.error(request, "Hãy chọn tệp Excel (.xlsx) để tải lên.")
        return redirect(back)
    try:
        job = intake.import_job_create(
            campaign=report.campaign, kind=ImportJob.Kind.UNIT_MONTH, upload=upload, actor=request.user, report=report
        )
    except intake.ImportRefused as exc:
        messages.error(request, str(exc))
        return redirect(back)
    return redirect("emulation:import-job", pk=job.pk)


@login_required
@require_http_methods(["GET", "POST"])
def figures_import(request: HttpRequest, code: str) -> HttpResponse:
    campaign = _campaign_or_404(code, request.user)
    if not request.user.has_perm("emulation.import_figures"):
        raise Http404
    if request.method == "GET" and request.GET.get("mau"):
        return _xlsx(long_template(), f"mau-nhap-so-lieu-{campaign.code}.xlsx")
    error = ""
    if request.method == "POST":
        upload = request.FILES.get("file")
        if upload is None:
            error = "Hãy chọn tệp Excel (.xlsx) để tải lên."
        else:
            try:
                job = intake.import_job_create(
                    campaign=campaign, kind=ImportJob.Kind.LONG, upload=upload, actor=request.user, accept=True
                )
            except intake.ImportRefused as exc:
                error = str(exc)
            else:
                return redirect("emulation:import-job", pk=job.pk)
    context = {
        "campaign": campaign,
        "jobs": selectors.import_jobs_recent(campaign),
        "header": LONG_HEADER,
        "error": error,
    }
    return render(request, "emulation/excel/import_form.html", context, status=400 if error else 200)


@login_required
@require_GET
@never_cache  # polled every second: always the job's current state
def import_job(request: HttpRequest, pk: int) -> HttpResponse:
    job = ImportJob.objects.select_related("campaign", "report__unit", "created_by__official").filter(pk=pk).first()
    if job is None or not (job.created_by_id == request.user.pk or request.user.has_perm("emulation.import_figures")):
        raise Http404
    finished = job.status in (ImportJob.Status.DONE, ImportJob.Status.FAILED)
    if request.GET.get("format") == "json":
        return JsonResponse(
            {
                "status": job.status,
                "status_label": job.get_status_display(),
                "finished": finished,
                "processed_rows": job.processed_rows,
                "total_rows": job.total_rows,
                "percent": job.progress_percent,
                "error_count": len(job.errors),
                "summary": job.summary,
            }
        )
    return render(request, "emulation/excel/job.html", {"job": job, "finished": finished})


def _period(campaign: Campaign, raw: str) -> tuple[str, str, list[date]] | None:
    """(label, file-name part, months) of `?ky=2026-03` or `?ky=2026` (the campaign's year when absent); None for
    anything else, a month outside the campaign included. Compared as numbers, so "0000-01" is refused like
    "2026-13" rather than building an impossible date."""
    raw = raw.strip() or str(campaign.year)
    months = campaign.months()
    if match := _YEAR.fullmatch(raw):
        chosen = [m for m in months if m.year == int(match.group(1))]
        return (f"năm {raw}", raw, chosen) if chosen else None
    if match := _MONTH.fullmatch(raw):
        year, month = int(match.group(1)), int(match.group(2))
        chosen = [m for m in months if (m.year, m.month) == (year, month)]
        if chosen:
            return (f"tháng {month:02d}/{year}", raw, chosen)
    return None


@login_required
@require_GET
def figures_export(request: HttpRequest, code: str) -> HttpResponse:
    campaign = _campaign_or_404(code, request.user)
    user = request.user
    # Ward-wide roles export every unit; a unit head only their own unit (the selector scopes the rows).
    if not user.has_perm("emulation.export_figures"):
        raise Http404
    raw = request.GET.get("ky", "")
    period = _period(campaign, raw)
    if period is None:
        context = {"campaign": campaign, "raw": raw[:20], "months": campaign.months()}
        return render(request, "emulation/excel/bad_period.html", context, status=400)
    label, slug, months = period
    entries = selectors.figures_for_export(campaign, user, months)
    data = export_workbook(entries, title=f"Số liệu {label} — {campaign.code}")
    return _xlsx(data, f"so-lieu-{campaign.code}-{slug}.xlsx")
