"""What the public page confirms of a stored document, and the short code's reading.

Only a ready document of a kind that declares `verify` has a page; everything else is "not found", whatever the
reason, so the page tells a stranger nothing about what exists."""

import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime

from documents.models import CODE_ALPHABET, CODE_LENGTH, Document
from documents.registry import KindUnknown, document_kind

TOKEN_MAX = 64
CODE_INPUT_MAX = 40
"""A typed code longer than this (before dashes and spaces are dropped) is not read at all."""
_TOKEN = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
_CODE = re.compile(f"^[{CODE_ALPHABET}]{{{CODE_LENGTH}}}$")
_DROPPED = {"-", "–", "—", "‐", "‑", "."}


@dataclass(frozen=True)
class Verification:
    rows: list[tuple[str, str]]
    """The kind's label/value pairs, in its order."""
    revoked: bool
    sha256: str
    issued_at: datetime | None
    signature: object | None
    """documents.signing.SignatureCheck of the stored file, None when it is not signed."""


def code_normalise(raw: str) -> str:
    """A typed code as stored: stripped, upper-case, without dashes, spaces or invisible marks; "" when it cannot
    be a code (too long, letters outside the alphabet)."""
    raw = (raw or "")[:CODE_INPUT_MAX]
    text = unicodedata.normalize("NFKC", raw).upper()
    kept = "".join(
        ch for ch in text if not ch.isspace() and ch not in _DROPPED and unicodedata.category(ch) not in ("Cf", "Cc")
    )
    return kept if _CODE.match(kept) else ""


def document_by_code(raw: str) -> Document | None:
    """The verifiable document with this typed code, or None."""
    code = code_normalise(raw)
    if not code:
        return None
    document = Document.objects.filter(code=code, status=Document.Status.READY).first()
    return document if document is not None and _verify_of(document) is not None else None


def _verify_of(document: Document):
    try:
        kind = document_kind(document.kind)
    except KindUnknown:
        return None
    return kind.verify


def verification_of(token: str) -> Verification | None:
    """What the page shows for `token`, or None (not a stored token, a kind without a page, not ready, no record)."""
    if not _TOKEN.match(token or ""):
        return None
    document = Document.objects.filter(token=token, status=Document.Status.READY).first()
    if document is None or document.token != token:  # a case-insensitive database collation must not match
        return None
    verify = _verify_of(document)
    record = document_kind(document.kind).find(document.record_id) if verify is not None else None
    if record is None:
        return None
    shown = dict(verify(record))
    revoked = bool(shown.pop("revoked", False))
    rows = [(str(label), "" if value is None else str(value)) for label, value in shown.items()]
    return Verification(
        rows=rows,
        revoked=revoked,
        sha256=document.sha256,
        issued_at=document.rendered_at,
        signature=_signature_of(document),
    )


def _signature_of(document: Document):
    from documents.signing import signature_check

    if not document.file:
        return None
    with document.file.open("rb") as file:
        return signature_check(file.read())
