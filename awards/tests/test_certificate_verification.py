"""A real Giấy khen, signed with the demo certificate, checked as anyone holding the paper would: its printed short
code and its QR address lead to the public page, which confirms the recipient, the award and the decision and
that the signature is intact; a token changed by one character answers 404; a later revocation shows there."""

import pytest
from django.urls import reverse
from django.utils import timezone

from awards.decisions.papers.certificate import KIND
from awards.decisions.services import awards_revoke
from awards.history.models import Award
from awards.tests import council_support as support
from documents.services import document_request
from documents.tests import pdf as p
from documents.tests.conftest import demo_certificate  # noqa: F401  (the fixture)

pytestmark = pytest.mark.django_db


@pytest.fixture
def certificate(campaign, sam, chris, demo_certificate, django_capture_on_commit_callbacks):  # noqa: F811
    decision = support.decided(campaign, support.own_form(campaign, "GK-QD-GK"), "TTDVTH", sam, chris)
    award = decision.awards.get(beneficiary=Award.Beneficiary.INDIVIDUAL)
    with django_capture_on_commit_callbacks(execute=True):
        document = document_request(kind=KIND, record=award)
    document.refresh_from_db()
    assert document.status == "ready", document.failure
    return award, document


def _pdf(document) -> bytes:
    with document.file.open("rb") as file:
        return file.read()


def test_the_printed_code_leads_to_a_page_that_confirms_the_award_and_an_intact_signature(client, certificate):
    award, document = certificate
    text = p.text_of(_pdf(document))
    assert document.code_grouped in text, "the short code is printed on the certificate"
    response = client.get(reverse("verification:lookup"), {"code": document.code_grouped.lower()}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("verification:document", args=[document.token])
    page = " ".join(response.content.decode().split())
    for shown in (award.name, award.title, award.decision_number, "Còn hiệu lực", document.sha256):
        assert shown in page, shown
    assert "còn nguyên vẹn" in page and "ĐÃ BỊ THU HỒI" not in page
    assert award.unit_name and award.unit_name not in page, "nothing beyond what the page confirms"


def test_a_token_changed_by_one_character_answers_404(client, certificate):
    _, document = certificate
    last = "A" if document.token[-1] != "A" else "B"
    changed = document.token[:-1] + last
    assert client.get(reverse("verification:document", args=[changed])).status_code == 404
    assert client.get(reverse("verification:document", args=[document.token])).status_code == 200


def test_a_revoked_certificate_says_so_on_its_page(client, certificate, chris):
    award, document = certificate
    awards_revoke(
        awards=[award],
        actor=chris,
        issued_on=timezone.localdate(),
        reason="Thành tích kê khai không đúng.",
        signer_title="Chủ tịch",
        signer_name="Nguyễn Văn Chris",
    )
    page = " ".join(client.get(reverse("verification:document", args=[document.token])).content.decode().split())
    assert "ĐÃ BỊ THU HỒI" in page and "Còn hiệu lực" not in page
