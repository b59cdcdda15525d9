"""Personal data (DOMAIN.md §7): who sees an official's birth date, and correcting one's own record."""

import re

from django.urls import reverse

from units.models import Official


def _birth_dates_shown(client, user, code: str) -> dict[str, bool]:
    client.force_login(user)
    html = client.get(reverse("units:unit-detail", kwargs={"code": code})).content.decode()
    rows = re.findall(r"<tr>\s*<td>([^<]+)</td>.*?<td class=\"num\">(.*?)</td>", html, re.S)
    return {name.strip(): "ẩn" not in cell for name, cell in rows}


def test_birth_dates_are_shown_only_to_self_unit_head_secretariat_and_chairman(client, alice, bob, olga, sam, chris):
    assert _birth_dates_shown(client, alice, "VP") == {"Alice Nguyễn": True, "Olga Nguyễn": True}
    assert _birth_dates_shown(client, olga, "VP") == {"Alice Nguyễn": False, "Olga Nguyễn": True}
    assert _birth_dates_shown(client, bob, "VP") == {"Alice Nguyễn": False, "Olga Nguyễn": False}
    assert _birth_dates_shown(client, sam, "VP") == {"Alice Nguyễn": True, "Olga Nguyễn": True}
    assert _birth_dates_shown(client, chris, "VP") == {"Alice Nguyễn": True, "Olga Nguyễn": True}


def test_official_corrects_their_own_birth_date_and_history_keeps_who(client, olga):
    client.force_login(olga)
    response = client.post(
        reverse("units:own-profile"), {"full_name": "Olga  Nguyễn Thị", "sex": "F", "birth_date": "07/03/1991"}
    )
    assert response.status_code == 302
    official = Official.objects.get(user=olga)
    assert official.full_name == "Olga Nguyễn Thị" and official.birth_date.isoformat() == "1991-03-07"
    assert official.history.first().history_user == olga


def test_bad_profile_input_is_refused_in_vietnamese_and_nothing_saved(client, olga):
    before = Official.objects.get(user=olga).birth_date
    client.force_login(olga)
    for data, message in [
        ({"full_name": "Olga", "sex": "F", "birth_date": "07/03/1991"}, "Vui lòng ghi đầy đủ họ và tên."),
        ({"full_name": "Olga Nguyễn", "sex": "F", "birth_date": "31/02/1991"}, "Nhập một ngày hợp lệ"),
        ({"full_name": "Olga Nguyễn", "sex": "F", "birth_date": "01/01/2020"}, "phải từ đủ 16 tuổi"),
    ]:
        response = client.post(reverse("units:own-profile"), data)
        assert response.status_code == 200
        assert message in response.content.decode(), message
    assert Official.objects.get(user=olga).birth_date == before
