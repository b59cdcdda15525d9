"""Hostile-input rows of the Giấy khen blank's layout in the admin (core/tests/test_hostile_input.py): a position
off the sheet, below zero, written as no clerk writes it, a box past the sheet's right edge, a font size no printer
has, an id no layout has, and the test print asked by who may not. Every one is refused on the page and nothing is
saved."""

from django.urls import reverse

from awards.decisions.models import CertificateLayout
from core.tests.hostile import Case, get, post
from units.models import Unit

NOT_FOUND = "Không tìm thấy trang"


def context(ctx: dict) -> dict:
    issuer = Unit.objects.filter(parent__isnull=True).order_by("pk").first()
    layout, _ = CertificateLayout.objects.get_or_create(issuer=issuer)
    return {"layout": layout}


def change(**typed):
    def data(ctx):
        layout = ctx["layout"]
        body = {"issuer": layout.issuer_id, "font_size": "15", "recipient_size": "24"}
        for box in layout.boxes():
            for axis in ("x", "y", "width"):
                body[f"{box['name']}_{axis}"] = str(box[axis])
        return body | typed

    return post(lambda ctx: reverse("admin:awards_certificatelayout_change", args=[ctx["layout"].pk]), data)


CASES = [
    Case("layout-x-past-the-sheet", "ada", change(recipient_x="297,5"), 200, "cách mép trái phải từ 0 đến 297."),
    Case("layout-y-past-the-sheet", "ada", change(recipient_y="211"), 200, "cách mép trên phải từ 0 đến 210."),
    Case("layout-negative", "ada", change(signer_y="-1"), 200, "Không được là số âm."),
    Case("layout-exponent", "ada", change(decision_x="1e30"), 200, "“1e30” không phải là số."),
    Case("layout-5000-digits", "ada", change(decision_x="9" * 5000), 200, "Quá dài: ghi số milimét"),
    Case("layout-2-decimals", "ada", change(decision_x="8,25"), 200, "Chỉ được tối đa 1 chữ số thập phân."),
    Case("layout-blank", "ada", change(decision_x=""), 200, "Cần ghi số milimét."),
    Case("layout-box-past-right-edge", "ada", change(decision_x="200", decision_width="120"), 200, "vượt mép phải"),
    Case("layout-font-size-zero", "ada", change(font_size="0"), 200, "lớn hơn hoặc bằng 8"),
    Case("layout-font-size-huge", "ada", change(recipient_size="999"), 200, "nhỏ hơn hoặc bằng 60"),
    Case("layout-by-a-unit-head", "alice", change(recipient_x="50"), 200, "Đăng nhập"),
    Case(
        "layout-test-print-id-24-digits",
        "ada",
        get(lambda ctx: "/khen-thuong/phoi-giay-khen/" + "9" * 24 + "/in-thu/"),
        404,
        NOT_FOUND,
    ),
    Case(
        "layout-test-print-by-the-chairman",
        "chris",
        get(lambda ctx: reverse("awards:certificate-test-print", args=[ctx["layout"].pk])),
        404,
        NOT_FOUND,
    ),
]
