"""Hostile-input rows of the award history pages (core/tests/test_hostile_input.py): the entry form, the search
and its export, and the .xlsx import, fed numbers no year holds, dates no calendar has, text no person types, ids
past 64 bits, other units' people, an award entered twice, files that are no workbook or name the wrong person.

Every case answers a Vietnamese error (or a 404 for what is not the person's) and writes nothing: the import
runs in the request and stores all its rows or none, so a refused file leaves no record at all.
"""

import io
from datetime import date

import openpyxl
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from awards.history.services import award_record
from awards.tests.history_support import HEADER, ISSUER, XLSX
from core.tests.hostile import Case, get, post
from units.models import Official, Unit
from units.tests.factories import OfficialFactory

TWIN = "Nguyễn Văn Trùng"
NOT_FOUND = "Không tìm thấy trang"
ONCE = "mỗi thành tích chỉ khen một lần"
YEAR_RANGE = "Năm phải từ 1945 đến"


def context(ctx: dict) -> dict:
    """olga's Lao động tiên tiến 2025 (decision 214/QĐ-UBND), entered by sam; two officials of TT DVTH who share a
    name (which an import row can then name only by their id)."""
    olga = ctx["olga"].official
    if not olga.awards.exists():
        award_record(
            actor=ctx["sam"],
            official=olga,
            year=2025,
            title="Lao động tiên tiến",
            decision_number="214/QĐ-UBND",
            decision_date=date(2025, 12, 15),
            issuer=ISSUER,
        )
    centre = Unit.objects.get(code="TTDVTH")
    while Official.objects.filter(unit=centre, full_name=TWIN).count() < 2:
        OfficialFactory(unit=centre, full_name=TWIN)
    return {"hostile_olga": olga}


# --- The entry form ---------------------------------------------------------------------------------------------

GOOD = {
    "year": "2024",
    "title": "Giấy khen của Chủ tịch UBND phường",
    "decision_number": "120/QĐ-UBND",
    "decision_date": "20/12/2024",
    "issuer": ISSUER,
    "period_start": "",
    "period_end": "",
}


def entry(url=None, **changes):
    """POST GOOD with `changes` to the entry form at url(ctx) (olga's by default)."""
    url = url or (lambda ctx: reverse("awards:history-add-official", kwargs={"pk": ctx["hostile_olga"].pk}))
    return post(url, GOOD | changes)


def _big_id(name: str):
    return lambda ctx: reverse(name, kwargs={"pk": 1}).replace("/1/", "/" + "9" * 24 + "/", 1)


# --- The search ------------------------------------------------------------------------------------------------


def search(query: str):
    return get(lambda ctx: f"{reverse('awards:history-search')}?{query}")


# --- The import ------------------------------------------------------------------------------------------------


def _sheet(*rows, header=HEADER) -> openpyxl.Workbook:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Khen thưởng"
    sheet.append(header)
    for row in rows:
        sheet.append(list(row))
    return workbook


def _bytes(workbook: openpyxl.Workbook) -> bytes:
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def row(unit="VP", name="Olga Nguyễn", pk=None, year=2024, title="Lao động tiên tiến", number="99/QĐ-UBND", **more):
    decided = more.get("decided", "18/12/2024")
    return [unit, name, pk, year, title, number, decided, ISSUER, more.get("start"), more.get("end")]


def upload(make, name: str = "khen-thuong.xlsx"):
    """POST the file (make(ctx) → bytes, or bytes) to the import page; the page answers there and then."""

    def send(client, ctx):
        data = make(ctx) if callable(make) else make
        body = {} if data is None else {"file": SimpleUploadedFile(name, data, content_type=XLSX)}
        return client.post(reverse("awards:history-import"), body, follow=True)

    return send


def sheet(*rows):
    return upload(lambda ctx: _bytes(_sheet(*(r(ctx) if callable(r) else r for r in rows))))


def _formula(ctx) -> bytes:
    workbook = _sheet(row())
    workbook.active["D2"] = "=2020+4"
    return _bytes(workbook)


def _olga_by_id(ctx) -> list:
    return row(unit="", name="", pk=ctx["hostile_olga"].pk, number="214/QĐ-UBND", year=2025, decided="15/12/2025")


RENAMED = _bytes(_sheet(row(), header=[*HEADER[:3], "Năm khen", *HEADER[4:]]))
PDF = b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
OVER_1_MB = b"PK\x03\x04" + b"\0" * (1024 * 1024 + 10)

CASES = [
    # The entry form: every field bounded, as the import's cells are.
    Case("history-entry-year-10e30", "sam", entry(year=str(10**30)), 200, YEAR_RANGE),
    Case("history-entry-year-future", "sam", entry(year="2099"), 200, YEAR_RANGE),
    Case("history-entry-year-before-1945", "sam", entry(year="1900"), 200, YEAR_RANGE),
    Case("history-entry-year-negative", "sam", entry(year="-2024"), 200, "Không được là số âm."),
    Case("history-entry-year-exponent", "sam", entry(year="2e3"), 200, "không phải là số"),
    Case("history-entry-year-after-decision", "sam", entry(year="2025"), 200, "sau năm của quyết định"),
    Case("history-entry-title-5000", "sam", entry(title="Giấy khen " * 500), 200, "vượt giới hạn 300 ký tự"),
    Case("history-entry-title-blank", "sam", entry(title=" \u200b "), 200, "Thiếu danh hiệu hoặc hình thức"),
    Case("history-entry-title-nul", "sam", entry(title="Giấy\x00khen"), 200, "ký tự rỗng"),
    Case("history-entry-number-no-symbol", "sam", entry(decision_number="Số 120"), 200, "ví dụ 215/QĐ-UBND"),
    Case("history-entry-date-future", "sam", entry(decision_date="31/12/2099"), 200, "chưa tới"),
    Case("history-entry-date-31-february", "sam", entry(decision_date="31/02/2024"), 200, "không phải ngày"),
    Case("history-entry-date-year-zero", "sam", entry(decision_date="0000-01-01"), 200, "không phải ngày"),
    Case(
        "history-entry-period-reversed",
        "sam",
        entry(period_start="31/12/2024", period_end="01/01/2024"),
        200,
        "trước ngày bắt đầu",
    ),
    Case("history-entry-period-half", "sam", entry(period_start="01/01/2024"), 200, "Ghi cả ngày bắt đầu"),
    Case(
        "history-entry-duplicate-other-spelling",
        "sam",
        entry(year="2025", title="lao  động tiên tiến", decision_number="214 / qđ-ubnd", decision_date="15/12/2025"),
        200,
        ONCE,
    ),
    Case("history-entry-by-unit-head", "alice", entry(), 404, NOT_FOUND),
    Case("history-entry-id-past-64-bits", "sam", entry(_big_id("awards:history-add-official")), 404, NOT_FOUND),
    Case(
        "history-entry-unknown-unit",
        "sam",
        entry(lambda ctx: reverse("awards:history-add-unit", kwargs={"code": "KHONGCO"})),
        404,
        NOT_FOUND,
    ),
    Case("history-unit-code-5000", "sam", get(lambda ctx: f"/khen-thuong/lich-su/don-vi/{'X' * 5000}/"), 404),
    # The search and its export.
    Case("history-search-year-20-digits", "sam", search("nam=" + "9" * 20), 400, "Năm phải là số từ 1945"),
    Case("history-search-name-5000", "sam", search("ten=" + "a" * 5000), 400, "tối đa 100 ký tự"),
    Case("history-search-other-unit", "alice", search("don_vi=KTHTDT"), 400, "không có trong danh sách lựa chọn"),
    Case("history-export-unknown-format", "sam", search("xuat=pdf"), 404, NOT_FOUND),
    Case("history-export-bad-year", "sam", search("nam=abc&xuat=csv"), 400, "Năm phải là số từ 1945"),
    # The import: refused before reading, or cell by cell, and nothing stored.
    Case("history-import-no-file", "sam", upload(None), 400, "Hãy chọn tệp Excel"),
    Case("history-import-pdf", "sam", upload(PDF), 400, "Tệp không phải bảng tính Excel (.xlsx)."),
    Case("history-import-over-1-mb", "sam", upload(OVER_1_MB), 400, "vượt giới hạn 1 MB"),
    Case("history-import-by-unit-head", "alice", upload(lambda ctx: _bytes(_sheet(row()))), 404, NOT_FOUND),
    Case("history-import-renamed-column", "sam", upload(RENAMED), 400, "tệp ghi “Năm khen”; không đổi tên cột"),
    Case("history-import-formula", "sam", upload(_formula), 400, "Ô có công thức"),
    Case("history-import-unknown-unit", "sam", sheet(row(unit="KHONGCO")), 400, "Không có đơn vị mã “KHONGCO”"),
    Case("history-import-name-not-in-unit", "sam", sheet(row(unit="KTHTDT")), 400, "không có cán bộ tên"),
    Case("history-import-twins", "sam", sheet(row(unit="TTDVTH", name=TWIN)), 400, "ghi Mã cán bộ để chỉ đúng người"),
    Case("history-import-id-2-pow-63", "sam", sheet(row(unit="", name="", pk=2**63)), 400, "Mã cán bộ là một số"),
    Case("history-import-year-10e30", "sam", sheet(row(year=10**30)), 400, YEAR_RANGE),
    Case("history-import-date-as-number", "sam", sheet(row(decided=46011)), 400, "ô đang là một số"),
    Case("history-import-title-5000", "sam", sheet(row(title="x" * 5000)), 400, "vượt giới hạn 300 ký tự"),
    Case("history-import-row-twice", "sam", sheet(row(), row()), 400, "Trùng với dòng 2"),
    Case("history-import-already-stored", "sam", sheet(row(), _olga_by_id), 400, ONCE),
]
