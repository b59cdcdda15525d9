"""Dates as a document writes them (core.dates.date_written; Decree 30/2020, Appendix I, II.4.b)."""

from datetime import date

from core.dates import date_written
from core.templatetags.vn import vn_date_written


def test_a_day_below_ten_and_the_months_one_and_two_take_a_leading_zero():
    assert date_written(date(2027, 1, 5)) == "ngày 05 tháng 01 năm 2027"
    assert date_written(date(2026, 2, 27)) == "ngày 27 tháng 02 năm 2026"
    assert date_written(date(2026, 3, 9)) == "ngày 09 tháng 3 năm 2026"
    assert date_written(date(2025, 12, 31)) == "ngày 31 tháng 12 năm 2025"


def test_a_date_not_yet_set_leaves_blanks_for_the_pen():
    assert " ".join(date_written(None, year=2026).split()) == "ngày tháng năm 2026"
    assert vn_date_written(None, 2026) == date_written(None, year=2026)
