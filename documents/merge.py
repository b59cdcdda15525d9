"""Merged prints ("In tất cả giấy khen của quyết định N"): one PDF joined from each part's own stored document.

Each part keeps its own document (its own file, hash and verification token), so a certificate printed alone and
in the merged print are the same file. A part already made of its record's current version is reused; a part
queued is made here (its own queued message then finds it made and does nothing); a part another worker is
making is waited for. The progress is written after each part, for the page that polls it.
"""

import io
import time

from django.db.models import F
from pypdf import PdfWriter

from documents.models import Document
from documents.registry import DocumentKind, document_kind
from documents.render import RenderFailed
from documents.selectors import document_latest

WAIT_SECONDS = 300
"""How long to wait for a part another worker is making before giving up on the merged print."""


def parts_join(*, kind: DocumentKind, record, document: Document | None) -> bytes:
    part_kind = document_kind(kind.parts_kind)
    parts = list(kind.parts(record))
    if not parts:
        raise RenderFailed("Không có văn bản nào để gộp.")
    if document is not None:
        Document.objects.filter(pk=document.pk).update(parts_total=len(parts), parts_done=0)
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


def part_is_current(kind: DocumentKind, record, document: Document | None) -> bool:
    if document is None or document.status != Document.Status.READY:
        return False
    return kind.frozen(record) or document.record_version == kind.version(record)


def part_made(*, kind: DocumentKind, record) -> Document:
    """The ready document of `record` as `kind` lays it out, made now if need be."""
    from documents.build import document_build

    deadline = time.monotonic() + WAIT_SECONDS
    while True:
        latest = document_latest(kind=kind.key, record_id=record.pk)
        if part_is_current(kind, record, latest):
            return latest
        if latest is None or latest.status in (Document.Status.READY, Document.Status.FAILED):
            latest = Document.objects.create(kind=kind.key, record_id=record.pk)
        if latest.status == Document.Status.QUEUED:
            made = document_build(document_id=latest.pk)
            if made is not None and made.status == Document.Status.FAILED:
                raise RenderFailed(f"Không tạo được một văn bản trong bản gộp: {made.failure}")
            continue
        if time.monotonic() > deadline:  # another worker has been making it for too long
            raise RenderFailed("Một văn bản trong bản gộp chưa tạo xong; hãy yêu cầu lại sau ít phút.")
        time.sleep(0.2)
