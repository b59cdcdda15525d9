"""Hostile-input rows of the ward council's pages (core/tests/test_hostile_input.py): the sheet fed more votes
than members, negative or huge or no numbers, nominees of no dossier; opening a meeting on a day to come, with
no place, no members or a name of 5,000 characters; the members' list too long or an absence without reason;
closing without quorum; a closed meeting written to; and other roles than the secretariat.

Every case answers a Vietnamese error on the page (or a 404 for who is not the secretariat) and writes nothing.
"""

from django.urls import reverse
from django.utils import timezone

from awards.catalogue.selectors import rules_snapshot
from awards.council import services as council
from awards.council.models import CouncilMeeting
from awards.tests import council_support as support
from awards.tests.conftest import HELD_ON
from core.tests.hostile import Case, post

NOT_FOUND = "Không tìm thấy trang"


def context(ctx: dict) -> dict:
    """TT PVHCC's dossier (the unit and one official) at an open meeting of 9 members, 5 present, both voted 5–0;
    and a meeting already closed."""
    campaign, sam = ctx["campaign"], ctx["sam"]
    _, nominees = support.accepted(campaign, support.own_form(campaign), "TTPVHCC", sam)
    meeting = support.meeting(campaign, sam)
    council.votes_record(meeting=meeting, actor=sam, members_present="5", tallies={n.pk: ("5", "0") for n in nominees})
    closed = CouncilMeeting.objects.create(
        campaign=campaign,
        held_on=HELD_ON,
        place="Hội trường",
        chair_name="Nguyễn Văn Chủ",
        secretary_name="Lê Thị Thư",
        members_total=9,
        members_present=9,
        status=CouncilMeeting.Status.CLOSED,
        rules=rules_snapshot(HELD_ON),
        created_by=sam,
        closed_at=timezone.now(),
    )
    return {"council_open": meeting, "council_closed": closed, "council_nominee": nominees[1]}


def votes(yes: str, no: str = "0", present: str = "8", key: str = "council_open", nominee=None):
    """The sheet sent with one nominee's votes (TT PVHCC's official unless `nominee(ctx)` says which id)."""

    def data(ctx):
        pk = nominee(ctx) if nominee else ctx["council_nominee"].pk
        return {"members_present": present, f"yes-{pk}": yes, f"no-{pk}": no}

    return post(lambda ctx: reverse("awards:council-votes", args=[ctx[key].pk]), data)


def opening(**changes):
    def data(ctx):
        good = {
            "campaign": ctx["campaign"].code,
            "held_on": HELD_ON.isoformat(),
            "place": "Hội trường UBND phường",
            "chair_name": "Nguyễn Văn Chủ",
            "secretary_name": "Lê Thị Thư",
            "members_total": "9",
            "secret_ballot": "on",
        }
        return good | changes

    return post(lambda ctx: reverse("awards:council-open"), data)


def members(rows: list[dict]):
    data = {f"member-{i}-{field}": value for i, row in enumerate(rows) for field, value in row.items()}
    return post(lambda ctx: reverse("awards:council-members", args=[ctx["council_open"].pk]), data)


PRESENT = {"present": "on"}

CASES = [
    Case(
        "council-votes-over-all-members", "sam", votes("9", "3"), 400, "Tổng số phiếu (12) vượt tổng số thành viên (9)."
    ),
    Case("council-votes-negative", "sam", votes("-1"), 400, "Phiếu đồng ý: Không được là số âm."),
    Case("council-votes-not-a-number", "sam", votes("7", "ba"), 400, "Phiếu không đồng ý: “ba” không phải là số."),
    Case("council-votes-ten-to-the-twelfth", "sam", votes(str(10**12)), 400, "Phiếu đồng ý: Quá lớn: tối đa 500."),
    Case("council-votes-decimal", "sam", votes("6,5"), 400, "Phải là số nguyên, không có phần thập phân."),
    Case("council-votes-yes-blank", "sam", votes("", "3"), 400, "Cần nhập phiếu đồng ý."),
    Case(
        "council-present-over-all-members",
        "sam",
        votes("5", present="12"),
        400,
        "Số có mặt (12) không được lớn hơn tổng số thành viên (9).",
    ),
    Case("council-present-missing", "sam", votes("5", present=""), 400, "Cần nhập số thành viên có mặt."),
    Case(
        "council-votes-nominee-of-no-dossier",
        "sam",
        votes("5", nominee=lambda ctx: 10**17),
        400,
        "Người này không có trong các hồ sơ trình Hội đồng.",
    ),
    Case(
        "council-votes-on-a-closed-meeting",
        "sam",
        votes("5", key="council_closed"),
        200,
        "Phiên họp đã kết thúc: không sửa được kết quả.",
    ),
    Case("council-votes-by-unit-head", "alice", votes("5"), 404, NOT_FOUND),
    Case("council-votes-by-chairman", "chris", votes("5"), 404, NOT_FOUND),
    Case(
        "council-votes-meeting-id-past-64-bits",
        "sam",
        post(lambda ctx: f"/khen-thuong/hoi-dong/{'9' * 24}/phieu/", {"members_present": "5"}),
        404,
        NOT_FOUND,
    ),
    Case(
        "council-close-without-quorum",
        "sam",
        post(lambda ctx: reverse("awards:council-close", args=[ctx["council_open"].pk]), {}),
        200,
        "Phiên họp không đủ số thành viên: 5/9 có mặt, cần ít nhất 2/3 tổng số thành viên",
    ),
    Case(
        "council-close-by-admin",
        "ada",
        post(lambda ctx: reverse("awards:council-close", args=[ctx["council_open"].pk]), {}),
        404,
        NOT_FOUND,
    ),
    Case("council-open-in-the-future", "sam", opening(held_on="2099-12-31"), 400, "Ngày họp không được sau hôm nay."),
    Case("council-open-no-such-date", "sam", opening(held_on="31/02/2026"), 400, "“31/02/2026” không phải ngày"),
    Case("council-open-empty-place", "sam", opening(place="   "), 400, "Cần nhập địa điểm."),
    Case("council-open-zero-members", "sam", opening(members_total="0"), 400, "Tổng số thành viên phải lớn hơn 0."),
    Case("council-open-members-past-bound", "sam", opening(members_total="100000"), 400, "Quá lớn: tối đa 500."),
    Case(
        "council-open-name-of-5000-characters",
        "sam",
        opening(chair_name="Nguyễn" * 1000),
        400,
        "Chủ trì dài 6.000 ký tự, vượt giới hạn 150 ký tự.",
    ),
    Case("council-open-unknown-campaign", "sam", opening(campaign="khong-co"), 400, "Hãy chọn một phong trào đang"),
    Case("council-open-by-unit-head", "bob", opening(), 404, NOT_FOUND),
    # The context's meeting is still open: a second one waits for it to close.
    Case("council-open-while-one-is-open", "sam", opening(), (200, 400, 409), "hãy kết thúc phiên đó trước"),
    Case(
        "council-members-absent-without-reason",
        "sam",
        members([{"name": "Nguyễn Văn Chủ", **PRESENT}, {"name": "Lê Thị Vắng"}]),
        400,
        "Cần ghi lý do vắng của Lê Thị Vắng.",
    ),
    Case(
        "council-members-more-than-all-members",
        "sam",
        members([{"name": f"Thành viên {i}", **PRESENT} for i in range(10)]),
        400,
        "Danh sách có 10 người, hơn tổng số thành viên (9).",
    ),
    Case(
        "council-members-name-of-5000-characters",
        "sam",
        members([{"name": "x" * 5000, **PRESENT}]),
        400,
        "Họ và tên dài 5.000 ký tự, vượt giới hạn 150 ký tự.",
    ),
    Case("council-members-by-official", "olga", members([{"name": "Olga", **PRESENT}]), 404, NOT_FOUND),
    # A version sent back that is not a small number is never current: refused as stale, nothing saved.
    Case(
        "council-votes-version-letters",
        "sam",
        post(
            lambda ctx: reverse("awards:council-votes", args=[ctx["council_open"].pk]),
            lambda ctx: {"members_present": "6", f"yes-{ctx['council_nominee'].pk}": "6", "version": "x1"},
        ),
        409,
        "chưa lưu gì",
    ),
    Case(
        "council-members-version-negative",
        "sam",
        post(
            lambda ctx: reverse("awards:council-members", args=[ctx["council_open"].pk]),
            {"member-0-name": "Nguyễn Văn A", "member-0-present": "on", "version": "-5"},
        ),
        409,
        "chưa lưu gì",
    ),
]
