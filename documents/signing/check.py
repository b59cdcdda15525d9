"""Is a stored PDF's digital signature still intact (pyHanko's validation, no trust decision: a self-signed test
certificate is not trusted anywhere, so the page reports integrity and says what kind of certificate signed)."""

import io
import logging
from dataclasses import dataclass

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SignatureCheck:
    intact: bool
    """The signed bytes are unchanged and the whole file is what was signed."""
    self_signed: bool
    signer: str
    """The certificate's subject (common name), "" when unreadable."""


def signature_check(data: bytes) -> SignatureCheck | None:
    """The state of the file's last signature; None when the file carries none."""
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    try:
        signatures = PdfFileReader(io.BytesIO(data), strict=False).embedded_signatures
    except Exception:  # a file too damaged to read: if it says it was signed, it was changed
        return SignatureCheck(intact=False, self_signed=False, signer="") if b"/ByteRange" in data else None
    if not signatures:
        return None
    signature = signatures[-1]
    cert = signature.signer_cert
    signer = cert.subject.native.get("common_name", "") if cert is not None else ""
    self_signed = cert is not None and cert.self_signed in ("maybe", "yes")
    try:
        status = validate_pdf_signature(signature, ValidationContext(trust_roots=[], allow_fetching=False))
        intact = bool(status.intact and status.valid) and status.coverage.name in ("ENTIRE_FILE", "ENTIRE_REVISION")
        intact = intact and (status.coverage.name == "ENTIRE_FILE" or not status.modification_level)
    except Exception:
        log.info("Signature validation failed", exc_info=True)
        intact = False
    return SignatureCheck(intact=intact, self_signed=self_signed, signer=str(signer))
