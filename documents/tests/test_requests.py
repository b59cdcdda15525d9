"""Asking for a document from a page, its state while it is made, a changed record's document made again, an
issued record's document kept, and a merged print joined from each part's own document with its progress."""

import io
from dataclasses import replace

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.urls import reverse
from pypdf import PdfReader

from documents import registry
from documents.models import Document
from documents.selectors import document_latest
from documents.services import document_request, documents_refresh
from units.models import Unit


@pytest.fixture
def vp(ward):
    return ward.units["VP"]


@pytest.fixture
def versioned_kind(sample_kind, monkeypatch):
    """The sample kind, its version the unit's name length (a renamed unit is a new version), saved units watched."""
    kind = replace(sample_kind, key="tests.versioned", version=lambda unit: len(unit.name), model=Unit)
    monkeypatch.setitem(registry._KINDS, kind.key, kind)
    return kind


def _ask(client, kind: str, record_id: int, **data):
    return client.post(reverse("documents:document-ask", args=[kind, record_id]), {"next": "/", **data})


def test_asking_from_a_page_makes_the_document_and_goes_back(client, sample_kind, vp, alice, capture_commits):
    client.force_login(alice)
    with capture_commits(execute=True):  # the test's transaction never commits: run what the commit would
        response = _ask(client, sample_kind.key, vp.pk, next=reverse("units:unit-detail", args=["VP"]))
    assert response.status_code == 302 and response["Location"] == reverse("units:unit-detail", args=["VP"])
    document = document_latest(kind=sample_kind.key, record_id=vp.pk)
    assert document.status == Document.Status.READY and document.file.read().startswith(b"%PDF-")


def test_asking_goes_back_only_to_this_site(client, sample_kind, vp, alice):
    client.force_login(alice)
    response = _ask(client, sample_kind.key, vp.pk, next="https://evil.example/steal")
    assert response.status_code == 302 and response["Location"] == reverse("core:home")


def test_who_may_not_read_the_record_is_answered_404_and_nothing_is_made(client, sample_kind, vp, bob):
    client.force_login(bob)
    assert _ask(client, sample_kind.key, vp.pk).status_code == 404
    assert _ask(client, "khong.co", vp.pk).status_code == 404
    assert _ask(client, sample_kind.key, 987654321).status_code == 404
    assert not Document.objects.exists()


def test_the_state_fragment_asks_again_while_made_and_stops_when_ready(client, sample_kind, vp, alice, bob):
    queued = Document.objects.create(kind=sample_kind.key, record_id=vp.pk, parts_total=4, parts_done=1)
    client.force_login(alice)
    url = reverse("documents:document-status", args=[queued.pk])
    html = client.get(url, {"label": "<b>Tờ trình</b>"}).content.decode()
    assert "data-document-poll" in html and "Đang chờ tạo" in html and "1/4" in html
    queued.status, queued.sha256 = "ready", "0" * 64
    queued.save()
    html = client.get(url, {"label": "<b>Tờ trình</b>"}).content.decode()
    assert "data-document-poll" not in html and "&lt;b&gt;Tờ trình&lt;/b&gt;" in html
    assert reverse("documents:document-download", args=[queued.pk]) in html
    client.force_login(bob)
    assert client.get(url).status_code == 404


def _partial(kind, record, user) -> str:
    request = RequestFactory().get("/don-vi/VP/")
    request.user = user
    template = Template(
        '{% include "documents/partials/document.html" with kind=kind record=record label="Tờ trình" %}'
    )
    return " ".join(template.render(Context({"kind": kind, "record": record, "request": request})).split())


def test_a_changed_record_shows_its_document_as_old_and_saving_it_makes_a_new_one(
    versioned_kind, vp, alice, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        first = document_request(kind=versioned_kind.key, record=vp)
    assert "Tạo lại" not in _partial(versioned_kind.key, vp, alice)
    Unit.objects.filter(pk=vp.pk).update(name=vp.name + " (mới)")  # changed without a save signal
    vp.refresh_from_db()
    shown = _partial(versioned_kind.key, vp, alice)
    assert "Bản cũ" in shown and "Tạo lại" in shown
    with django_capture_on_commit_callbacks(execute=True):
        vp.name += " nữa"
        vp.save()
    latest = document_latest(kind=versioned_kind.key, record_id=vp.pk)
    assert latest.pk != first.pk and latest.status == "ready" and latest.record_version == len(vp.name)
    with django_capture_on_commit_callbacks(execute=True):
        vp.save()  # nothing shown changed: no new document
    assert Document.objects.filter(kind=versioned_kind.key).count() == 2


def test_an_issued_record_keeps_the_document_made_when_issued(versioned_kind, vp, monkeypatch, capture_commits):
    frozen = replace(versioned_kind, key="tests.frozen", frozen=lambda unit: True)
    monkeypatch.setitem(registry._KINDS, frozen.key, frozen)
    with capture_commits(execute=True):
        issued = document_request(kind=frozen.key, record=vp)
        vp.name += " (đổi sau khi ban hành)"
        vp.save()
    assert documents_refresh(vp) == []
    assert document_request(kind=frozen.key, record=vp, again=True).pk == issued.pk
    assert Document.objects.filter(kind=frozen.key).count() == 1


def test_a_merged_print_joins_each_parts_own_document_and_counts_its_progress(
    sample_kind, ward, monkeypatch, capture_commits
):
    units = sorted(ward.units.values(), key=lambda unit: unit.order)[:3]
    merged = replace(
        sample_kind,
        key="tests.merged",
        parts=lambda root: units,
        parts_kind=sample_kind.key,
        frozen=lambda root: True,
        context=lambda unit: {},
    )
    monkeypatch.setitem(registry._KINDS, merged.key, merged)
    with capture_commits(execute=True):
        already = document_request(kind=sample_kind.key, record=units[1])  # one part made before: reused
        document = document_request(kind=merged.key, record=ward.root)
    document.refresh_from_db()
    assert document.status == "ready" and (document.parts_done, document.parts_total) == (3, 3)
    parts = [document_latest(kind=sample_kind.key, record_id=unit.pk) for unit in units]
    assert parts[1].pk == already.pk and all(part.status == "ready" for part in parts)
    pages = sum(len(_pdf(part).pages) for part in parts)
    merged_pdf = _pdf(document)
    assert len(merged_pdf.pages) == pages
    starts, page = [], 0
    for part in parts:  # each part's first page opens with its own unit's name, in the parts' order
        starts.append(" ".join(merged_pdf.pages[page].extract_text().split()))
        page += len(_pdf(part).pages)
    assert all(f"kết quả thi đua của {unit.name}" in start for unit, start in zip(units, starts, strict=True))
    assert len({part.token for part in parts}) == 3, "each part keeps its own verification token"


def _pdf(document: Document) -> PdfReader:
    with document.file.open("rb") as file:
        return PdfReader(io.BytesIO(file.read()))


@pytest.fixture
def capture_commits(django_capture_on_commit_callbacks):
    return django_capture_on_commit_callbacks
