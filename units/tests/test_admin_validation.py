"""Bad organisation edits in the admin get a Vietnamese error and save nothing."""

import pytest
from django.urls import reverse

from units.models import Official, Unit
from units.tests.factories import UnitFactory


def _unit_form(unit: Unit, **changes) -> dict:
    data = {
        "code": unit.code,
        "name": unit.name,
        "short_name": unit.short_name,
        "kind": unit.kind,
        "parent": unit.parent_id or "",
        "order": unit.order,
        "is_active": "on",
        "officials-TOTAL_FORMS": 0,
        "officials-INITIAL_FORMS": 0,
        "officials-MIN_NUM_FORMS": 0,
        "officials-MAX_NUM_FORMS": 1000,
    }
    return {**data, **changes}


@pytest.mark.parametrize("depth", [0, 1, 2], ids=["itself", "its-child", "its-grandchild"])
def test_a_unit_cannot_become_its_own_ancestor(client, ada, ward, depth):
    unit = ward.units["VP"]
    chain = [unit]
    for n in range(depth):
        chain.append(UnitFactory(code=f"CON{n}", parent=chain[-1]))
    client.force_login(ada)
    response = client.post(reverse("admin:units_unit_change", args=[unit.pk]), _unit_form(unit, parent=chain[-1].pk))
    assert response.status_code == 200
    assert "Không thể chọn chính đơn vị này hoặc một đơn vị cấp dưới" in response.content.decode()
    unit.refresh_from_db()
    assert unit.parent == ward.root


def test_moving_a_unit_under_a_sibling_is_allowed(client, ada, ward):
    unit = ward.units["TTDVTH"]
    client.force_login(ada)
    response = client.post(
        reverse("admin:units_unit_change", args=[unit.pk]), _unit_form(unit, parent=ward.units["VHXH"].pk)
    )
    assert response.status_code == 302
    unit.refresh_from_db()
    assert unit.parent == ward.units["VHXH"]


def test_a_unit_code_is_unique(client, ada, ward):
    client.force_login(ada)
    response = client.post(
        reverse("admin:units_unit_add"),
        _unit_form(Unit(code="VP", name="Trùng", short_name="T", kind="department", parent=ward.root)),
    )
    assert response.status_code == 200
    assert "Đã có đơn vị khác dùng mã này." in response.content.decode()
    assert Unit.objects.filter(code="VP").count() == 1


def test_a_unit_has_one_head(client, ada, alice, ward):
    client.force_login(ada)
    official = Official.objects.create(
        full_name="Trần Văn Hai", sex="M", unit=ward.units["VP"], position=alice.official.position
    )
    data = {
        "full_name": official.full_name,
        "sex": "M",
        "birth_date": "",
        "position": official.position_id,
        "unit": official.unit_id,
        "leadership": "head",
        "user": "",
        "is_active": "on",
    }
    response = client.post(reverse("admin:units_official_change", args=[official.pk]), data)
    assert response.status_code == 200
    assert "Đơn vị này đã có thủ trưởng" in response.content.decode()
    official.refresh_from_db()
    assert official.leadership == ""


def test_an_official_added_on_the_unit_page_needs_every_required_field(client, ada, ward):
    """The unit page's rows of officials once left out the sex, and saved an official without it."""
    from units.models import Position

    unit, position = ward.units["VHXH"], Position.objects.create(name="Chuyên viên")
    row = {"full_name": "Trần Văn Mới", "position": position.pk, "leadership": "", "is_active": "on"}
    form = _unit_form(unit, **{"officials-TOTAL_FORMS": 1}, **{f"officials-0-{k}": v for k, v in row.items()})
    url = reverse("admin:units_unit_change", args=[unit.pk])
    client.force_login(ada)
    refused = client.post(url, form)
    assert refused.status_code == 200 and "Trường này là bắt buộc." in refused.content.decode()
    assert not Official.objects.filter(full_name="Trần Văn Mới").exists()
    assert client.post(url, {**form, "officials-0-sex": "M"}).status_code == 302
    assert Official.objects.get(full_name="Trần Văn Mới").sex == "M"


def _official_form(official: Official, **changes) -> dict:
    data = {
        "full_name": official.full_name,
        "sex": official.sex,
        "birth_date": f"{official.birth_date:%d/%m/%Y}" if official.birth_date else "",
        "position": official.position_id,
        "unit": official.unit_id,
        "leadership": official.leadership,
        "user": official.user_id or "",
        "is_active": "on",
    }
    return {**data, **changes}


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"full_name": "Olga"}, "Vui lòng ghi đầy đủ họ và tên."),
        ({"full_name": "\u200b\u202e "}, "Vui lòng ghi đầy đủ họ và tên."),
        ({"birth_date": "01/01/2020"}, "phải từ đủ 16 tuổi"),
        ({"birth_date": "31/12/1939"}, "phải từ đủ 16 tuổi"),
        ({"birth_date": "31/02/1991"}, "Nhập một ngày hợp lệ"),
    ],
    ids=["one-word-name", "hidden-characters-only", "too-young", "too-old", "no-such-day"],
)
def test_the_admin_follows_the_own_pages_field_rules(client, ada, olga, changes, message):
    official = olga.official
    client.force_login(ada)
    response = client.post(
        reverse("admin:units_official_change", args=[official.pk]), _official_form(official, **changes)
    )
    assert response.status_code == 200 and message in response.content.decode()
    before = (official.full_name, official.birth_date)
    official.refresh_from_db()
    assert (official.full_name, official.birth_date) == before


def test_the_admin_saves_a_name_as_the_own_page_does(client, ada, olga):
    official = olga.official
    client.force_login(ada)
    name = "  Olga\u200b  Nguye\u0302\u0303n  Thị "  # a zero-width space, decomposed accents, extra spaces
    url = reverse("admin:units_official_change", args=[official.pk])
    assert client.post(url, _official_form(official, full_name=name)).status_code == 302
    official.refresh_from_db()
    assert official.full_name == "Olga Nguyễn Thị"


def test_an_official_added_on_the_unit_page_has_a_full_name(client, ada, ward):
    from units.models import Position

    unit, position = ward.units["VHXH"], Position.objects.create(name="Chuyên viên")
    row = {"full_name": "Mới", "sex": "M", "position": position.pk, "leadership": "", "is_active": "on"}
    form = _unit_form(unit, **{"officials-TOTAL_FORMS": 1}, **{f"officials-0-{k}": v for k, v in row.items()})
    client.force_login(ada)
    refused = client.post(reverse("admin:units_unit_change", args=[unit.pk]), form)
    assert refused.status_code == 200 and "Vui lòng ghi đầy đủ họ và tên." in refused.content.decode()
    assert not Official.objects.filter(full_name="Mới").exists()


def test_opening_an_officials_admin_page_is_logged_and_saving_it_is_not(client, ada, olga):
    from units.models import PersonalDataAccess

    url = reverse("admin:units_official_change", args=[olga.official.pk])
    client.force_login(ada)
    assert client.get(url).status_code == 200
    access = PersonalDataAccess.objects.get()
    assert (access.viewer, access.official, access.action, access.path) == (ada, olga.official, "view", url)
    client.post(url, _official_form(olga.official))
    assert PersonalDataAccess.objects.count() == 1
