"""Importing awards from before the portal (.xlsx, docs/AWARDS_HISTORY.md): who a row names, every cell checked
first, all rows or none, the blank template, and the page that answers there and then."""

import io
from datetime import date

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from awards.history import imports
from awards.history.models import Award
from awards.tests.history_support import HEADER, ISSUER, XLSX, record
from core.spreadsheets import ExcelInvalid
from units.tests.factories import OfficialFactory


def workbook(*rows, header=HEADER) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Khen thưởng"
    sheet.append(header)
    for row in rows:
        sheet.append(list(row))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def row(unit="VP", name="Olga Nguyễn", pk=None, year=2025, title="Lao động tiên tiến", number="214/QĐ-UBND", **more):
    return [
        unit,
        name,
        pk,
        year,
        title,
        number,
        more.get("decided", "15/12/2025"),
        more.get("issuer", ISSUER),
        more.get("start"),
        more.get("end"),
    ]


def run(data: bytes, actor):
    return imports.awards_import(source=io.BytesIO(data), actor=actor)


def refused(data: bytes, actor) -> dict:
    """(row, column) → message of a file that must be refused, having stored nothing."""
    before = Award.objects.count()
    with pytest.raises(ExcelInvalid) as caught:
        run(data, actor)
    assert Award.objects.count() == before
    return {(e.row, e.column): e.message for e in caught.value.errors}


def test_a_file_stores_each_row_as_an_imported_award_with_its_snapshot(sam, olga, alice, ward):
    data = workbook(
        row(start="01/01/2025", end="31/12/2025"),
        row(unit="", name="", pk=alice.official.pk, title="Giấy khen của Chủ tịch UBND phường", number="215/qđ-ubnd"),
        row(unit="TTPVHCC", name=None, title="Giấy khen của Chủ tịch UBND phường", number="216/QĐ-UBND"),
    )
    result = run(data, sam)
    assert (result.individual, result.collective) == (2, 1)
    assert result.summary() == "Đã nhập 3 khen thưởng: 2 cá nhân, 1 tập thể."
    olgas = Award.objects.get(official=olga.official)
    assert (olgas.source, olgas.entered_by, olgas.position, olgas.unit_name) == (
        "import",
        sam,
        "Công chức",
        ward.units["VP"].name,
    )
    assert (olgas.period_start, olgas.period_end) == (date(2025, 1, 1), date(2025, 12, 31))
    assert Award.objects.get(official=alice.official).decision_number == "215/QĐ-UBND"
    centre = Award.objects.get(unit=ward.units["TTPVHCC"])
    assert centre.beneficiary == "collective" and centre.unit_name == ward.root.name


def test_names_match_in_any_case_and_spacing_but_not_without_accents(sam, olga):
    assert run(workbook(row(unit="vp", name="  olga   NGUYỄN ")), sam).individual == 1
    errors = refused(workbook(row(name="Olga Nguyen", number="215/QĐ-UBND")), sam)
    assert errors == {
        (2, "B (Họ và tên)"): f"VP không có cán bộ tên “Olga Nguyen”; có phải Olga Nguyễn (mã {olga.official.pk})?"
    }


def test_two_officials_of_a_unit_with_one_name_need_their_id(sam, ward):
    twins = [OfficialFactory(unit=ward.units["TTDVTH"], full_name="Nguyễn Văn Trùng") for _ in range(2)]
    errors = refused(workbook(row(unit="TTDVTH", name="Nguyễn Văn Trùng")), sam)
    assert errors == {
        (2, "B (Họ và tên)"): f"TTDVTH có 2 cán bộ tên “Nguyễn Văn Trùng” (mã {twins[0].pk}, {twins[1].pk}): "
        "ghi Mã cán bộ để chỉ đúng người."
    }
    run(workbook(row(unit="TTDVTH", name="Nguyễn Văn Trùng", pk=twins[1].pk)), sam)
    assert Award.objects.get().official == twins[1]


def test_an_id_must_agree_with_the_name_and_unit_written_beside_it(sam, olga, bob):
    pk = olga.official.pk
    errors = refused(
        workbook(
            row(pk=pk, name="Bob Nguyễn"),
            row(unit="KTHTDT", pk=pk, name=""),
            row(unit="", name="", pk=10**12),
            row(unit="", name="", pk="mười hai"),
        ),
        sam,
    )
    assert errors[(2, "B (Họ và tên)")] == f"Mã cán bộ {pk} là Olga Nguyễn, không phải “Bob Nguyễn”."
    assert errors[(3, "A (Mã đơn vị)")] == f"Olga Nguyễn (mã {pk}) thuộc VP, không thuộc KTHTDT."
    assert errors[(4, "C (Mã cán bộ)")] == "Không có cán bộ mã 1000000000000."
    assert errors[(5, "C (Mã cán bộ)")].startswith("Mã cán bộ là một số")


def test_a_row_must_name_someone(sam):
    errors = refused(workbook(row(unit="", name=""), row(unit="KHONGCO"), row(unit="", name="Olga Nguyễn")), sam)
    assert errors == {
        (2, "A (Mã đơn vị)"): "Ghi Mã đơn vị (khen tập thể) hoặc Họ và tên cán bộ (khen cá nhân).",
        (3, "A (Mã đơn vị)"): "Không có đơn vị mã “KHONGCO”.",
        (4, "A (Mã đơn vị)"): "Ghi mã đơn vị của cán bộ (hoặc Mã cán bộ) để tìm đúng người.",
    }


def test_every_bad_cell_is_listed_with_its_column_and_one_bad_row_saves_nothing(sam, olga, alice):
    errors = refused(
        workbook(
            row(name="Alice Nguyễn"),  # a good row: not stored, since another row is bad
            row(year=2031, decided="31/02/2025", number="Số 214", title="", issuer="x" * 300),
            row(start="01/01/2025"),
        ),
        sam,
    )
    assert set(errors) == {
        (3, "D (Năm)"),
        (3, "E (Danh hiệu/Hình thức khen thưởng)"),
        (3, "F (Số quyết định)"),
        (3, "G (Ngày quyết định)"),
        (3, "H (Cơ quan quyết định)"),
        (4, "J (Thành tích đến ngày)"),
    }
    assert errors[(3, "G (Ngày quyết định)")] == "“31/02/2025” không phải ngày; ghi dạng dd/mm/yyyy, ví dụ 18/12/2025."


def test_excel_dates_and_numbers_are_read_as_such(sam, olga):
    from datetime import datetime

    run(workbook(row(year=2025.0, decided=datetime(2025, 12, 15), start=datetime(2025, 1, 1), end="31/12/2025")), sam)
    award = Award.objects.get()
    assert (award.year, award.decision_date, award.period_start) == (2025, date(2025, 12, 15), date(2025, 1, 1))


def test_a_row_repeated_in_the_file_or_already_stored_is_refused(sam, olga, alice):
    record(sam, official=alice.official)
    errors = refused(
        workbook(row(), row(title="lao động tiên tiến", number="214 / QĐ-UBND"), row(name="Alice Nguyễn")), sam
    )
    title = "E (Danh hiệu/Hình thức khen thưởng)"
    assert errors[(3, title)].startswith("Trùng với dòng 2")
    assert "Cán bộ này đã có “Lao động tiên tiến” theo quyết định 214/QĐ-UBND ngày 15/12/2025" in errors[(4, title)]
    assert set(errors) == {(3, title), (4, title)}


def test_importing_the_same_file_twice_stores_it_once(sam, olga):
    data = workbook(row())
    run(data, sam)
    assert "mỗi thành tích chỉ khen một lần" in refused(data, sam)[(2, "E (Danh hiệu/Hình thức khen thưởng)")]
    assert Award.objects.count() == 1


def test_the_file_is_refused_whole_when_it_is_not_the_layout(sam):
    renamed = refused(workbook(row(), header=[*HEADER[:3], "Năm khen", *HEADER[4:]]), sam)
    assert renamed == {(1, "D (Năm)"): "Cột D phải là “Năm”, tệp ghi “Năm khen”; không đổi tên cột."}
    assert "Không có dòng số liệu nào" in refused(workbook(), sam)[(2, "")]


def test_limits_of_size_and_rows(sam, monkeypatch):
    big = b"PK\x03\x04" + b"\0" * (1024 * 1024 + 1)
    assert "vượt giới hạn 1 MB" in refused(big, sam)[(None, "")]
    dense = workbook(*[row(name=f"Người {n}") for n in range(10000)])
    assert len(dense) < 1024 * 1024
    assert "vượt giới hạn 4 MB" in refused(dense, sam)[(None, "")]
    monkeypatch.setattr(imports, "MAX_ROWS", 3)
    message = refused(workbook(*[row(number=f"{n}/QĐ-UBND") for n in range(1, 5)]), sam)[(None, "")]
    assert message == "Trang “Khen thưởng” có 4 dòng khen thưởng, quá giới hạn 3 dòng; hãy tách thành nhiều tệp."


def test_only_the_secretariat_imports(ada, alice):
    for person in (ada, alice):
        assert "Chỉ Thường trực thi đua" in refused(workbook(row()), person)[(None, "")]


def test_two_thousand_rows_import_in_bounded_queries(sam, olga):
    """The limit that lets the import run in the request: 2,000 rows checked and stored in a fixed number of reads
    (the inserts come in batches: one on PostgreSQL, ~45 rows each on SQLite). Its time is measured by
    bench/history_import.py, not here."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    data = workbook(*[row(number=f"{n}/QĐ-UBND") for n in range(1, 2001)])
    with CaptureQueriesContext(connection) as queries:
        assert run(data, sam).individual == 2000
    others = [q["sql"] for q in queries if not q["sql"].startswith("INSERT")]
    assert len(others) <= 10, others


def test_the_template_is_the_layout_with_the_wards_officials_and_their_ids(sam, olga, alice):
    book = openpyxl.load_workbook(io.BytesIO(imports.import_template()))
    assert [c.value for c in book["Khen thưởng"][1]] == HEADER
    people = {r[1]: r for r in book["Danh sách cán bộ"].iter_rows(min_row=2, values_only=True)}
    assert people["Olga Nguyễn"][:3] == (olga.official.pk, "Olga Nguyễn", "VP")
    # Filled and sent back, it imports (the officials' sheet is no table to import).
    book["Khen thưởng"].append(row(unit="", name="", pk=alice.official.pk))
    out = io.BytesIO()
    book.save(out)
    assert run(out.getvalue(), sam).individual == 1


# --- The page -----------------------------------------------------------------------------------------------


def post(client, data: bytes, name: str = "khen-thuong-cu.xlsx"):
    return client.post(reverse("awards:history-import"), {"file": SimpleUploadedFile(name, data, content_type=XLSX)})


def test_the_page_says_what_was_imported(client, sam, olga):
    client.force_login(sam)
    response = post(client, workbook(row()))
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "Tệp “khen-thuong-cu.xlsx”: Đã nhập 1 khen thưởng: 1 cá nhân, 0 tập thể." in page


def test_the_page_lists_every_cell_to_fix(client, sam, olga):
    client.force_login(sam)
    response = post(client, workbook(row(year=1900), row(unit="KHONGCO")))
    page = response.content.decode()
    assert response.status_code == 400
    assert "Tệp “khen-thuong-cu.xlsx”: có 2 lỗi; không lưu gì." in page
    assert "Không có đơn vị mã “KHONGCO”." in page and "D (Năm)" in page
    assert not Award.objects.exists()


def test_the_template_downloads_from_the_page(client, sam):
    client.force_login(sam)
    response = client.get(reverse("awards:history-import") + "?mau=1")
    assert response["Content-Type"] == XLSX
    assert "mau-nhap-khen-thuong.xlsx" in response["Content-Disposition"]
