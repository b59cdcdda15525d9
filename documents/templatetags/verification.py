"""What a printed document carries so anyone can check it: {% load verification %}

{% verification_qr document %}   a QR code (SVG, about 22 mm) of the public page PORTAL_BASE_URL/xac-minh/<token>/
{% verification_code document %} the short code a person types on /xac-minh/, grouped "7KQ2-M9XD-P4TA"

Both print nothing when `document` is None (a file rendered outside the store, e.g. by a management command).
"""

from django import template
from django.utils.html import format_html

from documents.verification.links import verification_url

register = template.Library()

QR_SIZE_MM = 22


@register.simple_tag
def verification_qr(document, size_mm: int = QR_SIZE_MM) -> str:
    if document is None or not getattr(document, "token", ""):
        return ""
    import segno

    qr = segno.make(verification_url(document), error="m", micro=False)
    uri = qr.svg_data_uri(dark="#000", light=None, border=4, omitsize=True)
    size = max(10, min(int(size_mm), 60))
    return format_html(
        '<img class="verification-qr" src="{}" alt="Mã QR xác minh văn bản" style="width:{}mm;height:{}mm">',
        uri,
        size,
        size,
    )


@register.simple_tag
def verification_code(document) -> str:
    if document is None or not getattr(document, "code", ""):
        return ""
    return document.code_grouped


@register.simple_tag
def verification_link(document) -> str:
    """The public page's address as text (to print beside the QR code)."""
    return verification_url(document) if document is not None and getattr(document, "token", "") else ""
