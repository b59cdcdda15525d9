"""Where the visible signature goes: the box the page frame leaves for it between the signer's position and name
(<div id="signature-box"> in documents/frame.html), which WeasyPrint writes into the PDF as the named destination
"signature-box" — its page and top-left corner; the size is the CSS one (stamp.SIGNATURE_BOX_MM). A document
without the box is signed invisibly."""

import io

from pypdf import PdfReader

from documents.signing.stamp import SIGNATURE_BOX_MM

ANCHOR = "signature-box"
MM = 72 / 25.4


def signature_box(pdf: bytes) -> tuple[int, tuple[int, int, int, int]] | None:
    """(page index, (x1, y1, x2, y2) in PDF points) of the signature box, or None when the document has none."""
    reader = PdfReader(io.BytesIO(pdf))
    destination = reader.named_destinations.get(ANCHOR)
    if destination is None:
        return None
    page = reader.get_destination_page_number(destination)
    left, top = float(destination.left or 0), float(destination.top or 0)
    width, height = SIGNATURE_BOX_MM[0] * MM, SIGNATURE_BOX_MM[1] * MM
    if page < 0 or top - height < 0:
        return None
    return page, (round(left), round(top - height), round(left + width), round(top))
