"""Rendering one stored document (what the task runs): claim it, render its record's PDF, store the file with its
hash and the record's version, or record why it could not be made.

Safe to run twice: a document already made is left alone. A render the worker did not survive (the message comes
back: late acknowledgement) is tried again, at most MAX_ATTEMPTS times, then recorded as failed. Each document's
file has its own name: a retry replaces what a dead run left there, and a run finishing second stores nothing.
"""

import hashlib
import io
import logging
import time

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from pypdf import PdfWriter

from core.queue import enqueue_on_commit
from documents.models import Document
from documents.registry import DocumentKind, KindUnknown, document_kind
from documents.render import RenderFailed, pdf_render
from documents.selectors import document_is_current, document_latest
from documents.signing import pdf_sign, signing_configured

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 3
RENDER_TASK = "documents.tasks.document_render"
"""The render task's name (documents.tasks, which imports this module)."""
PART_WAIT_SECONDS = 300
"""How long a merged print waits for a part another worker is making."""


def document_pdf(*, kind: DocumentKind, record, document: Document | None = None) -> bytes:
    """The PDF of `record` as its kind lays it out (also what `render_plan` writes to a file). `document` is the
    stored row it becomes (its token goes into a verification QR code), None for a file made outside the store."""
    if kind.parts is not None:
        return parts_pdf(kind=kind, record=record, document=document)
    return pdf_render(kind.template, {**kind.context(record), "record": record, "document": document})


def parts_pdf(*, kind: DocumentKind, record, document: Document | None) -> bytes:
    """A merged print: each part's own stored document (made here when it is not made yet, so each keeps its own
    verification token), joined in order; the progress is written after each part for the page to show."""
    part_kind = document_kind(kind.parts_kind)
    parts = list(kind.parts(record))
    if not parts:
        raise RenderFailed("Không có văn bản nào để gộp.")
    if document is not None:
        Document.objects.filter(pk=document.pk).update(parts_total=len(parts), parts_done=0)
    parts_queue(kind=part_kind, records=parts)
    writer = PdfWriter()
    for part in parts:
        made = part_made(kind=part_kind, record=part)
        with made.file.open("rb") as file:
            writer.append(io.BytesIO(file.read()))
        if document is not None:
            Document.objects.filter(pk=document.pk).update(parts_done=F("parts_done") + 1)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def parts_queue(*, kind: DocumentKind, records: list) -> None:
    """Every part not made yet is queued first, so the other workers make parts while this one joins them."""
    for record in records:
        latest = document_latest(kind=kind.key, record_id=record.pk)
        if latest is not None and (latest.in_progress or document_is_current(kind, record, latest)):
            continue
        with transaction.atomic():
            queued = Document.objects.create(kind=kind.key, record_id=record.pk)
            enqueue_on_commit(RENDER_TASK, queued.pk)


def part_made(*, kind: DocumentKind, record) -> Document:
    """The ready document of `record` as `kind` lays it out (current, or frozen as issued), made here if need be:
    one queued is claimed and made here (its own queued message then finds it made), one another worker is
    making is waited for."""
    deadline = time.monotonic() + PART_WAIT_SECONDS
    while True:
        latest = document_latest(kind=kind.key, record_id=record.pk)
        if latest is not None and latest.status == Document.Status.READY and document_is_current(kind, record, latest):
            return latest
        if latest is None or latest.status in (Document.Status.READY, Document.Status.FAILED):
            latest = Document.objects.create(kind=kind.key, record_id=record.pk)
        if latest.status == Document.Status.QUEUED:
            made = document_build(document_id=latest.pk, queued_only=True)
            if made is not None and made.status == Document.Status.FAILED:
                raise RenderFailed(f"Không tạo được một văn bản trong bản gộp: {made.failure}")
            continue
        if time.monotonic() > deadline:
            raise RenderFailed("Một văn bản trong bản gộp chưa tạo xong; hãy yêu cầu lại sau ít phút.")
        time.sleep(0.2)


def document_build(*, document_id: int, queued_only: bool = False) -> Document | None:
    """Render and store document `document_id`; returns it as it ends (ready or failed), None if it is gone.
    `queued_only`: leave it alone unless still queued (a merged print taking a part no worker has started)."""
    with transaction.atomic():
        document = Document.objects.select_for_update().filter(pk=document_id).first()
        if document is None or document.status in (Document.Status.READY, Document.Status.FAILED):
            return document
        if queued_only and document.status != Document.Status.QUEUED:
            return document
        if document.attempts >= MAX_ATTEMPTS:
            return _fail(document, f"Đã thử tạo {document.attempts} lần mà không xong; hãy yêu cầu tạo lại.")
        document.status = Document.Status.RENDERING
        document.attempts += 1
        document.save(update_fields=["status", "attempts"])
    try:
        kind = document_kind(document.kind)
        record = kind.find(document.record_id)
        if record is None:
            raise RenderFailed("Bản ghi của văn bản này không còn.")
        version = kind.version(record)
        pdf = document_pdf(kind=kind, record=record, document=document)
        if kind.signed and signing_configured():
            pdf = pdf_sign(pdf)  # the stored file and its hash are the signed file's
    except (RenderFailed, KindUnknown) as exc:
        return _fail(document, str(exc))
    except Exception as exc:  # a template or data error: recorded for the page, the details in the log
        log.exception("Document %s (%s) failed to render", document.pk, document.kind)
        return _fail(document, f"Lỗi hệ thống khi tạo tệp PDF ({type(exc).__name__}); đã ghi vào nhật ký.")
    with transaction.atomic():
        document = Document.objects.select_for_update().get(pk=document.pk)
        if document.status != Document.Status.RENDERING:
            return document  # another run of the same message finished (or failed) it first: its file stands
        _file_store(document, pdf)
        document.sha256 = hashlib.sha256(pdf).hexdigest()
        document.record_version = version
        document.status = Document.Status.READY
        document.failure = ""
        document.rendered_at = timezone.now()
        document.save()
    return document


def _file_store(document: Document, pdf: bytes) -> None:
    """Store the file under the document's own name. A file already there was left by an earlier run of this same
    document that died between writing it and committing (under the row lock no other run is writing): it is
    replaced, never kept beside a second copy."""
    name = f"{document.kind.replace('.', '-')}-{document.record_id}-{document.pk}.pdf"
    storage, path = document.file.storage, document.file.field.generate_filename(document, name)
    if storage.exists(path):
        storage.delete(path)
    document.file.save(name, ContentFile(pdf), save=False)


def _fail(document: Document, reason: str) -> Document:
    Document.objects.filter(pk=document.pk).update(status=Document.Status.FAILED, failure=reason[:2000])
    document.refresh_from_db()
    return document
