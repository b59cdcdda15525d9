"""Reads of stored documents."""

from documents.models import Document
from documents.registry import DocumentKind


def documents_latest(*, kind: str, record_ids: list[int]) -> dict[int, Document]:
    """The document last asked for of each of these records (one read, for a list's rows), by record id."""
    latest: dict[int, Document] = {}
    for document in Document.objects.filter(kind=kind, record_id__in=record_ids).order_by("-created_at", "-pk"):
        latest.setdefault(document.record_id, document)
    return latest


def document_latest(*, kind: str, record_id: int) -> Document | None:
    """The document last asked for of this record, whatever its state."""
    return Document.objects.filter(kind=kind, record_id=record_id).order_by("-created_at", "-pk").first()


def document_is_current(spec: DocumentKind, record, document: Document | None) -> bool:
    """Is `document` the one to show for `record`: being made, or made of its current version (or frozen)?"""
    if document is None or document.status == Document.Status.FAILED:
        return False
    if document.in_progress:
        return True
    return spec.frozen(record) or document.record_version == spec.version(record)
