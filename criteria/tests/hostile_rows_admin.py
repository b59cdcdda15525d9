"""Hostile-input rows of the admin's indicator page (core/tests/test_hostile_input.py): thresholds no plan has,
numbers written as no clerk writes them, a month no campaign holds, an edit based on an older version, and the
preview fed the same. Every one is refused on the page, in Vietnamese, and nothing is saved."""

from django.urls import reverse

from core.tests.hostile import Case, post
from criteria.models import Indicator
from criteria.tests.test_admin_validation import _indicator_form


def context(ctx: dict) -> dict:
    return {"admin_indicator": Indicator.objects.get(campaign=ctx["campaign"], code="1.3c")}


def change(**typed) -> object:
    def data(ctx):
        indicator = ctx["admin_indicator"]
        return _indicator_form(indicator, based_on=str(indicator.version), effective_from="11/2026") | typed

    return post(lambda ctx: reverse("admin:criteria_indicator_change", args=[ctx["admin_indicator"].pk]), data)


def preview(**typed) -> object:
    def data(ctx):
        return _indicator_form(ctx["admin_indicator"], effective_from="01/2026") | typed

    return post(lambda ctx: reverse("admin:criteria_indicator_preview", args=[ctx["admin_indicator"].pk]), data)


CASES = [
    Case("admin-target-exponent", "ada", change(target="1e30"), 200, "không phải là số"),
    Case("admin-target-10e30", "ada", change(target=str(10**30)), 200, "Quá lớn"),
    Case("admin-target-grouped", "ada", change(target="1.234,5"), 200, "không dùng dấu phân cách hàng nghìn"),
    Case("admin-target-above-100", "ada", change(target="100,01"), 200, "Chỉ tiêu tỷ lệ phải nằm trong khoảng 0–100%."),
    Case("admin-points-negative", "ada", change(points="-5"), 200, "Không được là số âm."),
    Case("admin-points-5000-digits", "ada", change(points="9" * 5000), 200, "Quá lớn"),
    Case("admin-points-3-decimals", "ada", change(points="9,999"), 200, "tối đa 2 chữ số thập phân"),
    Case("admin-month-13", "ada", change(target="98", effective_from="13/2026"), 200, "Nhập một ngày hợp lệ"),
    Case(
        "admin-month-outside",
        "ada",
        change(target="98", effective_from="01/2031"),
        200,
        "Tháng áp dụng phải nằm trong thời gian của phong trào.",
    ),
    Case(
        "admin-stale-version", "ada", change(target="98", based_on="999"), 200, "Đã có người khác thay đổi nội dung này"
    ),
    Case("admin-preview-exponent", "ada", preview(target="1e30"), 200, "không phải là số"),
    Case(
        "admin-preview-id-24-digits",
        "ada",
        post(lambda ctx: "/quan-tri/criteria/indicator/" + "9" * 24 + "/xem-truoc/", {}),
        200,
        "Có thể bản ghi đã bị xóa.",  # the admin's own answer for a record it does not have
    ),
    Case("admin-by-a-unit-head", "alice", change(target="50"), 200, "Đăng nhập"),
]
