"""A render run again (the message came back after its worker died, or was delivered twice) leaves one file: the
document's own, never a second copy beside a file an earlier run left, never one overwriting a finished document."""

import hashlib
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.base import ContentFile

from documents import registry
from documents.build import document_build
from documents.models import Document
from documents.registry import DocumentKind

pytestmark = pytest.mark.django_db


@pytest.fixture
def vp(ward):
    return ward.units["VP"]


def _media_files() -> list[str]:
    root = Path(settings.MEDIA_ROOT)
    return sorted(str(path.relative_to(root)) for path in root.rglob("*") if path.is_file())


def test_a_file_left_by_a_run_that_died_before_committing_is_replaced_not_doubled(sample_kind, vp):
    """The run wrote the file, then its process died before the commit: the row is still rendering, the file is
    on disk. The retry stores its own file there instead of a second copy under another name."""
    document = Document.objects.create(kind=sample_kind.key, record_id=vp.pk, status="rendering", attempts=1)
    left = Document.objects.get(pk=document.pk)
    name = f"{sample_kind.key.replace('.', '-')}-{vp.pk}-{document.pk}.pdf"
    left.file.save(name, ContentFile(b"%PDF-1.4 half of a file"), save=False)  # what the dead run had written

    made = document_build(document_id=document.pk)

    assert made.status == Document.Status.READY and made.attempts == 2
    assert _media_files() == [made.file.name], "one file, the document's own"
    assert hashlib.sha256(made.file.read()).hexdigest() == made.sha256


def test_a_second_run_finishing_after_the_first_keeps_the_first_ones_file(sample_kind, vp, monkeypatch):
    """Two deliveries of the same message render at once; the one that commits second finds the document ready and
    stores nothing."""
    document = Document.objects.create(kind=sample_kind.key, record_id=vp.pk)
    context = sample_kind.context
    runs, others = [], []

    def meanwhile_the_other_run_finishes(unit):
        runs.append(unit.pk)
        if len(runs) == 1:
            other = document_build(document_id=document.pk)  # the other delivery, start to finish
            assert other.status == Document.Status.READY
            others.append(other)
        return context(unit)

    monkeypatch.setitem(
        registry._KINDS,
        sample_kind.key,
        DocumentKind(**{**sample_kind.__dict__, "context": meanwhile_the_other_run_finishes}),
    )
    first = document_build(document_id=document.pk)

    assert len(runs) == 2
    assert first.status == Document.Status.READY and first.attempts == 2
    kept = others[0]
    assert (first.file.name, first.sha256, first.rendered_at) == (kept.file.name, kept.sha256, kept.rendered_at)
    assert _media_files() == [first.file.name], "one file: the run that finished first stored it, the second none"
    assert hashlib.sha256(first.file.read()).hexdigest() == first.sha256
