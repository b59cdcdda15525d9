"""The public verification: the QR code and short code a document prints, the page /xac-minh/<token>/ showing only
what the kind confirms, the code form /xac-minh/, the plain 404 for anything else, and the rate limit."""

import hashlib
import re
from urllib.parse import unquote

import pytest
import segno
from django.core.files.base import ContentFile
from django.template import Context, Template

from documents.models import CODE_ALPHABET, Document, code_new
from documents.tests.conftest import REVOKED
from documents.verification.links import verification_url
from documents.verification.services import code_normalise

PDF = b"%PDF-1.7\n%%EOF\n"


@pytest.fixture
def vp(ward):
    return ward.units["VP"]


def _stored(kind_key: str, record, status="ready") -> Document:
    document = Document(kind=kind_key, record_id=record.pk, status=status)
    if status == "ready":
        document.sha256 = hashlib.sha256(PDF).hexdigest()
        document.file.save("x.pdf", ContentFile(PDF), save=False)
    document.save()
    return document


def _tags(document) -> str:
    return Template("{% load verification %}{% verification_qr d %}|{% verification_code d %}").render(
        Context({"d": document})
    )


def test_the_tags_print_a_qr_code_of_the_public_address_and_the_grouped_code(db, settings, vp):
    settings.PORTAL_BASE_URL = "https://thidua.example.vn/"
    document = _stored("tests.verified", vp)
    url = verification_url(document)
    assert url == f"https://thidua.example.vn/xac-minh/{document.token}/"
    qr, code = _tags(document).split("|")
    expected = segno.make(url, error="m", micro=False).svg_data_uri(dark="#000", light=None, border=4, omitsize=True)
    src = re.search(r'src="([^"]+)"', qr).group(1)
    assert unquote(src.replace("&amp;", "&")) == unquote(expected) and "width:22mm;height:22mm" in qr
    assert re.fullmatch(f"[{CODE_ALPHABET}]{{4}}-[{CODE_ALPHABET}]{{4}}-[{CODE_ALPHABET}]{{4}}", code)
    assert code.replace("-", "") == document.code


def test_the_tags_print_nothing_for_a_file_made_outside_the_store():
    assert _tags(None) == "|"


def test_codes_are_twelve_unambiguous_letters_and_typed_loosely_they_still_read():
    codes = {code_new() for _ in range(200)}
    assert len(codes) == 200 and all(len(c) == 12 and set(c) <= set(CODE_ALPHABET) for c in codes)
    assert code_normalise(" 7kq2-m9xd p4ta\u200b") == "7KQ2M9XDP4TA"
    assert code_normalise("7KQ2-M9XD-P4T0") == ""  # 0 is not in the alphabet
    assert code_normalise("7" * 5000) == ""


def test_the_page_shows_only_what_the_kind_confirms_with_hash_and_issue_time(
    client, verified_kind, vp, django_assert_max_num_queries
):
    document = _stored("tests.verified", vp)
    with django_assert_max_num_queries(4):
        response = client.get(f"/xac-minh/{document.token}/")
    assert response.status_code == 200
    html = response.content.decode()
    labels = ["Người được khen thưởng", "Hình thức khen thưởng", "Quyết định"]
    positions = [html.index(label) for label in labels]
    assert positions == sorted(positions)
    assert "Nguyễn Thị Ánh Tuyết" in html and "15/QĐ-UBND ngày 05/01/2027" in html
    assert "Còn hiệu lực" in html and "ĐÃ BỊ THU HỒI" not in html
    assert document.sha256 in html
    assert "Chữ ký số" not in html, "an unsigned file says nothing about signing"
    assert response["X-Robots-Tag"].startswith("noindex") and 'name="robots" content="noindex' in html
    assert "/van-ban/" not in html and "/khen-thuong/" not in html and "dang-xuat" not in html


def test_a_revoked_document_shows_the_red_banner(client, verified_kind, vp):
    document = _stored("tests.verified", vp)
    REVOKED.add(vp.pk)
    html = client.get(f"/xac-minh/{document.token}/").content.decode()
    assert "ĐÃ BỊ THU HỒI" in html and "alert-danger" in html and "Còn hiệu lực" not in html


def test_anything_but_a_ready_verifiable_document_answers_the_plain_404(client, verified_kind, sample_kind, vp):
    plain = client.get("/khong-co-trang-nay/")
    tokens = [
        _stored("tests.verified", vp, status="queued").token,  # not ready
        _stored("tests.sample", vp).token,  # a kind without a public page
        _stored("tests.unregistered", vp).token,  # a kind no app registers
        "A" * 43,
    ]
    for token in tokens:
        response = client.get(f"/xac-minh/{token}/")
        assert response.status_code == 404 and response.content == plain.content, token


def test_the_code_form_leads_to_the_document_or_says_it_is_not_found(client, verified_kind, sample_kind, vp):
    document = _stored("tests.verified", vp)
    page = client.get("/xac-minh/")
    assert page.status_code == 200 and "Mã xác minh" in page.content.decode()
    typed = document.code_grouped.lower()
    assert client.get("/xac-minh/", {"code": typed}).url == f"/xac-minh/{document.token}/"
    hidden = _stored("tests.sample", vp)
    for code in ("ABCD-EFGH-JKLM", hidden.code, "x" * 500):
        response = client.get("/xac-minh/", {"code": code})
        assert response.status_code == 200 and "Không tìm thấy văn bản với mã này." in response.content.decode()


def test_each_page_answers_429_past_the_limit_per_address(client, settings, verified_kind, vp):
    settings.VERIFICATION_RATE_PER_MINUTE = 3
    document = _stored("tests.verified", vp)
    answers = [client.get(f"/xac-minh/{document.token}/").status_code for _ in range(4)]
    assert answers == [200, 200, 200, 429]
    refused = client.get(f"/xac-minh/{document.token}/")
    assert "quá nhiều lần" in refused.content.decode() and refused["Retry-After"] == "60"
    assert client.get("/xac-minh/").status_code == 200, "the form counts on its own"
    assert client.get("/xac-minh/", REMOTE_ADDR="10.0.0.9").status_code == 200
    for _ in range(3):
        client.get("/xac-minh/", {"code": "ABCD"})
    assert client.get("/xac-minh/", {"code": document.code}).status_code == 429
    other = client.get(f"/xac-minh/{document.token}/", REMOTE_ADDR="10.0.0.8")
    assert other.status_code == 200, "another address has its own count"
