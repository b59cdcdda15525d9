"""The Giấy khen certificate (awards.decisions.papers.certificate): A4 landscape, one page, its parts in order,
Liberation Serif only, everything inside the sheet's 10 mm inner area; its download for the awardee's own readers
only; the merged print of a decision, one page per certificate in the register's order, its progress ending n/n."""

import unicodedata

import pytest
from django.urls import reverse

from awards.decisions.papers.certificate import KIND, MERGED, certificate_verify
from awards.history.models import Award
from awards.tests import council_support as support
from documents.build import document_pdf
from documents.registry import document_kind
from documents.services import document_request
from documents.tests import pdf as p

pytestmark = pytest.mark.django_db

INNER = 10 * p.MM
"""Nothing prints in the sheet's outer 10 mm (the certificate's page margin; the border is drawn inside it)."""


@pytest.fixture
def decision(campaign, sam, chris):
    return support.decided(campaign, support.own_form(campaign, "GK-QD-GK"), "TTDVTH", sam, chris)


@pytest.fixture
def award(decision) -> Award:
    return decision.awards.get(beneficiary=Award.Beneficiary.INDIVIDUAL)


def _pdf(record, kind=KIND) -> bytes:
    return document_pdf(kind=document_kind(kind), record=record)


def _made(kind, record, capture):
    with capture(execute=True):
        document = document_request(kind=kind, record=record)
    document.refresh_from_db()
    assert document.status == "ready", document.failure
    return document


def test_the_certificate_holds_its_parts_in_order(award):
    text = p.text_of(_pdf(award))
    parts = [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG NAM GIA NGHĨA",
        "TẶNG GIẤY KHEN",
        f"Ông {award.name}",
        f"{award.position}, {award.unit_name}",
        "Đã có thành tích xuất sắc trong phong trào thi đua",
        f"Quyết định số {award.decision_number} ngày 25/11/2026",
        f"Số sổ: {award.certificate_number}",
        "Nam Gia Nghĩa, ngày 25 tháng 11 năm 2026",
        "CHỦ TỊCH",
        "Nguyễn Văn Chris",
    ]
    p.assert_in_order(text, parts)


def test_the_certificate_is_one_landscape_page_in_liberation_serif_inside_the_inner_area(
    decision, django_capture_on_commit_callbacks
):
    collective = decision.awards.get(beneficiary=Award.Beneficiary.COLLECTIVE)
    pdf = _made(KIND, collective, django_capture_on_commit_callbacks).file.read()  # with its QR code and code
    lines = p.assert_landscape_sheet(pdf, inner=INNER)
    assert any(line.text.startswith("Mã xác minh:") for line in lines)
    assert "Ông" not in p.text_of(pdf) and "Bà" not in p.text_of(pdf)  # a collective has no honorific


def test_a_name_typed_decomposed_prints_composed(award):
    Award.objects.filter(pk=award.pk).update(name=unicodedata.normalize("NFD", "Đặng Thị Hồng Nhung"))
    award.refresh_from_db()
    text = p.text_of(_pdf(award))
    assert "Đặng Thị Hồng Nhung" in text
    assert not any(unicodedata.combining(ch) for ch in text)


def test_the_public_page_confirms_the_award_and_its_revocation(award):
    facts = certificate_verify(award)
    assert facts["Người/tập thể được khen"] == award.name
    assert facts["Hình thức"] == award.title
    assert facts["Quyết định"] == f"{award.decision_number} ngày 25/11/2026"
    assert facts["revoked"] is False


def test_the_download_is_the_awardee_s_unit_head_s_and_the_ward_s_but_not_another_unit_head_s(
    client, award, chris, sam, alice, django_capture_on_commit_callbacks
):
    document = _made(KIND, award, django_capture_on_commit_callbacks)
    url = reverse("documents:document-download", args=[document.pk])
    for user, status in ((chris, 200), (sam, 200), (support.head_of("TTDVTH"), 200), (alice, 404)):
        client.force_login(user)
        assert client.get(url).status_code == status, user


def test_the_merged_print_holds_one_page_per_certificate_in_order_and_ends_at_n_of_n(
    campaign, sam, chris, django_capture_on_commit_callbacks
):
    decision = support.decided(campaign, support.own_form(campaign, "GK-QD-GOP"), "VHXH", sam, chris)
    awards = list(decision.awards.order_by("certificate_number"))
    document = _made(MERGED, decision, django_capture_on_commit_callbacks)
    pdf = document.file.read()
    pages = p.pages_text(pdf)
    assert len(pages) == len(awards) == 2
    for text, award in zip(pages, awards, strict=True):
        assert award.name in text and f"Số sổ: {award.certificate_number}" in text
    assert all(size == pytest.approx(p.LANDSCAPE, abs=0.5) for size in p.page_sizes(pdf))
    assert (document.parts_done, document.parts_total) == (2, 2)


def test_the_decision_page_offers_each_award_s_own_certificate(
    client, decision, chris, django_capture_on_commit_callbacks
):
    awards = list(decision.awards.order_by("certificate_number", "pk"))
    page_url = reverse("awards:decision-detail", args=[decision.pk])
    ask_url = reverse("documents:document-ask", args=[KIND, awards[0].pk])
    client.force_login(chris)
    page = client.get(page_url).content.decode()
    assert page.count("Tạo giấy khen (PDF)") == len(awards) and ask_url in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(ask_url, {"next": page_url})
    assert response.status_code == 302 and response["Location"] == page_url
    page = client.get(page_url).content.decode()
    made = document_request(kind=KIND, record=awards[0])
    assert reverse("documents:document-download", args=[made.pk]) in page and "Giấy khen (PDF)" in page
    assert page.count("Tạo giấy khen (PDF)") == len(awards) - 1, "the others still to be made"
