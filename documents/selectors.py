"""Reads of stored documents."""

from documents.models import Document


def document_latest(*, kind: str, record_id: int) -> Document | None:
    """The document last asked for of this record, whatever its state."""
    return Document.objects.filter(kind=kind, record_id=record_id).order_by("-created_at", "-pk").first()
