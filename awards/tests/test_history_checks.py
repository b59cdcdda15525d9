"""The rules of an award's own fields (awards/history/checks.py), case by case: what the entry form, the import and
the admin all refuse, and how names, titles and decision numbers are compared."""

from datetime import date, datetime

import pytest

from awards.history.checks import FieldsInvalid, award_fields_check, decision_number_canonical, fold
from core.dates import date_read

TODAY = date(2026, 11, 30)
GOOD = {
    "year": "2025",
    "title": "Lao động tiên tiến",
    "decision_number": "214/QĐ-UBND",
    "decision_date": "15/12/2025",
    "issuer": "Chủ tịch UBND phường Nam Gia Nghĩa",
    "period_start": "01/01/2025",
    "period_end": "31/12/2025",
}


def errors_of(**changes) -> dict[str, str]:
    with pytest.raises(FieldsInvalid) as caught:
        award_fields_check(GOOD | changes, today=TODAY)
    return caught.value.errors


def test_a_typical_paper_decision_is_read_as_typed():
    fields = award_fields_check(GOOD, today=TODAY)
    assert fields.year == 2025 and fields.decision_date == date(2025, 12, 15)
    assert (fields.period_start, fields.period_end) == (date(2025, 1, 1), date(2025, 12, 31))
    assert fields.decision_number == "214/QĐ-UBND" and fields.title == "Lao động tiên tiến"


def test_values_read_from_cells_are_taken_as_well_as_typed_text():
    cells = GOOD | {"year": 2025.0, "decision_date": datetime(2025, 12, 15), "period_start": date(2025, 1, 1)}
    assert award_fields_check(cells, today=TODAY).decision_date == date(2025, 12, 15)


def test_a_period_may_be_left_out_entirely():
    fields = award_fields_check(GOOD | {"period_start": "", "period_end": None}, today=TODAY)
    assert fields.period_start is None and fields.period_end is None


def test_every_bad_field_is_named_at_once():
    errors = errors_of(year="", title="", decision_number="", decision_date="", issuer="")
    assert set(errors) == {"year", "title", "decision_number", "decision_date", "issuer"}
    assert errors["title"] == "Thiếu danh hiệu hoặc hình thức khen thưởng."


@pytest.mark.parametrize(
    ("year", "message"),
    [
        ("1944", "Năm phải từ 1945 đến 2026."),
        ("2027", "Năm phải từ 1945 đến 2026."),
        (str(10**30), "Năm phải từ 1945 đến 2026."),
        ("-2025", "Không được là số âm."),
        ("2025,5", "Phải là số nguyên, không có phần thập phân."),
        ("hai nghìn", "“hai nghìn” không phải là số."),
    ],
)
def test_a_year_is_a_whole_number_from_1945_to_this_year(year, message):
    assert errors_of(year=year)["year"] == message


def test_the_award_year_cannot_come_after_the_decision():
    assert "sau năm của quyết định (2025)" in errors_of(year="2026", period_start="", period_end="")["year"]


def test_a_decision_in_the_future_is_refused_but_today_is_taken():
    assert "chưa tới" in errors_of(decision_date="01/12/2026")["decision_date"]
    today = GOOD | {"year": "2026", "decision_date": "30/11/2026", "period_start": "", "period_end": ""}
    assert award_fields_check(today, today=TODAY).decision_date == TODAY


@pytest.mark.parametrize("typed", ["31/02/2025", "2025-13-01", "0000-01-01", "15.12.2025", "hôm qua", "15/12/25"])
def test_a_date_no_calendar_has_or_in_another_form_is_refused(typed):
    assert "không phải ngày" in errors_of(decision_date=typed)["decision_date"]


def test_a_decision_dated_before_1945_is_refused():
    assert "từ năm 1945" in errors_of(year="1944", decision_date="01/01/1944", period_start="")["decision_date"]


def test_a_date_cell_holding_a_number_or_a_time_says_so():
    with pytest.raises(ValueError, match="ô đang là một số"):
        date_read(46011)
    with pytest.raises(ValueError, match="không ghi giờ"):
        date_read(datetime(2025, 12, 15, 9, 30))


def test_the_achievement_period_is_whole_ordered_and_sane():
    assert "Ghi cả ngày bắt đầu" in errors_of(period_end="")["period_end"]
    assert "Ghi cả ngày bắt đầu" in errors_of(period_start="")["period_start"]
    assert "trước ngày bắt đầu" in errors_of(period_start="31/12/2025", period_end="01/01/2025")["period_end"]
    assert "sau ngày quyết định" in errors_of(period_start="16/12/2025")["period_start"]
    assert "quá năm của quyết định" in errors_of(period_end="01/01/2026")["period_end"]
    assert "nằm ngoài thời gian thành tích" in errors_of(year="2024")["year"]


def test_a_two_year_period_holds_either_of_its_years():
    two_years = GOOD | {"year": "2024", "period_start": "01/01/2024"}
    assert award_fields_check(two_years, today=TODAY).period_start == date(2024, 1, 1)


def test_texts_are_bounded_and_kept_on_one_line():
    assert "vượt giới hạn 300 ký tự" in errors_of(title="x" * 301)["title"]
    assert "vượt giới hạn 255 ký tự" in errors_of(issuer="x" * 256)["issuer"]
    fields = award_fields_check(GOOD | {"title": "  Lao động\n tiên\u200b tiến "}, today=TODAY)
    assert fields.title == "Lao động tiên tiến"


@pytest.mark.parametrize("typed", ["Số 214", "214", "QĐ-UBND/214", "214/", "214//QĐ", "x" * 60])
def test_a_decision_number_is_a_number_and_its_symbol(typed):
    assert errors_of(decision_number=typed)["decision_number"]


def test_a_decision_number_is_stored_in_one_spelling():
    assert decision_number_canonical(" 214 / qđ-ubnd ") == "214/QĐ-UBND"
    assert award_fields_check(GOOD | {"decision_number": "1520/qđ-ctubnd"}, today=TODAY).decision_number == (
        "1520/QĐ-CTUBND"
    )


def test_fold_ignores_accents_case_and_spacing_only():
    assert fold("  Nguyễn  Văn ĐỨC ") == "nguyen van duc"
    assert fold("Lao động tiên tiến") == fold("lao dong tien tien")
    assert fold("Nguyễn Văn An") != fold("Nguyễn Văn Anh")
