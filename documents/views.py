"""The download of a stored document: the PDF for whoever may read its record (the kind's own predicate, the same
as the record's page), a 404 for anyone else and for a document not made yet."""

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest

from documents.models import Document
from documents.registry import KindUnknown, document_kind


@login_required
def document_download(request: HttpRequest, pk: int) -> FileResponse:
    document = Document.objects.filter(pk=pk, status=Document.Status.READY).first()
    if document is None:
        raise Http404
    try:
        kind = document_kind(document.kind)
    except KindUnknown:
        raise Http404 from None
    record = kind.find(document.record_id)
    if record is None or not kind.can_view(request.user, record):
        raise Http404
    return FileResponse(
        document.file.open("rb"), as_attachment=True, filename=kind.filename(record), content_type="application/pdf"
    )
