"""Signing a rendered PDF (PAdES B-B, pyHanko) with the configured PKCS#12 certificate and a visible stamp."""

import binascii
import io
import uuid
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from zoneinfo import ZoneInfo

from django.conf import settings
from pyhanko.pdf_utils.content import ImportedPdfPage
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.layout import AxisAlignment, BoxConstraints, Margins, SimpleBoxLayoutRule
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields, signers
from pyhanko.stamp import StaticStampStyle

from documents.render import RenderFailed
from documents.signing.place import signature_box
from documents.signing.stamp import stamp_pdf

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")
FIELD = "ChuKySo"
TEST_MARK = "(CHỨNG THƯ THỬ NGHIỆM)"


def signing_configured() -> bool:
    """Is a certificate configured (settings.DOCUMENT_SIGNING_P12)? Without one, documents are not signed."""
    return bool(getattr(settings, "DOCUMENT_SIGNING_P12", ""))


@lru_cache(maxsize=4)
def _signer(path: str, password: str, mtime: float):
    signer = signers.SimpleSigner.load_pkcs12(path, passphrase=password.encode() if password else None)
    if signer is None:
        raise RenderFailed(f"Không đọc được chứng thư số {path} (sai mật khẩu hoặc tệp hỏng).")
    return signer


def signer_load():
    path = Path(settings.DOCUMENT_SIGNING_P12)
    if not path.is_file():
        raise RenderFailed(f"Không có tệp chứng thư số {path} (DOCUMENT_SIGNING_P12).")
    return _signer(str(path), settings.DOCUMENT_SIGNING_PASSWORD or "", path.stat().st_mtime)


class PdfPageBytes(ImportedPdfPage):
    """pyHanko's ImportedPdfPage (a page of another PDF as the appearance), read from bytes instead of a file."""

    def __init__(self, data: bytes):
        super().__init__(file_name="", page_ix=0)
        self.data = data

    def render(self) -> bytes:
        xobject = self._ensure_writer.import_page_as_xobject(PdfFileReader(io.BytesIO(self.data)), page_ix=0)
        name = b"/Import" + binascii.hexlify(uuid.uuid4().bytes)
        self.resources.xobject[name.decode("ascii")] = xobject
        x1, y1, x2, y2 = xobject.get_object()["/BBox"]
        self.box = BoxConstraints(width=abs(x1 - x2), height=abs(y1 - y2))
        return name + b" Do"


def _names(signer) -> tuple[str, str, bool]:
    """(the organisation as the stamp writes it, the seal's ring text, is it a self-signed test certificate)."""
    subject = signer.signing_cert.subject.native
    common = subject.get("common_name", "") or subject.get("organization_name", "")
    organisation = subject.get("organization_name", "") or common
    self_signed = signer.signing_cert.self_signed in ("maybe", "yes")
    return common, organisation.replace(TEST_MARK, "").strip(), self_signed


def pdf_sign(pdf: bytes, *, signed_at: datetime | None = None) -> bytes:
    """`pdf` signed with the configured certificate, the stamp drawn in its signature box (if it has one)."""
    signer = signer_load()
    common, seal_name, self_signed = _names(signer)
    signed_at = (signed_at or datetime.now(tz=VIETNAM)).astimezone(VIETNAM).replace(microsecond=0)
    place = signature_box(pdf)
    meta = signers.PdfSignatureMetadata(
        field_name=FIELD,
        md_algorithm="sha256",
        subfilter=fields.SigSeedSubFilter.PADES,
        name=common,
        location=getattr(settings, "DOCUMENT_SIGNING_LOCATION", "") or None,
    )
    if place is None:
        spec, style = fields.SigFieldSpec(FIELD), None
    else:
        page, box = place
        artwork = stamp_pdf(organisation=common, seal_name=seal_name, signed_at=signed_at, test_certificate=self_signed)
        spec = fields.SigFieldSpec(FIELD, on_page=page, box=box)
        style = StaticStampStyle(
            background=PdfPageBytes(artwork),
            border_width=0,
            background_opacity=1.0,
            background_layout=SimpleBoxLayoutRule(
                x_align=AxisAlignment.ALIGN_MID, y_align=AxisAlignment.ALIGN_MID, margins=Margins.uniform(0)
            ),
        )
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
    pdf_signer = signers.PdfSigner(meta, signer=signer, stamp_style=style, new_field_spec=spec)
    return pdf_signer.sign_pdf(writer).getvalue()
