"""Searching the awards received (by name without accents, unit, year, title or form, kind), page by page, scoped
to what the person may see; and the export in the province's layout, CSV and .xlsx."""

import csv
import io
from datetime import date

import openpyxl
import pytest
from django.urls import reverse

from awards.history import selectors
from awards.history.models import Award
from awards.tests.history_support import record, revoke
from units.tests.factories import OfficialFactory

PROVINCE_HEADER = [
    "Họ và tên / Tên tập thể",
    "Đơn vị",
    "Chức vụ",
    "Danh hiệu/Hình thức khen thưởng",
    "Số quyết định",
    "Ngày quyết định",
    "Cơ quan quyết định",
    "Năm",
]


@pytest.fixture
def awards(sam, alice, bob, olga, ward) -> dict[str, Award]:
    """olga (VP): LĐTT 2025 and Giấy khen 2024; bob (KT-HT-ĐT): LĐTT 2025; VP: a collective Giấy khen 2025; and
    Nguyễn Văn Ấn of TT DVTH (a name with accents to find without them)."""
    an = OfficialFactory(unit=ward.units["TTDVTH"], full_name="Nguyễn Văn Ấn")
    return {
        "olga-2025": record(sam, official=olga.official),
        "olga-2024": record(
            sam,
            official=olga.official,
            year=2024,
            title="Giấy khen của Chủ tịch UBND phường",
            decision_number="120/QĐ-UBND",
            decision_date=date(2024, 12, 20),
            period_start=None,
            period_end=None,
        ),
        "bob-2025": record(sam, official=bob.official),
        "vp-2025": record(sam, unit=ward.units["VP"], title="Giấy khen của Chủ tịch UBND phường"),
        "an-2025": record(sam, official=an),
    }


def found(user, **search) -> list[Award]:
    return list(selectors.awards_search(user=user, search=selectors.Search(**search)))


def test_a_name_is_found_without_accents_or_case_word_by_word(sam, awards):
    assert found(sam, name="nguyen an") == [awards["an-2025"]]
    assert found(sam, name="NGUYỄN VĂN ẤN") == [awards["an-2025"]]
    assert found(sam, name="olga") == [awards["olga-2025"], awards["olga-2024"]]
    assert found(sam, name="olga xyz") == []


def test_search_by_unit_finds_its_collective_and_its_officials(sam, awards, ward):
    assert set(found(sam, unit=ward.units["VP"])) == {awards["olga-2025"], awards["olga-2024"], awards["vp-2025"]}


def test_search_by_year_title_and_kind(sam, awards):
    assert set(found(sam, year=2024)) == {awards["olga-2024"]}
    assert set(found(sam, title="giay khen")) == {awards["olga-2024"], awards["vp-2025"]}
    assert found(sam, kind=Award.Beneficiary.COLLECTIVE) == [awards["vp-2025"]]
    assert found(sam, title="lao dong", year=2025, name="bob") == [awards["bob-2025"]]


def test_a_unit_head_finds_only_their_units_awards(alice, bob, awards, ward):
    assert set(found(alice)) == {awards["olga-2025"], awards["olga-2024"], awards["vp-2025"]}
    assert found(bob) == [awards["bob-2025"]]
    assert found(bob, unit=ward.units["VP"]) == []


def test_revoked_awards_are_found_and_marked(client, sam, chris, awards, ward):
    revoke(awards["bob-2025"], issuer_unit=ward.root, signer=chris)
    client.force_login(sam)
    html = client.get(reverse("awards:history-search"), {"ten": "bob"}).content.decode()
    assert "Đã thu hồi" in html and "Bob Nguyễn" in html


def test_the_page_filters_and_says_what_it_found(client, sam, awards):
    client.force_login(sam)
    response = client.get(reverse("awards:history-search"), {"nam": "2024", "don_vi": "VP"})
    html = response.content.decode()
    assert "Danh sách khen thưởng (năm 2024, VP): 1 khen thưởng" in html
    assert "120/QĐ-UBND" in html and "214/QĐ-UBND" not in html


def test_a_unit_head_is_offered_only_their_unit_and_refused_another(client, alice, awards):
    client.force_login(alice)
    html = client.get(reverse("awards:history-search")).content.decode()
    assert '<option value="VP"' in html and '<option value="KTHTDT"' not in html
    assert "Bob Nguyễn" not in html
    response = client.get(reverse("awards:history-search"), {"don_vi": "KTHTDT"})
    assert response.status_code == 400


def test_results_come_thirty_to_a_page_in_the_same_queries(client, sam, olga, django_assert_num_queries):
    for n in range(1, 32):
        record(sam, official=olga.official, decision_number=f"{n}/QĐ-UBND", decision_date=date(2025, 1, 1 + n % 28))
    client.force_login(sam)
    url = reverse("awards:history-search")
    client.get(url)
    with django_assert_num_queries(9) as first:
        html = client.get(url, {"ten": "olga"}).content.decode()
    assert "31 khen thưởng" in html and "Trang 1/2" in html and html.count('class="num award-year"') == 30
    with django_assert_num_queries(len(first.captured_queries)):
        html = client.get(url, {"ten": "olga", "page": "2"}).content.decode()
    assert html.count('class="num award-year"') == 1 and "ten=olga&amp;page=1" in html


# --- The export -----------------------------------------------------------------------------------------------


def test_the_csv_is_the_provinces_layout_with_the_awards_in_force(client, sam, chris, awards, ward):
    revoke(awards["bob-2025"], issuer_unit=ward.root, signer=chris)
    client.force_login(sam)
    response = client.get(reverse("awards:history-search"), {"nam": "2025", "xuat": "csv"})
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "danh-sach-khen-thuong-nam-2025.csv" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == PROVINCE_HEADER
    by_name = {r[0]: r for r in rows[1:]}
    assert set(by_name) == {"Olga Nguyễn", ward.units["VP"].name, "Nguyễn Văn Ấn"}, "bob's was revoked"
    assert by_name["Olga Nguyễn"] == [
        "Olga Nguyễn",
        ward.units["VP"].name,
        "Công chức",
        "Lao động tiên tiến",
        "214/QĐ-UBND",
        "15/12/2025",
        "Chủ tịch UBND phường Nam Gia Nghĩa",
        "2025",
    ]
    assert by_name[ward.units["VP"].name][1:3] == [ward.root.name, ""]


def test_the_xlsx_has_its_title_then_the_layout(client, sam, awards):
    client.force_login(sam)
    response = client.get(reverse("awards:history-search"), {"ten": "olga", "xuat": "xlsx"})
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    assert sheet["A1"].value == "Danh sách khen thưởng (tên “olga”)"
    assert [c.value for c in sheet[2]] == PROVINCE_HEADER
    assert [sheet.cell(row=r, column=4).value for r in (3, 4)] == [
        "Lao động tiên tiến",
        "Giấy khen của Chủ tịch UBND phường",
    ]


def test_a_title_typed_as_a_formula_is_exported_as_text(client, sam, olga):
    record(sam, official=olga.official, title='=HYPERLINK("http://x","Giấy khen")')
    client.force_login(sam)
    text = client.get(reverse("awards:history-search"), {"xuat": "csv"}).content.decode("utf-8-sig")
    assert "'=HYPERLINK" in text
    sheet = openpyxl.load_workbook(
        io.BytesIO(client.get(reverse("awards:history-search"), {"xuat": "xlsx"}).content)
    ).active
    assert sheet["D3"].data_type == "s" and sheet["D3"].value.startswith("=HYPERLINK")


def test_a_unit_heads_export_holds_only_their_unit(client, alice, awards):
    client.force_login(alice)
    text = client.get(reverse("awards:history-search"), {"xuat": "csv"}).content.decode("utf-8-sig")
    assert "Olga Nguyễn" in text and "Bob Nguyễn" not in text and "Nguyễn Văn Ấn" not in text


def test_an_official_has_no_search_and_no_export(client, olga, awards):
    client.force_login(olga)
    assert client.get(reverse("awards:history-search"), {"xuat": "csv"}).status_code == 404
