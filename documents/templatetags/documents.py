"""{% document_of "emulation.plan" campaign as plan_document %}: the record's latest document for a page, to show
with {% include "documents/partials/status.html" with document=plan_document %}."""

from django import template

from documents.selectors import document_latest

register = template.Library()


@register.simple_tag
def document_of(kind: str, record):
    return document_latest(kind=kind, record_id=record.pk) if record is not None and record.pk else None
