"""Hostile-input rows of the chairman's page and the decision register (core/tests/test_hostile_input.py): a
rejection without its reason, a nominee left without a word, a dossier reviewed twice or changed since the page
was shown; a decision when nothing awaits one, on a day to come, for a province's form, without a signer; an
award revoked twice, none chosen, no reason; a year no calendar has; other roles than the chairman's.

Every case answers a Vietnamese message on the page (or a 404 for who may not) and writes nothing.
"""

from django.urls import reverse

from awards.decisions import services as decisions
from awards.tests import council_support as support
from core.tests.hostile import Case, get, post

NOT_FOUND = "Không tìm thấy trang"
FORM = "GK-QD-HOSTILE"


def context(ctx: dict) -> dict:
    """TT DVTH's dossier decided under an award form of these rows only, its official's award then revoked; VH-XH's
    dossier proposed to the chairman (the unit 8 votes, its official 7: both passed)."""
    campaign, sam, chris = ctx["campaign"], ctx["sam"], ctx["chris"]
    form = support.own_form(campaign, FORM)
    decision = support.decided(campaign, form, "TTDVTH", sam, chris)
    awards = list(decision.awards.order_by("certificate_number"))
    decisions.awards_revoke(
        awards=[awards[1]],
        actor=chris,
        issued_on=support.ISSUED_ON,
        reason="Kê khai thành tích không trung thực.",
        signer_title="Chủ tịch",
        signer_name="Nguyễn Văn Chris",
    )
    dossier, nominees = support.proposed(campaign, form, "VHXH", sam, [8, 7])
    return {
        "decisions_decision": decision,
        "decisions_awards": awards,
        "decisions_decided": decision.awards.first().nominee.dossier,
        "decisions_proposed": dossier,
        "decisions_nominees": nominees,
    }


def review(words, version=None, key: str = "decisions_proposed"):
    """The chairman's form for one dossier: words(nominees) → {index: (choice, reason)}."""

    def data(ctx):
        dossier = ctx[key]
        nominees = list(dossier.nominees.order_by("order", "pk"))
        body = {"version": str(dossier.version if version is None else version)}
        for i, (choice, reason) in words.items():
            body |= {f"decision-{nominees[i].pk}": choice, f"reason-{nominees[i].pk}": reason}
        return body

    return post(lambda ctx: reverse("awards:chairman-review", args=[ctx[key].pk]), data)


def approve_all(shown):
    return post(lambda ctx: reverse("awards:chairman-approve-all"), lambda ctx: {"dossier": shown(ctx)})


def issue(**changes):
    def data(ctx):
        good = {
            "campaign": ctx["campaign"].code,
            "award_form": FORM,
            "issued_on": "2026-11-26",
            "signer_title": "Chủ tịch",
            "signer_name": "Nguyễn Văn Chris",
            "back": "cho-duyet",
        }
        return good | changes

    return post(lambda ctx: reverse("awards:decision-issue"), data)


def revoke(awards=lambda ctx: [ctx["decisions_awards"][0].pk], **changes):
    def data(ctx):
        good = {
            "award": [str(pk) for pk in awards(ctx)],
            "reason": "Trùng thành tích đã khen.",
            "issued_on": "27/11/2026",
            "signer_title": "Chủ tịch",
            "signer_name": "Nguyễn Văn Chris",
        }
        return good | changes

    return post(lambda ctx: reverse("awards:decision-revoke", args=[ctx["decisions_decision"].pk]), data)


def register(query: str):
    return get(lambda ctx: f"{reverse('awards:decision-list')}?{query}")


APPROVE, REJECT = "approve", "reject"

CASES = [
    Case(
        "chairman-rejects-without-reason",
        "chris",
        review({0: (APPROVE, ""), 1: (REJECT, "  ")}),
        400,
        "Cần ghi lý do không đồng ý khen Cán bộ VHXH 1.",
    ),
    Case(
        "chairman-leaves-a-nominee-without-a-word",
        "chris",
        review({0: (APPROVE, "")}),
        400,
        "Chưa có ý kiến duyệt cho Cán bộ VHXH 1.",
    ),
    Case(
        "chairman-reason-of-5000-characters",
        "chris",
        review({0: (APPROVE, ""), 1: (REJECT, "x" * 5000)}),
        200,
        "dài 5.000 ký tự, vượt giới hạn 2.000 ký tự",
    ),
    Case("chairman-choice-not-offered", "chris", review({0: ("maybe", ""), 1: ("1", "")}), 400, "Chưa có ý kiến duyệt"),
    Case(
        "chairman-reviews-a-dossier-already-reviewed",
        "chris",
        review({0: (APPROVE, "")}, key="decisions_decided"),
        200,
        "Đã “duyệt” rồi",
    ),
    Case(
        "chairman-reviews-a-dossier-changed-since-shown",
        "chris",
        review({0: (APPROVE, ""), 1: (APPROVE, "")}, version=999),
        409,
        "Đã có người khác thay đổi nội dung này sau khi bạn mở trang; chưa lưu gì.",
    ),
    Case(
        "chairman-approve-all-twice",
        "chris",
        approve_all(lambda ctx: [f"{ctx['decisions_decided'].pk}:{ctx['decisions_decided'].version}"]),
        200,
        "Đã duyệt rồi: 1 hồ sơ đã được duyệt trước đó, không duyệt lại.",
    ),
    Case(
        "chairman-approve-all-changed-since-shown",
        "chris",
        approve_all(lambda ctx: [f"{ctx['decisions_proposed'].pk}:999"]),
        200,
        "hồ sơ đã thay đổi sau khi bạn mở trang; chưa duyệt",
    ),
    Case(
        "chairman-approve-all-garbage",
        "chris",
        approve_all(lambda ctx: ["abc", "1:2:3", "9" * 40 + ":1"]),
        200,
        "Không có hồ sơ nào chờ duyệt.",
    ),
    Case("chairman-review-by-secretariat", "sam", review({0: (APPROVE, ""), 1: (APPROVE, "")}), 404, NOT_FOUND),
    Case(
        "chairman-approve-all-by-unit-head",
        "bob",
        approve_all(lambda ctx: [f"{ctx['decisions_proposed'].pk}:{ctx['decisions_proposed'].version}"]),
        404,
        NOT_FOUND,
    ),
    Case(
        "chairman-review-id-past-64-bits",
        "chris",
        post(lambda ctx: f"/khen-thuong/cho-duyet/{'9' * 24}/", {}),
        404,
        NOT_FOUND,
    ),
    Case("decision-issue-when-nothing-awaits", "chris", issue(), 200, "Không có ai đã được Chủ tịch đồng ý khen"),
    Case("decision-issue-in-the-future", "chris", issue(issued_on="2099-01-01"), 200, "không được sau hôm nay"),
    Case("decision-issue-no-such-date", "sam", issue(issued_on="32/13/2026"), 200, "“32/13/2026” không phải ngày"),
    Case("decision-issue-without-date", "sam", issue(issued_on=""), 200, "Cần ghi ngày ban hành."),
    Case("decision-issue-without-signer", "chris", issue(signer_name="  "), 200, "Cần ghi người ký."),
    Case(
        "decision-issue-for-a-province-form",
        "chris",
        issue(award_form="BK-CT-TINH"),
        200,
        "Chỉ ban hành quyết định cho hình thức khen thưởng cấp phường",
    ),
    Case("decision-issue-unknown-form", "sam", issue(award_form="KHONG-CO"), 200, "hãy chọn phong trào và hình thức"),
    Case("decision-issue-by-official", "olga", issue(), 404, NOT_FOUND),
    Case("decision-issue-by-admin", "ada", issue(), 404, NOT_FOUND),
    Case(
        "decision-revoke-an-award-already-revoked",
        "chris",
        revoke(awards=lambda ctx: [ctx["decisions_awards"][1].pk]),
        200,
        "Đã bị thu hồi trước đó: Cán bộ TTDVTH 1 (Quyết định số",
    ),
    Case("decision-revoke-nothing-chosen", "chris", revoke(awards=lambda ctx: []), 200, "Hãy chọn khen thưởng cần"),
    Case(
        "decision-revoke-an-award-of-another-decision",
        "sam",
        revoke(awards=lambda ctx: [10**17, "abc"]),
        200,
        "Hãy chọn khen thưởng cần thu hồi.",
    ),
    Case("decision-revoke-without-reason", "chris", revoke(reason=""), 200, "Cần ghi lý do thu hồi."),
    Case("decision-revoke-in-the-future", "chris", revoke(issued_on="2099-01-01"), 200, "không được sau hôm nay"),
    Case("decision-revoke-by-unit-head", "alice", revoke(), 404, NOT_FOUND),
    Case("decision-list-year-not-a-number", "sam", register("nam=abc"), 400, "Năm “abc” không hợp lệ"),
    Case("decision-list-year-too-far", "chris", register(f"nam={'9' * 40}"), 400, "ghi bốn chữ số từ 2000 đến 2100"),
    Case("decision-list-year-with-sign", "ada", register("nam=-2026"), 400, "Năm “-2026” không hợp lệ"),
    Case("decision-list-page-past-the-end", "sam", register("trang=99999999999999999999"), 200, "Sổ quyết định"),
    Case("decision-list-by-official", "olga", register("nam=2026"), 404, NOT_FOUND),
    Case(
        "decision-detail-id-past-64-bits",
        "sam",
        get(lambda ctx: f"/khen-thuong/quyet-dinh/{'9' * 24}/"),
        404,
        NOT_FOUND,
    ),
]
