"""Mẫu 03 holds a nominee's short CV (DOMAIN.md §7): opening the report page and downloading its PDF are logged
for the nominee to see; the collective's Mẫu 02 holds no one's personal data and is not."""

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from awards.dossiers.papers.reports import COLLECTIVE, INDIVIDUAL
from awards.tests.conftest import build_dossier
from documents.models import Document
from units.models import PersonalDataAccess

pytestmark = pytest.mark.django_db


@pytest.fixture
def built(campaign, giay_khen, alice, olga):
    return build_dossier(campaign, giay_khen, alice, [olga.official])


def _ready(kind: str, record) -> Document:
    """A stored PDF of the record, as the renderer leaves it (rendering itself is tested elsewhere)."""
    document = Document(kind=kind, record_id=record.pk, status=Document.Status.READY, sha256="0" * 64)
    document.file.save("bao-cao.pdf", ContentFile(b"%PDF-1.7 test"), save=False)
    document.save()
    return document


def _rows() -> list[tuple]:
    return [(a.viewer.username, a.official.full_name, a.action, a.page) for a in PersonalDataAccess.objects.all()]


def test_downloading_mau_03_is_logged_for_the_nominee_and_her_own_download_is_not(client, built, alice, olga, sam, bob):
    unit_nominee, olga_nominee = built[1]
    download = reverse("documents:document-download", args=[_ready(INDIVIDUAL, olga_nominee.report).pk])
    client.force_login(olga)
    assert client.get(download).status_code == 200
    assert not PersonalDataAccess.objects.exists()
    client.force_login(bob)  # another unit's head: 404, nothing logged
    assert client.get(download).status_code == 404
    assert not PersonalDataAccess.objects.exists()
    client.force_login(sam)
    assert client.get(download).status_code == 200
    page = f"Báo cáo thành tích Mẫu 03 (PDF), đề nghị {built[0].award_form.name} năm 2026"
    assert _rows() == [("sam", "Olga Nguyễn", "report_pdf", page)]

    collective = reverse("documents:document-download", args=[_ready(COLLECTIVE, unit_nominee.report).pk])
    assert client.get(collective).status_code == 200
    assert PersonalDataAccess.objects.count() == 1

    client.force_login(olga)
    html = client.get(reverse("units:own-profile")).content.decode()
    assert "tải Mẫu 03" in html and "Sam Nguyễn" in html


def test_opening_an_individuals_report_page_is_logged_but_not_the_units(client, built, alice, olga):
    unit_nominee, olga_nominee = built[1]
    client.force_login(alice)
    assert client.get(reverse("awards:report-edit", args=[unit_nominee.pk])).status_code == 200
    assert not PersonalDataAccess.objects.exists()
    assert client.get(reverse("awards:report-edit", args=[olga_nominee.pk])).status_code == 200
    assert [(r[0], r[1], r[2]) for r in _rows()] == [("alice", "Olga Nguyễn", "view")]
    client.force_login(olga)
    assert client.get(reverse("awards:report-edit", args=[olga_nominee.pk])).status_code == 200
    assert PersonalDataAccess.objects.count() == 1
