"""Signing (PAdES, pyHanko): a kind with signed=True is stored signed when a certificate is configured, its
visible signature in the box between the signer's position and name; the public page reports the signature
intact, or changed after signing; nothing is signed without a certificate, nor a kind with signed=False."""

import hashlib
import io

import pytest
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext
from pypdf import PdfReader

from documents.build import document_build
from documents.models import Document
from documents.signing import signature_check
from documents.tests import pdf as p


@pytest.fixture
def vp(ward):
    return ward.units["VP"]


def _built(kind, record) -> tuple[Document, bytes]:
    document = document_build(document_id=Document.objects.create(kind=kind.key, record_id=record.pk).pk)
    assert document.status == Document.Status.READY, document.failure
    with document.file.open("rb") as file:
        return document, file.read()


def all_fonts(pdf: bytes) -> set[str]:
    """Every font object in the file, the signature's appearance included (not only the pages' own)."""
    reader = PdfReader(io.BytesIO(pdf))
    names = set()
    for numbers in reader.xref.values():
        for number in numbers:
            obj = reader.get_object(number)
            if hasattr(obj, "get") and obj.get("/Type") == "/Font" and "/BaseFont" in obj:
                names.add(str(obj["/BaseFont"]).lstrip("/").split("+", 1)[-1])
    return names


def _tampered(pdf: bytes) -> bytes:
    """One byte changed inside the signed range (in the first page content stream's data)."""
    at = pdf.index(b"stream", 2000) + 20
    return pdf[:at] + bytes([pdf[at] ^ 0x01]) + pdf[at + 1 :]


def test_a_signed_kind_is_stored_signed_and_verifies(client, verified_kind, demo_certificate, vp):
    document, pdf = _built(verified_kind, vp)
    assert document.sha256 == hashlib.sha256(pdf).hexdigest(), "the hash is the signed file's"
    signatures = PdfFileReader(io.BytesIO(pdf)).embedded_signatures
    assert len(signatures) == 1
    status = validate_pdf_signature(signatures[0], ValidationContext(trust_roots=[], allow_fetching=False))
    assert status.intact and status.valid and status.coverage.name == "ENTIRE_FILE"
    assert "CHỨNG THƯ THỬ NGHIỆM" in signatures[0].signer_cert.subject.native["common_name"]
    check = signature_check(pdf)
    assert check.intact and check.self_signed

    fonts = all_fonts(pdf)
    assert fonts and all(p.font_is_liberation_serif(name) for name in fonts), fonts
    html = client.get(f"/xac-minh/{document.token}/").content.decode()
    assert "Chữ ký số" in html and "còn nguyên vẹn" in html and "(chứng thư thử nghiệm, tự ký)" in html


def test_the_visible_signature_sits_between_the_signers_position_and_name(verified_kind, demo_certificate, vp):
    _, pdf = _built(verified_kind, vp)
    reader = PdfReader(io.BytesIO(pdf))
    widgets = [
        (number, annot.get_object())
        for number, page in enumerate(reader.pages, start=1)
        for annot in page.get("/Annots") or []
        if annot.get_object().get("/FT") == "/Sig"
    ]
    assert len(widgets) == 1
    page, widget = widgets[0]
    x1, y1, x2, y2 = (float(v) for v in widget["/Rect"])
    lines = p.lines_of(pdf)
    position = p.line_with(lines, "CHÁNH VĂN PHÒNG")
    name = next(line for line in lines if line.text == "Nguyễn Thị Ánh Tuyết" and line.page == position.page)
    assert page == position.page
    assert name.y1 <= y1 < y2 <= position.y0, "between the position line and the name"
    assert x1 < (position.x0 + position.x1) / 2 < x2 and x2 <= p.A4[0] - 15 * p.MM + 1
    assert "/AP" in widget and (x2 - x1) > 150 and (y2 - y1) > 60
    assert not p.outside_margins(lines)


def test_a_byte_changed_after_signing_breaks_the_signature_and_the_page_says_so(
    client, verified_kind, demo_certificate, vp
):
    document, pdf = _built(verified_kind, vp)
    changed = _tampered(pdf)
    assert not signature_check(changed).intact
    with document.file.open("wb") as file:
        file.write(changed)
    html = client.get(f"/xac-minh/{document.token}/").content.decode()
    assert "bị thay đổi sau khi ký" in html and "còn nguyên vẹn" not in html


def test_without_a_certificate_nothing_is_signed_nor_says_so(client, settings, verified_kind, vp):
    settings.DOCUMENT_SIGNING_P12 = ""
    document, pdf = _built(verified_kind, vp)
    assert signature_check(pdf) is None and b"/ByteRange" not in pdf
    assert "Chữ ký số" not in client.get(f"/xac-minh/{document.token}/").content.decode()


def test_a_kind_not_signed_stays_unsigned_with_a_certificate(sample_kind, demo_certificate, vp):
    _, pdf = _built(sample_kind, vp)
    assert signature_check(pdf) is None and b"/ByteRange" not in pdf


def test_a_certificate_that_cannot_be_read_fails_the_document_with_a_reason(settings, verified_kind, vp, tmp_path):
    settings.DOCUMENT_SIGNING_P12 = str(tmp_path / "khong-co.p12")
    document = document_build(document_id=Document.objects.create(kind=verified_kind.key, record_id=vp.pk).pk)
    assert document.status == Document.Status.FAILED and "chứng thư số" in document.failure


def test_the_demo_certificate_is_made_once_self_signed_and_named_as_a_test(tmp_path):
    from django.core.management import call_command
    from pyhanko.sign.signers import SimpleSigner

    from documents.management.commands.signing_demo_cert import DEMO_NAME, DEMO_PASSWORD

    target = tmp_path / "signing" / "demo.p12"
    call_command("signing_demo_cert", "-o", str(target), stdout=io.StringIO())
    made = target.read_bytes()
    out = io.StringIO()
    call_command("signing_demo_cert", "-o", str(target), stdout=out)
    assert target.read_bytes() == made and "Đã có" in out.getvalue()
    signer = SimpleSigner.load_pkcs12(str(target), passphrase=DEMO_PASSWORD.encode())
    assert signer.signing_cert.subject.native["common_name"] == DEMO_NAME
    assert signer.signing_cert.self_signed in ("maybe", "yes")
