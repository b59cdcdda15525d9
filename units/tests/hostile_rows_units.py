"""Hostile-input rows of the organisation (core/tests/test_hostile_input.py): an official's own page (its form
and the page number of "Ai đã xem dữ liệu cá nhân của tôi") and the admin's form for an official, which follows
the same field rules. Every case answers a Vietnamese error (or the page as it is) and writes nothing."""

from django.urls import reverse

from core.tests.hostile import Case, get, post

FULL_NAME = "Vui lòng ghi đầy đủ họ và tên."
TOO_YOUNG = "phải từ đủ 16 tuổi"
BAD_DAY = "Nhập một ngày hợp lệ"
LOG = "Ai đã xem dữ liệu cá nhân của tôi"


def _own(ctx) -> str:
    return reverse("units:own-profile")


def _own_page(value: str):
    return get(lambda ctx: reverse("units:own-profile") + "?trang=" + value)


def _profile(**changes) -> dict:
    return {"full_name": "Olga Nguyễn", "sex": "F", "birth_date": "07/03/1991", **changes}


def _admin(ctx) -> str:
    return reverse("admin:units_official_change", args=[ctx["olga"].official.pk])


def _admin_form(**changes):
    def data(ctx) -> dict:
        official = ctx["olga"].official
        return {
            "full_name": official.full_name,
            "sex": official.sex,
            "birth_date": "07/03/1991",
            "position": official.position_id,
            "unit": official.unit_id,
            "leadership": official.leadership,
            "user": official.user_id,
            "is_active": "on",
            **changes,
        }

    return data


CASES = [
    Case("own-log-page-letters", "olga", _own_page("abc"), status=200, says=LOG),
    Case("own-log-page-past-64-bits", "olga", _own_page("9" * 40), status=200, says=LOG),
    Case("own-log-page-negative", "olga", _own_page("-1"), status=200, says=LOG),
    Case("own-log-page-sql", "olga", _own_page("1%20OR%201%3D1"), status=200, says=LOG),
    Case("own-log-page-nul", "olga", _own_page("1%00"), status=200, says=LOG),
    Case("own-profile-one-word-name", "olga", post(_own, _profile(full_name="Olga")), status=200, says=FULL_NAME),
    Case(
        "own-profile-zero-width-name",
        "olga",
        post(_own, _profile(full_name="\u200b\u202e \u200d")),
        status=200,
        says=FULL_NAME,
    ),
    Case("own-profile-name-too-long", "olga", post(_own, _profile(full_name="Nguyễn " * 30)), status=200, says="150"),
    Case(
        "own-profile-born-far-future", "olga", post(_own, _profile(birth_date="01/01/2999")), status=200, says=TOO_YOUNG
    ),
    Case(
        "own-profile-born-far-past", "olga", post(_own, _profile(birth_date="01/01/1800")), status=200, says=TOO_YOUNG
    ),
    Case("own-profile-no-such-day", "olga", post(_own, _profile(birth_date="31/02/1991")), status=200, says=BAD_DAY),
    Case(
        "own-profile-sex-unknown",
        "olga",
        post(_own, _profile(sex="X")),
        status=200,
        says="không có trong danh sách lựa chọn",
    ),
    Case(
        "admin-official-one-word-name", "ada", post(_admin, _admin_form(full_name="Olga")), status=200, says=FULL_NAME
    ),
    Case(
        "admin-official-script-only-name",
        "ada",
        post(_admin, _admin_form(full_name="<script>")),
        status=200,
        says=FULL_NAME,
    ),
    Case(
        "admin-official-born-far-future",
        "ada",
        post(_admin, _admin_form(birth_date="01/01/2999")),
        status=200,
        says=TOO_YOUNG,
    ),
    Case(
        "admin-official-born-far-past",
        "ada",
        post(_admin, _admin_form(birth_date="01/01/1800")),
        status=200,
        says=TOO_YOUNG,
    ),
]
