"""Scoring periods: keys, months, the previous period of the same length, and the command-line formats."""

from datetime import date

import pytest

from emulation.plan.periods import (
    PeriodInvalid,
    parse_period,
    periods_affected_by,
    periods_containing,
    periods_for_campaign,
)

YEAR_2026 = [date(2026, m, 1) for m in range(1, 13)]


def months(year: int, first: int, last: int) -> tuple[date, ...]:
    return tuple(date(year, m, 1) for m in range(first, last + 1))


def test_every_month_quarter_year_to_date_and_the_year():
    periods = periods_for_campaign(YEAR_2026)
    keys = [p.key for p in periods]
    assert len(keys) == len(set(keys)) == 12 + 4 + 12 + 1
    assert {"2026-01", "2026-12", "2026-Q1", "2026-Q4", "2026-YTD-01", "2026-YTD-12", "2026"} <= set(keys)


@pytest.mark.parametrize(
    ("text", "kind", "current", "previous"),
    [
        ("2026-03", "month", months(2026, 3, 3), months(2026, 2, 2)),
        ("2026-01", "month", months(2026, 1, 1), months(2025, 12, 12)),
        ("2026-Q1", "quarter", months(2026, 1, 3), months(2025, 10, 12)),
        ("2026-Q3", "quarter", months(2026, 7, 9), months(2026, 4, 6)),
        ("2026-YTD-03", "ytd", months(2026, 1, 3), months(2025, 1, 3)),
        ("2026", "year", months(2026, 1, 12), months(2025, 1, 12)),
    ],
)
def test_previous_period_has_the_same_length(text, kind, current, previous):
    period = parse_period(text)
    assert (period.key, period.kind, period.months, period.previous) == (text, kind, current, previous)


def test_year_to_date_runs_through_the_latest_accepted_month():
    assert parse_period("2026-YTD", latest_accepted=date(2026, 3, 1)).key == "2026-YTD-03"
    assert parse_period("2026-ytd", latest_accepted=date(2026, 3, 1)).months == months(2026, 1, 3)
    assert parse_period("2026-YTD", latest_accepted=date(2027, 2, 1)).key == "2026-YTD-12"
    with pytest.raises(PeriodInvalid, match="chưa có báo cáo"):
        parse_period("2026-YTD", latest_accepted=None)
    with pytest.raises(PeriodInvalid):
        parse_period("2026-YTD", latest_accepted=date(2025, 12, 1))


@pytest.mark.parametrize("text", ["2026-13", "2026-Q5", "2026-YTD-00", "26-03", "quý 1", ""])
def test_bad_periods_are_refused(text):
    with pytest.raises(PeriodInvalid):
        parse_period(text)


def test_periods_containing_a_month():
    keys = {p.key for p in periods_containing(date(2026, 2, 15), YEAR_2026)}
    ytd = {f"2026-YTD-{m:02d}" for m in range(2, 13)}
    assert keys == {"2026-02", "2026-Q1", "2026"} | ytd


def test_periods_affected_include_those_comparing_with_the_month():
    keys = {p.key for p in periods_affected_by([date(2026, 3, 1)], YEAR_2026)}
    assert {"2026-03", "2026-04", "2026-Q1", "2026-Q2", "2026-YTD-03", "2026"} <= keys
    assert "2026-05" not in keys and "2026-Q3" not in keys and "2026-YTD-02" not in keys
