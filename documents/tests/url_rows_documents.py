"""Permission-table rows for the documents' URLs (see core/tests/test_permissions.py): the campaign plan's stored
PDF and its state, which everyone signed in may read while the campaign is active (its page's rule); a refused
reader gets a 404 (documents/tests/test_documents.py, test_requests.py, emulation/tests/test_plan_document.py)."""

import hashlib

from django.core.files.base import ContentFile

from documents.models import Document

PERSONAS = ["alice", "bob", "olga", "sam", "chris", "ada"]
PDF = b"%PDF-1.7\n%%EOF\n"

ROWS: dict = {
    "documents:document-download": (
        lambda ctx: {"pk": ctx["plan_document"].pk},
        dict.fromkeys(PERSONAS, 200),
        "login",
    ),
    "documents:document-status": (
        lambda ctx: {"pk": ctx["plan_document"].pk},
        dict.fromkeys(PERSONAS, 200),
        "login",
    ),
    # Asking is a POST (documents/tests/test_requests.py): a GET is refused to everyone signed in.
    "documents:document-ask": (
        lambda ctx: {"kind": "emulation.plan", "pk": ctx["campaign"].pk},
        dict.fromkeys(PERSONAS, 405),
        "login",
    ),
}


def plan_document(campaign) -> Document:
    """A stored plan document, made without rendering (the rows check who may read it, not how it looks)."""
    document = Document(
        kind="emulation.plan", record_id=campaign.pk, status="ready", sha256=hashlib.sha256(PDF).hexdigest()
    )
    document.file.save("ke-hoach.pdf", ContentFile(PDF), save=False)
    document.save()
    return document


def context(ctx) -> dict:
    return {"plan_document": plan_document(ctx["campaign"])}
