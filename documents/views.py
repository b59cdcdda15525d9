"""A stored document's three doors: ask for it (POST, for whoever may read its record), its state as a fragment
the page polls while it is being made, and its download. Each answers 404 to anyone who may not read the record
(the kind's own predicate, the same as the record's page) and for a kind or record that does not exist."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST

from documents.models import Document
from documents.registry import DocumentKind, KindUnknown, document_kind
from documents.services import document_request


def _readable(user, kind_key: str, record_id: int) -> tuple[DocumentKind, object]:
    try:
        kind = document_kind(kind_key)
    except KindUnknown:
        raise Http404 from None
    record = kind.find(record_id)
    if record is None or not kind.can_view(user, record):
        raise Http404
    return kind, record


def _back(request: HttpRequest):
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return redirect(target)
    return redirect("core:home")


@login_required
@require_POST
def document_ask(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    spec, record = _readable(request.user, kind, pk)
    document = document_request(kind=spec.key, record=record, again=request.POST.get("again") == "1")
    if document.status == Document.Status.FAILED:
        messages.error(request, f"Không tạo được văn bản: {document.failure}")
    elif document.status != Document.Status.READY:
        messages.info(request, "Đang tạo văn bản; trang sẽ hiện nút tải khi xong.")
    return _back(request)


@login_required
@require_GET
def document_status(request: HttpRequest, pk: int) -> HttpResponse:
    document = Document.objects.filter(pk=pk).first()
    if document is None:
        raise Http404
    _readable(request.user, document.kind, document.record_id)
    label = request.GET.get("label", "")[:80]
    return render(request, "documents/partials/status.html", {"document": document, "label": label})


@login_required
def document_download(request: HttpRequest, pk: int) -> FileResponse:
    document = Document.objects.filter(pk=pk, status=Document.Status.READY).first()
    if document is None:
        raise Http404
    kind, record = _readable(request.user, document.kind, document.record_id)
    if kind.on_download is not None:
        kind.on_download(request.user, record)
    return FileResponse(
        document.file.open("rb"), as_attachment=True, filename=kind.filename(record), content_type="application/pdf"
    )
