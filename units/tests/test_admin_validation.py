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
