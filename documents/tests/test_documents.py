"""A stored document: asked for, rendered after commit on its own queue, stored with its hash and the record's
version; a failure kept with its reason; the download only for whoever the kind's predicate lets read the record."""

import hashlib

import pytest
from django.urls import reverse

from documents import registry, services
from documents.build import MAX_ATTEMPTS, RENDER_TASK, document_build
from documents.models import Document
from documents.registry import DocumentKind, document_kind
from documents.render import LocalFetcher, RenderFailed
from documents.tasks import document_render


@pytest.fixture
def vp(ward):
    return ward.units["VP"]


def _requested(kind, record, capture) -> Document:
    """Asked for in a transaction that then commits (the test's own never does): the render runs on commit."""
    with capture(execute=True):
        document = services.document_request(kind=kind.key, record=record)
    document.refresh_from_db()
    return document


def test_a_requested_document_is_rendered_after_commit_and_stored_with_hash_and_version(
    sample_kind, vp, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        document = services.document_request(kind=sample_kind.key, record=vp)
    assert document.status == Document.Status.QUEUED and len(callbacks) == 1, "nothing renders before the commit"
    callbacks[0]()
    document.refresh_from_db()
    assert document.status == Document.Status.READY
    data = document.file.read()
    assert data.startswith(b"%PDF-") and document.sha256 == hashlib.sha256(data).hexdigest()
    assert document.record_version == 7 and document.rendered_at is not None and document.attempts == 1
    assert len(document.token) >= 40


def test_asking_again_for_the_same_version_gives_the_same_document(sample_kind, vp, django_capture_on_commit_callbacks):
    first = _requested(sample_kind, vp, django_capture_on_commit_callbacks)
    again = _requested(sample_kind, vp, django_capture_on_commit_callbacks)
    assert again.pk == first.pk and Document.objects.count() == 1


def test_the_task_run_twice_renders_once(sample_kind, vp, django_capture_on_commit_callbacks):
    document = _requested(sample_kind, vp, django_capture_on_commit_callbacks)
    name, digest = document.file.name, document.sha256
    assert document_render(document.pk) == "ready"
    document.refresh_from_db()
    assert (document.file.name, document.sha256, document.attempts) == (name, digest, 1)
    assert document_render(987654321) == "missing"


def test_a_failed_render_records_its_reason(sample_kind, vp, django_capture_on_commit_callbacks, monkeypatch):
    def refuse(unit):
        raise RenderFailed("Kế hoạch chưa có tiêu chí nào để in.")

    for key, change in (("tests.refused", {"context": refuse}), ("tests.broken", {"template": "khong/co.html"})):
        monkeypatch.setitem(registry._KINDS, key, DocumentKind(**{**sample_kind.__dict__, "key": key, **change}))
    refused = _requested(document_kind("tests.refused"), vp, django_capture_on_commit_callbacks)
    broken = _requested(document_kind("tests.broken"), vp, django_capture_on_commit_callbacks)
    assert (refused.status, refused.failure) == (Document.Status.FAILED, "Kế hoạch chưa có tiêu chí nào để in.")
    assert broken.status == Document.Status.FAILED and "TemplateDoesNotExist" in broken.failure
    assert not refused.file and not broken.file


def test_a_render_the_worker_never_finished_is_retried_then_given_up(sample_kind, vp):
    lost = Document.objects.create(kind=sample_kind.key, record_id=vp.pk, status="rendering", attempts=1)
    assert document_build(document_id=lost.pk).status == Document.Status.READY
    stuck = Document.objects.create(kind=sample_kind.key, record_id=vp.pk, status="rendering", attempts=MAX_ATTEMPTS)
    stuck = document_build(document_id=stuck.pk)
    assert stuck.status == Document.Status.FAILED and f"{MAX_ATTEMPTS} lần" in stuck.failure


def test_a_document_whose_record_is_gone_fails_saying_so(sample_kind, db):
    document = Document.objects.create(kind=sample_kind.key, record_id=999999)
    assert document_build(document_id=document.pk).failure == "Bản ghi của văn bản này không còn."


def test_the_render_task_goes_to_its_own_queue_acknowledged_late():
    from config.celery import app

    route = app.amqp.router.route({}, document_render.name)
    assert route["queue"].name == "documents"
    assert document_render.acks_late and document_render.reject_on_worker_lost
    assert document_render.name == RENDER_TASK


def test_the_download_answers_the_pdf_to_whom_the_predicate_lets_read_and_404_to_others(
    client, sample_kind, vp, alice, bob, django_capture_on_commit_callbacks
):
    document = _requested(sample_kind, vp, django_capture_on_commit_callbacks)
    url = reverse("documents:document-download", args=[document.pk])
    client.force_login(alice)
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert hashlib.sha256(b"".join(response.streaming_content)).hexdigest() == document.sha256
    assert 'filename="to-trinh-VP.pdf"' in response["Content-Disposition"]
    client.force_login(bob)
    assert client.get(url).status_code == 404


def test_a_document_not_ready_or_of_an_unknown_kind_answers_404(client, alice, vp):
    client.force_login(alice)
    queued = Document.objects.create(kind="tests.sample", record_id=vp.pk)
    unknown = Document.objects.create(kind="khong.co", record_id=vp.pk, status="ready", sha256="0" * 64)
    for document in (queued, unknown):
        assert client.get(reverse("documents:document-download", args=[document.pk])).status_code == 404


def test_the_renderer_reads_nothing_from_the_network_nor_outside_its_folders(tmp_path):
    fetcher = LocalFetcher([tmp_path])
    for url in ("http://example.com/logo.png", "https://example.com/a.css", "file:///etc/passwd"):
        with pytest.raises(ValueError, match="Refused"):
            fetcher.fetch(url)


def test_the_status_partial_says_each_state(sample_kind, vp):
    from django.template.loader import render_to_string

    shown = {}
    for status, failure in (("queued", ""), ("rendering", ""), ("failed", "Thiếu số liệu."), ("ready", "")):
        document = Document(pk=5, kind=sample_kind.key, record_id=vp.pk, status=status, failure=failure)
        shown[status] = " ".join(render_to_string("documents/partials/status.html", {"document": document}).split())
    assert "Đang chờ tạo" in shown["queued"] and "Đang tạo" in shown["rendering"]
    assert "Tạo không được" in shown["failed"] and "Thiếu số liệu." in shown["failed"]
    assert reverse("documents:document-download", args=[5]) in shown["ready"]
