"""Printing a Giấy khen on the ward's pre-printed blank ("awards.certificate_blank"): only the variable text, each
field absolutely positioned in milimét from the sheet's top left corner as the admin set it (CertificateLayout, one
per issuing body; the defaults until one is saved). Moving a field makes the print again. The layout's test print
("awards.certificate_test_print") draws each field's box with its name and a 10 mm ruler along the edges, to
hold against a blank in the light."""

from awards.decisions.models import SHEET_HEIGHT_MM, SHEET_WIDTH_MM, CertificateLayout
from awards.decisions.papers.certificate import (
    BLANK,
    can_view_certificate,
    certificate_fields,
    certificate_find,
    merged_certificates,
)
from core.permissions import is_admin, is_secretariat
from documents.registry import DocumentKind, document_kind_register, version_of

TEST_PRINT = "awards.certificate_test_print"
MERGED_BLANK = "awards.decision_certificates_blank"
SAMPLE = {
    "recipient": "Ông Nguyễn Văn A",
    "position": "Công chức Văn phòng HĐND và UBND phường",
    "achievement": "Đã có thành tích xuất sắc trong phong trào thi đua năm 2026.",
    "decision": "Quyết định số 12/QĐ-UBND ngày 25/11/2026",
    "register": "Số sổ: 34",
    "date_line": "Nam Gia Nghĩa, ngày 25 tháng 11 năm 2026",
    "signer": "Nguyễn Văn B",
}


def layout_of(issuer) -> CertificateLayout:
    """The issuer's layout, or the defaults (unsaved) until the admin sets one."""
    return CertificateLayout.objects.filter(issuer=issuer).first() or CertificateLayout(issuer=issuer)


def layout_version(layout: CertificateLayout) -> int:
    shown = [(b["name"], str(b["x"]), str(b["y"]), str(b["width"])) for b in layout.boxes()]
    shown += [layout.font_size, layout.recipient_size]
    return version_of(shown)


def can_set_layout(user, layout=None) -> bool:
    """The blank's positions and their test print: the admin and the secretariat."""
    return bool(is_admin(user) or is_secretariat(user))


def _boxes(layout: CertificateLayout, texts: dict) -> list[dict]:
    return [{**box, "text": texts.get(box["name"], "")} for box in layout.boxes()]


def blank_context(award) -> dict:
    fields = certificate_fields(award)
    signer = fields["signer"]
    texts = {
        **fields,
        "recipient": f"{fields['honorific']} {fields['recipient']}".strip(),
        "signer": signer,
    }
    layout = layout_of(award.decision.issuer)
    return {"layout": layout, "boxes": _boxes(layout, texts), "test_print": False}


def test_print_context(layout: CertificateLayout) -> dict:
    return {
        "layout": layout,
        "boxes": _boxes(layout, SAMPLE),
        "test_print": True,
        "ticks_x": range(10, SHEET_WIDTH_MM, 10),
        "ticks_y": range(10, SHEET_HEIGHT_MM, 10),
    }


document_kind_register(
    DocumentKind(
        key=BLANK,
        template="awards/documents/certificate_blank.html",
        find=certificate_find,
        context=blank_context,
        can_view=can_view_certificate,
        version=lambda award: layout_version(layout_of(award.decision.issuer)),
        filename=lambda award: f"giay-khen-phoi-{award.decision_date:%Y}-{award.certificate_number or award.pk}.pdf",
    )
)

document_kind_register(
    DocumentKind(
        key=TEST_PRINT,
        template="awards/documents/certificate_blank.html",
        find=lambda pk: CertificateLayout.objects.select_related("issuer").filter(pk=pk).first(),
        context=test_print_context,
        can_view=can_set_layout,
        version=layout_version,
        filename=lambda layout: f"in-thu-phoi-giay-khen-{layout.pk}.pdf",
        model=CertificateLayout,
    )
)

document_kind_register(
    merged_certificates(
        key=MERGED_BLANK,
        parts_kind=BLANK,
        template="awards/documents/certificate_blank.html",
        filename=lambda decision: f"giay-khen-phoi-qd-{decision.number}-{decision.year}.pdf",
        # Not frozen: the positions on the blank are the admin's, and a moved field prints anew.
        version=lambda decision: layout_version(layout_of(decision.issuer)),
    )
)
