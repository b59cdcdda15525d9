"""Asking for a document: the request writes a row and the outbox sends the render after commit; no page waits."""

from django.db import transaction

from core.queue import enqueue_on_commit
from documents.models import Document
from documents.registry import document_kind
from documents.selectors import document_latest
from documents.tasks import document_render


def document_request(*, kind: str, record) -> Document:
    """The document of `record` as `kind` lays it out: the one being made, or the one made of the record's current
    version; otherwise a new one, queued and rendered once the transaction commits (core.queue's outbox).
    Raises documents.registry.KindUnknown for a kind no app registered."""
    spec = document_kind(kind)
    latest = document_latest(kind=kind, record_id=record.pk)
    if latest is not None:
        if latest.status in (Document.Status.QUEUED, Document.Status.RENDERING):
            return latest
        if latest.status == Document.Status.READY and latest.record_version == spec.version(record):
            return latest
    with transaction.atomic():
        document = Document.objects.create(kind=kind, record_id=record.pk)
        enqueue_on_commit(document_render, document.pk)
    document.refresh_from_db()  # without a broker the render has run on commit (core.queue)
    return document
