"""Printing a Giấy khen on the ward's pre-printed blank (awards.decisions.papers.blank): each text sits where the
admin put it (pdfminer's coordinates within 1 mm of the layout's milimét), moving a field moves it and makes the
print again; the merged blank print holds one page per certificate; the layout's test print is the admin's and
the secretariat's; the admin form keeps every position on the sheet."""

from decimal import Decimal

import pytest
from django.urls import reverse

from awards.decisions.models import CertificateLayout
from awards.decisions.papers.blank import BLANK, MERGED_BLANK, TEST_PRINT
from awards.history.models import Award
from awards.tests import council_support as support
from documents.build import document_pdf
from documents.registry import document_kind
from documents.services import document_request
from documents.tests import pdf as p

pytestmark = pytest.mark.django_db


@pytest.fixture
def decision(campaign, sam, chris):
    return support.decided(campaign, support.own_form(campaign, "GK-QD-PHOI"), "TTDVTH", sam, chris)


@pytest.fixture
def award(decision) -> Award:
    return decision.awards.get(beneficiary=Award.Beneficiary.INDIVIDUAL)


def _at(pdf: bytes, text: str) -> tuple[float, float]:
    """Where a line starts: (mm from the left edge, mm from the top edge to the line's top)."""
    line = p.line_with(p.lines_of(pdf), text)
    return line.x0 / p.MM, (p.LANDSCAPE[1] - line.y1) / p.MM


def test_the_text_sits_at_the_admin_s_positions_and_moves_with_them(award, decision):
    layout = CertificateLayout.objects.create(issuer=decision.issuer)
    pdf = document_pdf(kind=document_kind(BLANK), record=award)
    p.assert_landscape_sheet(pdf)
    for text, name in ((award.name, "recipient"), (f"Quyết định số {award.decision_number}", "decision")):
        x, y = _at(pdf, text)
        assert x == pytest.approx(float(getattr(layout, f"{name}_x")), abs=1), name
        assert y == pytest.approx(float(getattr(layout, f"{name}_y")), abs=1), name
    assert "GIẤY KHEN" not in p.text_of(pdf) and "CỘNG HÒA" not in p.text_of(pdf), "the blank has them printed"

    layout.recipient_x, layout.recipient_y = Decimal("80.5"), Decimal("70")
    layout.decision_y = Decimal("160")
    layout.save()
    moved = document_pdf(kind=document_kind(BLANK), record=award)
    assert _at(moved, award.name) == pytest.approx((80.5, 70), abs=1)
    assert _at(moved, f"Quyết định số {award.decision_number}")[1] == pytest.approx(160, abs=1)


def test_a_moved_field_makes_the_blank_print_again(award, decision, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first = document_request(kind=BLANK, record=award)
    CertificateLayout.objects.create(issuer=decision.issuer, signer_y=Decimal("190"))
    with django_capture_on_commit_callbacks(execute=True):
        second = document_request(kind=BLANK, record=award)
    assert second.pk != first.pk


def test_the_merged_blank_print_has_one_page_per_certificate(decision, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        document = document_request(kind=MERGED_BLANK, record=decision)
    document.refresh_from_db()
    assert document.status == "ready", document.failure
    pages = p.pages_text(document.file.read())
    awards = list(decision.awards.order_by("certificate_number"))
    assert len(pages) == len(awards) and all(a.name in t for t, a in zip(pages, awards, strict=True))
    assert (document.parts_done, document.parts_total) == (2, 2)


def test_the_test_print_draws_each_box_with_its_name_for_the_admin_and_secretariat_only(
    client, decision, ada, sam, chris, alice
):
    layout = CertificateLayout.objects.create(issuer=decision.issuer)
    url = reverse("awards:certificate-test-print", args=[layout.pk])
    for user, status in ((ada, 200), (sam, 200), (chris, 404), (alice, 404)):
        client.force_login(user)
        response = client.get(url)
        assert response.status_code == status, user
    pdf = document_pdf(kind=document_kind(TEST_PRINT), record=layout)
    text = p.text_of(pdf)
    assert p.page_sizes(pdf) == [pytest.approx(p.LANDSCAPE, abs=0.5)]
    for label in CertificateLayout.FIELDS.values():
        assert label in text
    assert "Nguyễn Văn A" in text and " 100 " in f" {text} "


def test_the_admin_form_keeps_every_position_on_the_sheet(client, ada, decision):
    client.force_login(ada)
    url = reverse("admin:awards_certificatelayout_add")
    fields = {f"{name}_{axis}": "10" for name in CertificateLayout.FIELDS for axis in ("x", "y", "width")}
    data = {"issuer": decision.issuer.pk, "font_size": "15", "recipient_size": "24", **fields}
    refused = client.post(url, {**data, "recipient_x": "298", "decision_x": "200", "decision_width": "120"})
    assert refused.status_code == 200 and not CertificateLayout.objects.exists()
    page = refused.content.decode()
    assert "297" in page and "vượt mép phải" in page
    assert client.post(url, data).status_code == 302
    layout = CertificateLayout.objects.get()
    assert (
        "In thử vị trí"
        in client.get(reverse("admin:awards_certificatelayout_change", args=[layout.pk])).content.decode()
    )
