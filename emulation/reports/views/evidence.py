"""Evidence files of a report's entries: upload (errors shown beside their row), download, delete."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.decorators.http import require_POST

from emulation.reports import services
from emulation.reports.models import Evidence, ReportEntry

ROW_TAG = "row-{pk}"
"""A message's extra tag that shows it beside the entry's row rather than at the top of the page."""


def _visible_entry(request: HttpRequest, entry_pk: int) -> ReportEntry:
    entry = get_object_or_404(
        ReportEntry.objects.select_related("report__unit", "report__campaign", "indicator"), pk=entry_pk
    )
    if not request.user.has_perm("emulation.view_report", entry.report):
        raise Http404
    return entry


def _row_url(entry: ReportEntry) -> str:
    return f"{reverse('emulation:report-detail', kwargs={'pk': entry.report_id})}#chi-tieu-{entry.indicator.code}"


@login_required
@require_POST
def evidence_upload(request: HttpRequest, entry_pk: int) -> HttpResponse:
    entry = _visible_entry(request, entry_pk)
    if not request.user.has_perm("emulation.edit_report", entry.report):
        raise Http404
    tag = ROW_TAG.format(pk=entry.pk)
    files = request.FILES.getlist("file")
    if not files:
        messages.error(request, "Chưa chọn tệp minh chứng.", extra_tags=tag)
    for upload in files:
        try:
            evidence = services.evidence_add(entry=entry, upload=upload, actor=request.user)
        except services.ReportError as exc:
            messages.error(request, str(exc), extra_tags=tag)
        else:
            messages.success(request, f"Đã thêm minh chứng “{evidence.original_name}”.", extra_tags=tag)
    return redirect(_row_url(entry))


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
    entry = evidence.entry
    if not request.user.has_perm("emulation.edit_report", entry.report):
        raise Http404
    tag = ROW_TAG.format(pk=entry.pk)
    try:
        services.evidence_delete(evidence=evidence, actor=request.user)
    except services.ReportError as exc:
        messages.error(request, str(exc), extra_tags=tag)
    else:
        messages.success(request, f"Đã xóa minh chứng “{evidence.original_name}”.", extra_tags=tag)
    return redirect(_row_url(entry))
