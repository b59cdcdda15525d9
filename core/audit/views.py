"""The audit page (/nhat-ky/): the filters, one page of the merged log, the next page's link, and ?xuat=csv|xlsx
for the filtered rows (the newest EXPORT_MAX) through core.table_export."""

import rules
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from core.audit.forms import AuditFilterForm
from core.audit.selectors import EXPORT_MAX, PAGE_SIZE, cursor_text, entries_page
from core.table_export import FORMATS, Table, table_response

HEADERS = ["Thời gian", "Người thực hiện", "Phòng/đơn vị", "Loại", "Thao tác", "Đối tượng", "Chi tiết"]
TEMPLATE = "core/audit/list.html"


def _local(at) -> str:
    return timezone.localtime(at).strftime("%d/%m/%Y %H:%M:%S")


@login_required
@require_GET
def audit_list(request: HttpRequest) -> HttpResponse:
    if not rules.has_perm("core.view_audit", request.user):
        raise Http404
    fmt = request.GET.get("xuat")
    if fmt is not None and fmt not in FORMATS:
        raise Http404
    form = AuditFilterForm(request.GET)
    if not form.is_valid():
        return render(request, TEMPLATE, {"form": form}, status=400)
    query, kind = form.query(), form.cleaned_data.get("loai") or ""
    if fmt is not None:
        page = entries_page(query, kind=kind, size=EXPORT_MAX)
        rows = [[_local(e.at), e.actor, e.unit, e.kind, e.action, e.subject, e.detail] for e in page.entries]
        title = f"Nhật ký thay đổi ({len(rows)} dòng mới nhất)" if page.next else "Nhật ký thay đổi"
        return table_response(Table(title, HEADERS, rows), fmt, "nhat-ky")
    page = entries_page(query, kind=kind, cursor=form.cleaned_data.get("truoc"), size=PAGE_SIZE)
    base = request.GET.copy()
    base.pop("truoc", None)
    base.pop("xuat", None)
    following = None
    if page.next is not None:
        following = base.copy()
        following["truoc"] = cursor_text(page.next)
        following = following.urlencode()
    context = {
        "form": form,
        "entries": page.entries,
        "query": base.urlencode(),
        "following": following,
        "first_page": form.cleaned_data.get("truoc") is None,
        "export_max": EXPORT_MAX,
    }
    return render(request, TEMPLATE, context)
