"""Hostile-input rows of the monthly report pages (core/tests/test_hostile_input.py): the figures form, the
workflow steps, opening a month, evidence and urging, fed numbers no report holds, text no person types, ids
past 64 bits and other units' records.

Every case answers a Vietnamese error on the page (or a 404 for what is not the person's) and writes nothing.
"""

from datetime import date

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from core.tests.hostile import Case, post
from emulation.models import MonthlyReport
from emulation.reports import services
from emulation.tests.conftest import fill, form_of
from units.models import Unit

MONTH, SENT_MONTH = date(2026, 5, 1), date(2026, 6, 1)  # months the other row modules leave alone
TOO_BIG = "Quá lớn: tối đa 1.000.000.000."
NOT_A_NUMBER = "không phải là số"
NOT_FOUND = "Không tìm thấy trang"
HUGE = str(10**30)
EXE = b"MZ\x90\x00\x03" + b"\x00" * 200


def _open(ctx: dict, code: str, month: date, actor) -> MonthlyReport:
    unit = Unit.objects.get(code=code)
    found = MonthlyReport.objects.filter(campaign=ctx["campaign"], unit=unit, month=month).first()
    return found or services.report_open(campaign=ctx["campaign"], unit=unit, month=month, actor=actor)


def context(ctx: dict) -> dict:
    """alice's VP draft of May (filled, with a file), bob's KT-HT-ĐT draft of May, and VP's June report sent."""
    alice = ctx["alice"]
    draft = _open(ctx, "VP", MONTH, alice)
    if not draft.entries.filter(numerator__isnull=False).exists():
        fill(draft, alice)
    sent = _open(ctx, "VP", SENT_MONTH, alice)
    if sent.status == "draft":
        fill(sent, alice)
        services.report_transition(report=sent, action="submit", actor=alice)
    return {
        "reports_draft": draft,
        "reports_other": _open(ctx, "KTHTDT", MONTH, ctx["bob"]),
        "reports_sent": sent,
        "reports_entry": draft.entries.get(indicator__code="1.1"),
        "reports_evidence": draft.entries.get(indicator__code="1.1").evidence.first(),
        "reports_form": _edit_form(ctx["alice"], draft),
    }


def _edit_form(user, report: MonthlyReport) -> dict:
    """The figures form of `report` as its page shows it (every field, the version it shows)."""
    from django.test import Client

    browser = Client()
    browser.force_login(user)
    return form_of(browser.get(reverse("emulation:report-edit", kwargs={"pk": report.pk})).content.decode())


def edit(**changes) -> object:
    return post(
        lambda ctx: reverse("emulation:report-edit", kwargs={"pk": ctx["reports_draft"].pk}),
        lambda ctx: ctx["reports_form"] | changes,
    )


def step(action: str, data: dict, key: str = "reports_sent") -> object:
    return post(lambda ctx: reverse("emulation:report-transition", args=[ctx[key].pk, action]), data)


def upload(name: str, content: bytes, key: str = "reports_entry") -> object:
    def send(client, ctx):
        url = reverse("emulation:evidence-upload", kwargs={"entry_pk": ctx[key].pk})
        return client.post(url, {"file": SimpleUploadedFile(name, content)}, follow=True)

    return send


def open_month(unit: str, month: str) -> object:
    return post(
        lambda ctx: reverse("emulation:report-open", kwargs={"code": ctx["campaign"].code}),
        {"unit": unit, "month": month},
    )


def urge(unit: str, month: str) -> object:
    return post(
        lambda ctx: reverse("emulation:report-urge", kwargs={"code": ctx["campaign"].code}),
        {"unit": unit, "month": month},
    )


def _big_id(name: str, **kwargs) -> object:
    path = reverse(name, kwargs={key: 1 for key in kwargs})
    return post(lambda ctx: path.replace("/1/", "/" + "9" * 24 + "/", 1), {})


CASES = [
    # The figures form: every number bounded, every text bounded, as on PostgreSQL so on SQLite.
    Case("report-count-14-digits", "alice", edit(**{"e-1.5c-value": "10000000000000"}), 200, TOO_BIG),
    Case("report-count-10e30", "alice", edit(**{"e-1.2a-numerator": HUGE, "e-1.2a-denominator": HUGE}), 200, TOO_BIG),
    Case("report-count-2e63", "alice", edit(**{"e-1.2a-denominator": str(2**63)}), 200, TOO_BIG),
    Case("report-count-5000-digits", "alice", edit(**{"e-1.2a-denominator": "9" * 5000}), 200, TOO_BIG),
    Case("report-count-exponent", "alice", edit(**{"e-1.2a-numerator": "1e30"}), 200, NOT_A_NUMBER),
    Case(
        "report-numerator-2e31",
        "alice",
        edit(**{"e-1.2a-numerator": str(2**31), "e-1.2a-denominator": str(2**31)}),
        200,
        TOO_BIG,
    ),
    Case("report-count-negative", "alice", edit(**{"e-1.2a-numerator": "-1"}), 200, "Không được là số âm."),
    Case("report-count-nan", "alice", edit(**{"e-1.2a-numerator": "NaN"}), 200, NOT_A_NUMBER),
    Case("report-count-nul", "alice", edit(**{"e-1.2a-numerator": "9\x00"}), 200, NOT_A_NUMBER),
    Case("report-count-grouped", "alice", edit(**{"e-1.5c-value": "1.200"}), 200, "gõ liền các chữ số"),
    Case("report-one-stop-14-digits", "alice", edit(**{"os-received": "10000000000000"}), 200, TOO_BIG),
    Case("report-self-score-exponent", "alice", edit(**{"e-1.1-self_score": "1e30"}), 200, NOT_A_NUMBER),
    Case("report-self-score-10e30", "alice", edit(**{"e-1.1-self_score": HUGE}), 200, "Quá lớn"),
    Case(
        "report-self-score-above-points",
        "alice",
        edit(**{"e-1.1-self_score": "10,5"}),
        200,
        "Điểm tự chấm phải từ 0 đến 10.",
    ),
    Case(
        "report-self-score-3-decimals", "alice", edit(**{"e-1.1-self_score": "8,555"}), 200, "tối đa 2 chữ số thập phân"
    ),
    Case(
        "report-self-score-grouped",
        "alice",
        edit(**{"e-1.1-self_score": "1.234,5"}),
        200,
        "không dùng dấu phân cách hàng nghìn",
    ),
    Case(
        "report-explanation-100000",
        "alice",
        edit(**{"e-1.1-explanation": "a" * 100_000}),
        200,
        "Giải trình dài 100.000 ký tự, vượt giới hạn 5.000 ký tự.",
    ),
    Case("report-stale-version", "alice", edit(version="abc", **{"e-1.2a-numerator": "1"}), 409, "chưa lưu gì"),
    Case(
        "report-other-units-form",
        "alice",
        post(lambda ctx: reverse("emulation:report-edit", kwargs={"pk": ctx["reports_other"].pk}), {}),
        404,
        NOT_FOUND,
    ),
    Case("report-id-24-digits", "alice", _big_id("emulation:report-edit", pk=1), 404, NOT_FOUND),
    # The workflow's steps.
    Case("accept-appraisal-10e30", "sam", step("accept", {"appraise-1.1": HUGE}), 200, "Quá lớn"),
    Case("accept-appraisal-exponent", "sam", step("accept", {"appraise-1.1": "1e30"}), 200, NOT_A_NUMBER),
    Case(
        "accept-appraisal-above-points",
        "sam",
        step("accept", {"appraise-1.1": "11"}),
        200,
        "Điểm thẩm định phải từ 0 đến 10.",
    ),
    Case(
        "accept-appraisal-grouped",
        "sam",
        step("accept", {"appraise-1.1": "8.500,5"}),
        200,
        "không dùng dấu phân cách hàng nghìn",
    ),
    Case("accept-appraisal-missing", "sam", step("accept", {}), 200, "Cần nhập điểm thẩm định."),
    Case("return-without-reason", "sam", step("return", {"reason": "   "}), 200, "Cần ghi lý do."),
    Case(
        "return-reason-100000",
        "sam",
        step("return", {"reason": "x" * 100_000}),
        200,
        "Lý do dài 100.000 ký tự, vượt giới hạn 2.000 ký tự.",
    ),
    Case("accept-by-the-unit-head", "alice", step("accept", {"appraise-1.1": "8"}), 200, "Bạn không có quyền"),
    Case("step-unknown-action", "sam", step("xoa-het", {}), 404, NOT_FOUND),
    Case("step-other-units-report", "bob", step("withdraw", {}), 404, NOT_FOUND),
    # Opening a month.
    Case("open-future-month", "alice", open_month("VP", "2099-12"), 200, "nằm ngoài thời gian của phong trào"),
    Case("open-full-width-month", "alice", open_month("VP", "２０２６-１２"), 404, NOT_FOUND),
    Case("open-year-zero", "alice", open_month("VP", "0000-01"), 404, NOT_FOUND),
    Case("open-month-13", "alice", open_month("VP", "2026-13"), 404, NOT_FOUND),
    Case("open-other-unit", "alice", open_month("KTHTDT", "2026-04"), 404, NOT_FOUND),
    Case("open-by-the-chairman", "chris", open_month("VP", "2026-04"), 404, NOT_FOUND),
    # Evidence.
    Case(
        "evidence-executable-as-pdf", "alice", upload("bao-cao.pdf", EXE), 200, "không phải PDF, ảnh, .xlsx hay .docx"
    ),
    Case("evidence-empty-file", "alice", upload("trong.pdf", b""), 200, "không phải PDF, ảnh, .xlsx hay .docx"),
    Case("evidence-pdf-named-png", "alice", upload("anh.png", b"%PDF-1.4\n%%EOF\n"), 200, "tên tệp có đuôi khác"),
    Case(
        "evidence-nothing-chosen",
        "alice",
        post(lambda ctx: reverse("emulation:evidence-upload", kwargs={"entry_pk": ctx["reports_entry"].pk}), {}),
        200,
        "Chưa chọn tệp minh chứng.",
    ),
    Case("evidence-other-units-entry", "bob", upload("x.pdf", b"%PDF-1.4\n"), 404, NOT_FOUND),
    Case(
        "evidence-delete-other-units",
        "bob",
        post(lambda ctx: reverse("emulation:evidence-delete", kwargs={"pk": ctx["reports_evidence"].pk}), {}),
        404,
        NOT_FOUND,
    ),
    Case("evidence-id-24-digits", "alice", _big_id("emulation:evidence-delete", pk=1), 404, NOT_FOUND),
    # Urging.
    Case("urge-month-99", "sam", urge("KTHTDT", "2026-99"), 404, NOT_FOUND),
    Case("urge-unknown-unit", "sam", urge("XYZ", "2026-10"), 404, NOT_FOUND),
    Case("urge-by-a-unit-head", "alice", urge("KTHTDT", "2026-10"), 404, NOT_FOUND),
    Case("urge-a-unit-that-sent", "sam", urge("VP", "2026-06"), 200, "đã gửi báo cáo tháng 06/2026"),
]
