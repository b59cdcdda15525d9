"""{% document_view "emulation.plan" campaign as plan %}: the record's latest document for a page (`plan.document`)
and whether it shows an older version of the record (`plan.stale`); documents/partials/document.html shows both
with the button that asks for it. {% document_of … %} gives the document alone."""

from django import template

from documents.registry import KindUnknown, document_kind
from documents.selectors import document_is_current, document_latest

register = template.Library()


@register.simple_tag
def document_of(kind: str, record):
    return document_latest(kind=kind, record_id=record.pk) if record is not None and record.pk else None


@register.simple_tag
def document_view(kind: str, record) -> dict:
    document = document_of(kind, record)
    try:
        spec = document_kind(kind)
    except KindUnknown:
        return {"document": document, "stale": False, "frozen": False}
    stale = document is not None and document.status == "ready" and not document_is_current(spec, record, document)
    return {"document": document, "stale": stale, "frozen": spec.frozen(record)}
