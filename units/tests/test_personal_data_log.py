"""The log of who read an official's personal data (DOMAIN.md §7), and each official's own view of it."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from units.models import Official, PersonalDataAccess
from units.privacy import LOG_PAGE_SIZE, Action, personal_data_seen
from units.tests.factories import OfficialFactory

pytestmark = pytest.mark.django_db


def _rows(**filters) -> list[tuple[str, str, str]]:
    return sorted(
        (a.viewer_name, a.official.full_name, a.action)
        for a in PersonalDataAccess.objects.filter(**filters).select_related("official")
    )


def _log_table(client) -> list[list[str]]:
    html = client.get(reverse("units:own-profile")).content.decode()
    section = html.split('id="ai-da-xem"', 1)[1]
    rows = re.findall(r"<tr>(.*?)</tr>", section, re.S)[1:]
    return [
        [" ".join(re.sub(r"<[^>]+>", " ", c).split()) for c in re.findall(r"<td[^>]*>(.*?)</td>", r, re.S)]
        for r in rows
    ]


def test_the_unit_page_logs_each_official_whose_birth_date_it_showed_but_not_the_viewer_themselves(
    client, alice, olga, bob, sam
):
    client.force_login(alice)  # VP's head: sees Olga's birth date and her own
    assert client.get(reverse("units:unit-detail", args=["VP"])).status_code == 200
    assert _rows() == [("Alice Nguyễn", "Olga Nguyễn", "view")]
    access = PersonalDataAccess.objects.get()
    assert (access.viewer, access.count, access.path) == (alice, 2, "/don-vi/VP/")
    assert access.page == f"Trang đơn vị {alice.official.unit.name}"

    client.force_login(bob)  # another unit's head sees no birth date there: nothing to log
    client.get(reverse("units:unit-detail", args=["VP"]))
    client.force_login(olga)  # Olga sees only her own
    client.get(reverse("units:unit-detail", args=["VP"]))
    assert PersonalDataAccess.objects.count() == 1

    client.force_login(sam)  # the secretariat sees both
    client.get(reverse("units:unit-detail", args=["VP"]))
    assert _rows(viewer=sam) == [("Sam Nguyễn", "Alice Nguyễn", "view"), ("Sam Nguyễn", "Olga Nguyễn", "view")]


def test_a_unit_page_writes_its_log_in_one_statement_whatever_the_number_of_officials(
    client, sam, ward, django_assert_num_queries
):
    unit = ward.units["VP"]
    OfficialFactory(unit=unit)
    client.force_login(sam)
    client.get(reverse("units:unit-detail", args=["VP"]))  # warm the session and the caches
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("units:unit-detail", args=["VP"]))
    OfficialFactory.create_batch(15, unit=unit)
    with django_assert_num_queries(len(few.captured_queries)):
        client.get(reverse("units:unit-detail", args=["VP"]))
    assert PersonalDataAccess.objects.filter(count=16).count() == 16
    inserts = [q["sql"] for q in few.captured_queries if q["sql"].startswith("INSERT")]
    assert len(inserts) == 1


def test_an_official_sees_exactly_the_accesses_to_their_own_data_newest_first(client, alice, olga, sam, chris, ward):
    hung = OfficialFactory(full_name="Trần Văn Hùng", unit=ward.units["VP"])
    personal_data_seen(viewer=alice, officials=[olga.official], action=Action.VIEW, page="Trang đơn vị VP")
    personal_data_seen(viewer=sam, officials=[olga.official, hung], action=Action.EXPORT, page="Danh sách")
    personal_data_seen(viewer=chris, officials=[olga.official], action=Action.REPORT_PDF, page="Mẫu 03 <b>x</b>")
    personal_data_seen(viewer=chris, officials=[hung], action=Action.VIEW, page="Chỉ của Hùng")
    client.force_login(olga)
    table = _log_table(client)
    assert [(r[1], r[2], r[3]) for r in table] == [
        ("Chris Nguyễn", "tải Mẫu 03", "Mẫu 03 &lt;b&gt;x&lt;/b&gt;"),  # escaped, never markup
        ("Sam Nguyễn", "xuất danh sách (cùng 2 người)", "Danh sách"),
        ("Alice Nguyễn", "xem hồ sơ", "Trang đơn vị VP"),
    ]
    assert all(re.fullmatch(r"\d\d/\d\d/\d{4} \d\d:\d\d", r[0]) for r in table)
    assert "Chỉ của Hùng" not in client.get(reverse("units:own-profile")).content.decode()


def test_a_unit_head_sees_only_their_own_log_whatever_they_ask(client, alice, olga, sam):
    personal_data_seen(viewer=sam, officials=[olga.official], action=Action.VIEW, page="Trang của Olga")
    client.force_login(alice)
    pk = olga.official.pk
    for query in ("", f"?official={pk}", f"?trang=1&official_id={pk}"):
        html = client.get(reverse("units:own-profile") + query).content.decode()
        assert "Trang của Olga" not in html and "Chưa có ai khác xem dữ liệu cá nhân của bạn." in html


def test_the_own_log_is_paginated_with_bounded_queries(client, olga, sam, django_assert_num_queries):
    personal_data_seen(viewer=sam, officials=[olga.official], action=Action.VIEW, page="Lần 0")
    client.force_login(olga)
    client.get(reverse("units:own-profile"))
    with CaptureQueriesContext(connection) as one:
        client.get(reverse("units:own-profile"))
    for n in range(1, LOG_PAGE_SIZE + 5):
        personal_data_seen(viewer=sam, officials=[olga.official], action=Action.VIEW, page=f"Lần {n}")
    with django_assert_num_queries(len(one.captured_queries)):
        first = client.get(reverse("units:own-profile")).content.decode()
    assert "Lần 24" in first and "Lần 4<" not in first and "Trang 1/2" in first
    second = client.get(reverse("units:own-profile") + "?trang=2").content.decode()
    assert "Lần 4<" in second and "Lần 24" not in second
    for junk in ("abc", "-1", "9" * 40, "2%00"):
        assert client.get(reverse("units:own-profile"), {"trang": junk}).status_code == 200


def test_viewing_ones_own_data_is_not_logged_and_logging_needs_a_known_action(alice):
    assert personal_data_seen(viewer=alice, officials=[alice.official], action=Action.VIEW, page="x") == 0
    assert not PersonalDataAccess.objects.exists()
    with pytest.raises(ValueError):
        personal_data_seen(viewer=alice, officials=[Official.objects.first()], action="peek", page="x")
