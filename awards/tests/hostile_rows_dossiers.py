"""Hostile-input rows of the award dossier pages (core/tests/test_hostile_input.py): nominees from another
unit or typed in, twice, votes past the members, dates that are not days or not yet, text past its bound,
steps without their reason or out of turn, edits after sending, other units' dossiers.

Every case answers a Vietnamese error on the page (or a 404 for what is not the person's) and writes nothing.
"""

from django.urls import reverse

from awards.catalogue.models import AwardForm
from awards.dossiers import services
from awards.dossiers.models import Dossier
from awards.tests.conftest import build_dossier
from awards.tests.url_rows_dossiers import vp_dossier
from core.tests.hostile import Case, get, post
from units.models import Unit

NOT_FOUND = "Không tìm thấy trang"


def context(ctx) -> dict:
    """VP's Giấy khen dossier (draft, complete), VP's Bằng khen dossier (sent), KT-HT-ĐT's empty one."""
    campaign, alice, bob = ctx["campaign"], ctx["alice"], ctx["bob"]
    bang_khen = AwardForm.objects.get(campaign=campaign, code="BK-CT-TINH")
    sent = Dossier.objects.filter(campaign=campaign, unit=alice.official.unit, award_form=bang_khen).first()
    if sent is None:
        sent = build_dossier(campaign, bang_khen, alice, [ctx["olga"].official])[0]
        services.dossier_transition(dossier=sent, action="submit", actor=alice)
    kt = Unit.objects.get(code="KTHTDT")
    empty = Dossier.objects.filter(campaign=campaign, unit=kt, award_form__code="GK-CT-PHUONG").first()
    if empty is None:
        form = AwardForm.objects.get(campaign=campaign, code="GK-CT-PHUONG")
        empty = services.dossier_open(campaign=campaign, unit=kt, award_form=form, actor=bob)
    draft = vp_dossier(ctx)
    return {
        "hd_draft": draft,
        "hd_olga": draft.nominees.get(official=ctx["olga"].official),
        "hd_sent": sent,
        "hd_sent_olga": sent.nominees.get(official=ctx["olga"].official),
        "hd_empty": empty,
    }


def _url(name: str, key: str, **extra):
    return lambda ctx: reverse(f"awards:{name}", kwargs={"pk": ctx[key].pk, **extra})


def _minutes(ctx, **changes) -> dict:
    nominee = ctx["hd_olga"]
    data = {
        "held_on": "10/11/2026",
        "place": "Phòng họp",
        "members_total": "7",
        "members_present": "5",
        "chair_name": "Chủ trì",
        "secretary_name": "Thư ký",
        f"yes-{nominee.pk}": "4",
        f"no-{nominee.pk}": "1",
    }
    for key, value in changes.items():
        data[key.replace("YES", f"yes-{nominee.pk}").replace("NO", f"no-{nominee.pk}")] = value
    return data


def _minutes_case(name: str, says: str, **changes) -> Case:
    return Case(
        f"dossier-minutes-{name}",
        "alice",
        post(_url("minutes-edit", "hd_draft"), lambda ctx: _minutes(ctx, **changes)),
        400,
        says,
    )


def _step(action: str, key: str = "hd_draft"):
    return _url("dossier-transition", key, action=action)


def _with_version(key: str, **data):
    return lambda ctx: {"version": Dossier.objects.get(pk=ctx[key].pk).version, **data}


CASES = [
    Case(
        "dossier-nominee-of-another-unit",
        "alice",
        post(_url("nominee-add", "hd_draft"), lambda ctx: {"official": ctx["bob"].official.pk}),
        200,
        "không phải cán bộ đang công tác tại VP",
    ),
    Case(
        "dossier-nominee-typed-name",
        "alice",
        post(_url("nominee-add", "hd_draft"), {"official": "Nguyễn Văn A"}),
        200,
        "Hãy chọn đơn vị hoặc một cán bộ",
    ),
    Case(
        "dossier-nominee-id-past-64-bits",
        "alice",
        post(_url("nominee-add", "hd_draft"), {"official": "9" * 40}),
        200,
        "Hãy chọn đơn vị hoặc một cán bộ",
    ),
    Case(
        "dossier-nominee-twice",
        "alice",
        post(_url("nominee-add", "hd_draft"), lambda ctx: {"official": ctx["olga"].official.pk}),
        200,
        "đã có trong hồ sơ",
    ),
    Case(
        "dossier-unit-twice",
        "alice",
        post(_url("nominee-add", "hd_draft"), {"official": "collective"}),
        200,
        "Đơn vị đã có trong hồ sơ.",
    ),
    Case(
        "dossier-nominee-into-another-units-dossier",
        "bob",
        post(_url("nominee-add", "hd_draft"), lambda ctx: {"official": ctx["bob"].official.pk}),
        404,
        NOT_FOUND,
    ),
    Case(
        "dossier-nominee-after-sending",
        "alice",
        post(_url("nominee-add", "hd_sent"), {"official": "collective"}),
        200,
        "không sửa được",
    ),
    Case(
        "dossier-remove-after-sending",
        "alice",
        post(_url("nominee-remove", "hd_sent_olga"), {}),
        200,
        "không sửa được",
    ),
    Case(
        "dossier-report-after-sending",
        "olga",
        post(_url("report-edit", "hd_sent_olga"), {"achievements": "Sửa sau khi gửi.", "version": "1"}),
        200,
        "không còn sửa được",
    ),
    Case(
        "dossier-report-of-another-unit",
        "bob",
        post(_url("report-edit", "hd_olga"), {"achievements": "Không phải của tôi."}),
        404,
        NOT_FOUND,
    ),
    Case(
        "dossier-report-past-its-bound",
        "alice",
        post(_url("report-edit", "hd_olga"), {"achievements": "a" * 10001}),
        400,
        "vượt giới hạn 10.000 ký tự",
    ),
    Case(
        "dossier-report-stale-version",
        "olga",
        post(_url("report-edit", "hd_olga"), {"achievements": "Bản cũ.", "version": "0"}),
        409,
        "đã được người khác sửa",
    ),
    Case(
        "dossier-confirm-by-the-nominee",
        "olga",
        post(_url("report-confirm", "hd_olga"), {}),
        200,
        "Chỉ thủ trưởng đơn vị xác nhận",
    ),
    Case(
        "dossier-discipline-unknown-choice",
        "alice",
        post(_url("nominee-discipline", "hd_olga"), {"discipline": "pardoned"}),
        200,
        "Hãy chọn một tình trạng kỷ luật.",
    ),
    Case(
        "dossier-discipline-not-a-day",
        "alice",
        post(_url("nominee-discipline", "hd_olga"), {"discipline": "clear", "discipline_until": "99/99/2026"}),
        200,
        "“99/99/2026” không phải ngày",
    ),
    Case(
        "dossier-discipline-until-the-future",
        "alice",
        post(_url("nominee-discipline", "hd_olga"), {"discipline": "clear", "discipline_until": "01/01/2099"}),
        200,
        "Ngày hết kỷ luật không được sau hôm nay.",
    ),
    _minutes_case("votes-over-present", "Tổng số phiếu (6) vượt số thành viên có mặt (5).", YES="5"),
    _minutes_case("votes-negative", "Phiếu đồng ý:", YES="-1"),
    _minutes_case("votes-huge", "Quá lớn", NO=str(10**12)),
    _minutes_case("votes-not-a-number", "không phải là số", YES="năm"),
    _minutes_case("present-over-total", "không được lớn hơn tổng số thành viên (7)", members_present="8"),
    _minutes_case("no-members", "Tổng số thành viên phải lớn hơn 0.", members_total="0", members_present="0"),
    _minutes_case("future-day", "Ngày họp không được sau hôm nay.", held_on="2099-01-01"),
    _minutes_case("place-past-its-bound", "vượt giới hạn 255 ký tự", place="P" * 300),
    _minutes_case("no-chair", "Cần nhập chủ trì.", chair_name="   "),
    Case(
        "dossier-minutes-of-another-unit",
        "bob",
        post(_url("minutes-edit", "hd_draft"), lambda ctx: _minutes(ctx)),
        404,
        NOT_FOUND,
    ),
    Case(
        "dossier-send-incomplete",
        "bob",
        post(_step("submit", "hd_empty"), _with_version("hd_empty")),
        200,
        "Chưa gửi được: chưa có tập thể, cá nhân nào được đề nghị",
    ),
    Case(
        "dossier-send-another-units",
        "bob",
        post(_step("submit"), _with_version("hd_draft")),
        404,
        NOT_FOUND,
    ),
    Case(
        "dossier-return-without-reason",
        "sam",
        post(_step("return", "hd_sent"), _with_version("hd_sent", reason=" \n ")),
        200,
        "Cần ghi lý do.",
    ),
    Case(
        "dossier-accept-by-the-unit",
        "alice",
        post(_step("accept", "hd_sent"), _with_version("hd_sent")),
        200,
        "Bạn không có quyền “tiếp nhận, trình Hội đồng”",
    ),
    Case(
        "dossier-step-not-on-this-page",
        "sam",
        post(_step("decide", "hd_sent"), _with_version("hd_sent")),
        404,
        NOT_FOUND,
    ),
    Case(
        "dossier-step-stale-version",
        "alice",
        post(_step("submit"), {"version": "0"}),
        409,
        "thay đổi",
    ),
    Case(
        "dossier-open-for-another-unit",
        "bob",
        post(
            lambda ctx: reverse("awards:dossier-open"),
            lambda ctx: {"campaign": ctx["campaign"].code, "unit": "VP", "form": "BK-CT-TINH"},
        ),
        404,
        NOT_FOUND,
    ),
    Case(
        "dossier-open-unknown-form",
        "alice",
        post(
            lambda ctx: reverse("awards:dossier-open"),
            lambda ctx: {"campaign": ctx["campaign"].code, "unit": "VP", "form": "X" * 500},
        ),
        404,
        NOT_FOUND,
    ),
    Case(
        "dossier-list-unknown-state",
        "sam",
        get(lambda ctx: reverse("awards:dossier-list") + "?trang-thai=%3Cscript%3E"),
        200,
        "Trạng thái lọc không hợp lệ",
    ),
    # A version sent back that is not a small number is never current: refused as stale, nothing saved.
    Case(
        "dossier-minutes-version-letters",
        "alice",
        post(_url("minutes-edit", "hd_draft"), lambda ctx: _minutes(ctx, version="abc")),
        409,
        "chưa lưu gì",
    ),
    Case(
        "dossier-minutes-version-huge",
        "alice",
        post(_url("minutes-edit", "hd_draft"), lambda ctx: _minutes(ctx, version="9" * 30)),
        409,
        "chưa lưu gì",
    ),
    Case(
        "dossier-discipline-version-negative",
        "alice",
        post(_url("nominee-discipline", "hd_olga"), {"discipline": "clear", "version": "-1"}),
        409,
        "chưa lưu gì",
    ),
    Case(
        "dossier-report-version-fullwidth",
        "olga",
        post(_url("report-edit", "hd_olga"), {"achievements": "Bản khác.", "version": "１"}),
        409,
        "chưa lưu gì",
    ),
]
