"""Permission-table rows for the public verification pages (core/tests/test_permissions.py): everyone, signed in or
not, reads /xac-minh/ and a verifiable document's /xac-minh/<token>/ (200 for the anonymous visitor too)."""

import hashlib

from django.core.files.base import ContentFile

from documents import registry
from documents.models import Document
from documents.registry import DocumentKind

PERSONAS = ["alice", "bob", "olga", "sam", "chris", "ada"]
PDF = b"%PDF-1.7\n%%EOF\n"


def _unit(pk):
    from units.models import Unit

    return Unit.objects.filter(pk=pk).first()


PUBLIC_KIND = DocumentKind(
    key="tests.public",
    template="documents/frame.html",
    find=_unit,
    context=lambda unit: {},
    can_view=lambda user, unit: False,
    verify=lambda unit: {"Đơn vị": unit.name, "revoked": False},
)


def public_document(unit) -> Document:
    """A stored, ready document of a kind with a public page (made without rendering)."""
    registry.document_kind_register(PUBLIC_KIND)
    document = Document(kind=PUBLIC_KIND.key, record_id=unit.pk, status="ready", sha256=hashlib.sha256(PDF).hexdigest())
    document.file.save("cong-khai.pdf", ContentFile(PDF), save=False)
    document.save()
    return document


ROWS: dict = {
    "verification:lookup": (lambda ctx: {}, dict.fromkeys(PERSONAS, 200), 200),
    "verification:document": (
        lambda ctx: {"token": ctx["public_document"].token},
        dict.fromkeys(PERSONAS, 200),
        200,
    ),
}


def context(ctx) -> dict:
    from django.core.cache import cache

    cache.clear()  # the pages count requests per address (documents.verification.throttle)
    return {"public_document": public_document(ctx["alice"].official.unit)}
