"""Asking for a document: the request writes a row and the outbox sends the render after commit; no page waits.

A record that changes makes its documents stale: the next ask, or the save itself (documents.signals, for a kind
that names its model), makes a new one of the new version. A frozen record (an issued decision) keeps the one
made when it was issued.
"""

from django.db import transaction

from core.queue import enqueue_on_commit
from documents.models import Document
from documents.registry import document_kind, document_kinds
from documents.selectors import document_is_current, document_latest
from documents.tasks import document_render


def document_request(*, kind: str, record, again: bool = False) -> Document:
    """The document of `record` as `kind` lays it out: the one being made, or the one made of the record's current
    version; otherwise a new one, queued and rendered once the transaction commits (core.queue's outbox).
    `again` makes a new one even of a current version (not of a frozen record: what was issued stays).
    Raises documents.registry.KindUnknown for a kind no app registered."""
    spec = document_kind(kind)
    latest = document_latest(kind=kind, record_id=record.pk)
    if document_is_current(spec, record, latest) and not (again and not spec.frozen(record) and not latest.in_progress):
        return latest
    with transaction.atomic():
        document = Document.objects.create(kind=kind, record_id=record.pk)
        enqueue_on_commit(document_render, document.pk)
    document.refresh_from_db()  # without a broker the render has run on commit (core.queue)
    return document


def documents_refresh(record, *, model: type | None = None) -> list[Document]:
    """After `record` changed: each kind of its model that has a document of it already, not frozen and now stale,
    is made again (queued on commit). Kinds never asked for are left alone: nothing renders that no one wants."""
    model = model or type(record)
    remade = []
    for spec in document_kinds():
        if spec.model is not model or spec.parts is not None:
            continue
        latest = document_latest(kind=spec.key, record_id=record.pk)
        if latest is None or latest.in_progress or document_is_current(spec, record, latest):
            continue
        with transaction.atomic():
            document = Document.objects.create(kind=spec.key, record_id=record.pk)
            enqueue_on_commit(document_render, document.pk)
        remade.append(document)
    return remade
