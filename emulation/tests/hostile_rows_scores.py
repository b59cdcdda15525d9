"""Hostile-input rows for the score pages (core/tests/test_hostile_input.py): periods no date can hold, digits
that are not ASCII, an endless value, ids past 64 bits, on every score page and its downloads.

A page answers 200 with its Vietnamese error (and falls back to the default period); a download answers 400
with the same error, since a file must not silently hold another period; an address no score has is a 404.
"""

from collections.abc import Callable
from datetime import date
from urllib.parse import quote, urlencode

from django.urls import reverse

from core.tests.hostile import Case, get
from units.models import Unit

LONG = "2026-" + "1" * 5000
FULL_WIDTH = "２０２６-１１"
OUT_OF_RANGE_YEAR = "Năm không hợp lệ"
UNREADABLE = "không hợp lệ; dùng dạng 2026-03, 2026-Q1, 2026-YTD hoặc 2026"
NOT_FOUND = "Không tìm thấy trang"


def context(ctx: dict) -> dict:
    """One accepted January report of TTDVTH (a unit no persona heads) and the scores computed from it, so that
    the dashboards read ?ky= instead of saying that nothing has been accepted yet."""
    from emulation.scores.services import scores_recompute
    from emulation.tests.conftest import ACCEPTED_AT, accepted_report

    campaign = ctx["campaign"]
    unit = Unit.objects.get(code="TTDVTH")
    accepted_report(campaign, unit, date(2026, 1, 1), ctx["sam"], ratio=(9, 10), accepted_at=ACCEPTED_AT)
    scores_recompute(campaign=campaign)
    indicator = campaign.indicators.get(code="1.2a")
    return {"scores_unit": unit, "scores_indicator": indicator}


def _overview(**query) -> Callable:
    return get(lambda ctx: f"{reverse('emulation:score-overview', args=[ctx['campaign'].code])}?{urlencode(query)}")


def _unit(code: str = "TTDVTH", **query) -> Callable:
    def url(ctx):
        return f"{reverse('emulation:score-unit', args=[ctx['campaign'].code, code])}?{urlencode(query)}"

    return get(url)


def _indicator(code: str = "1.2a", **query) -> Callable:
    def url(ctx):
        return f"{reverse('emulation:score-indicator', args=[ctx['campaign'].code, code])}?{urlencode(query)}"

    return get(url)


def _explain(unit_id=None, indicator_id=None, period: str = "2026-01") -> Callable:
    """The explain page's path written by hand: reverse() refuses what the id converter refuses."""

    def url(ctx):
        unit = unit_id or ctx["scores_unit"].pk
        indicator = indicator_id or ctx["scores_indicator"].pk
        return f"{reverse('emulation:campaign-list')}diem/{unit}/{indicator}/{quote(period)}/"

    return get(url)


CASES = [
    # The ward overview: a period no date can hold, or no campaign month, is a message on the page.
    Case("score overview ?ky=0000-01", "sam", _overview(ky="0000-01"), 200, OUT_OF_RANGE_YEAR),
    Case("score overview ?ky=0001-Q1", "sam", _overview(ky="0001-Q1"), 200, OUT_OF_RANGE_YEAR),
    Case("score overview ?ky=0000", "sam", _overview(ky="0000"), 200, OUT_OF_RANGE_YEAR),
    Case("score overview ?ky=0001-YTD-01", "sam", _overview(ky="0001-YTD-01"), 200, OUT_OF_RANGE_YEAR),
    Case("score overview ?ky=0001-YTD", "alice", _overview(ky="0001-YTD"), 200, OUT_OF_RANGE_YEAR),
    Case("score overview ?ky=9999-12", "sam", _overview(ky="9999-12"), 200, "nằm ngoài thời gian của phong trào"),
    Case("score overview ?ky=2026-00", "sam", _overview(ky="2026-00"), 200, "Tháng không hợp lệ trong “2026-00”"),
    Case("score overview ?ky full-width digits", "sam", _overview(ky=FULL_WIDTH), 200, UNREADABLE),
    Case("score overview ?ky 5,000 characters", "sam", _overview(ky=LONG), 200, UNREADABLE),
    Case("score overview ?ky with a NUL byte", "sam", _overview(ky="2026-\x0011"), 200, UNREADABLE),
    # Its downloads: the same message, as a 400 (a file must not hold another period than the one asked).
    Case("score overview csv ?ky=0000-01", "sam", _overview(ky="0000-01", xuat="csv"), 400, OUT_OF_RANGE_YEAR),
    Case("score overview xlsx ?ky=0001-Q1", "sam", _overview(ky="0001-Q1", xuat="xlsx"), 400, OUT_OF_RANGE_YEAR),
    Case(
        "score overview csv ?ky=0000",
        "alice",
        _overview(ky="0000", xuat="csv", bang="xep-hang"),
        400,
        OUT_OF_RANGE_YEAR,
    ),
    Case(
        "score overview xlsx ?ky=0001-YTD-01",
        "sam",
        _overview(ky="0001-YTD-01", xuat="xlsx", bang="chua-dat"),
        400,
        OUT_OF_RANGE_YEAR,
    ),
    Case(
        "score overview csv ?ky=9999-12",
        "sam",
        _overview(ky="9999-12", xuat="csv", bang="dat-chua-dat"),
        400,
        "nằm ngoài thời gian",
    ),
    Case("score overview csv ?ky=2026-00", "sam", _overview(ky="2026-00", xuat="csv"), 400, "Tháng không hợp lệ"),
    Case("score overview xlsx ?ky full-width", "sam", _overview(ky=FULL_WIDTH, xuat="xlsx"), 400, UNREADABLE),
    Case("score overview csv ?ky 5,000 characters", "sam", _overview(ky=LONG, xuat="csv"), 400, UNREADABLE),
    Case("score overview ?xuat=pdf", "sam", _overview(xuat="pdf"), 404, NOT_FOUND),
    Case("score overview csv of an unknown table", "sam", _overview(xuat="csv", bang="x" * 5000), 404, NOT_FOUND),
    # A unit's page and its downloads.
    Case("score unit ?ky=0000-01", "sam", _unit(ky="0000-01"), 200, OUT_OF_RANGE_YEAR),
    Case("score unit ?ky=0001-YTD-01 (own unit)", "alice", _unit("VP", ky="0001-YTD-01"), 200, OUT_OF_RANGE_YEAR),
    Case("score unit ?ky full-width", "sam", _unit(ky=FULL_WIDTH), 200, UNREADABLE),
    Case("score unit ?ky=9999-12", "sam", _unit(ky="9999-12"), 200, "nằm ngoài thời gian"),
    Case("score unit csv ?ky=0001-Q1", "sam", _unit(ky="0001-Q1", xuat="csv"), 400, OUT_OF_RANGE_YEAR),
    Case("score unit xlsx ?ky=0000", "sam", _unit(ky="0000", xuat="xlsx", bang="theo-thang"), 400, OUT_OF_RANGE_YEAR),
    Case("score unit csv ?ky=2026-00", "sam", _unit(ky="2026-00", xuat="csv"), 400, "Tháng không hợp lệ"),
    Case("score unit xlsx ?ky 5,000 characters", "sam", _unit(ky=LONG, xuat="xlsx"), 400, UNREADABLE),
    Case("score unit of a 5,000-character unit code", "sam", _unit("V" * 5000, ky="2026-01"), 404, NOT_FOUND),
    # The indicator page has no period: ?ky= is not read, the page and its download answer as usual.
    Case("score indicator ?ky=0000-01 is not read", "sam", _indicator(ky="0000-01"), 200, "1.2a"),
    Case("score indicator csv ?ky=0001-Q1 is not read", "sam", _indicator(ky="0001-Q1", xuat="csv"), 200),
    Case("score indicator of a 5,000-character code", "sam", _indicator("1" * 5000), 404, NOT_FOUND),
    # The explain page: ids past 64 bits and periods no score has are addresses that do not exist.
    Case("score explain, a 24-digit unit id", "sam", _explain(unit_id="9" * 24), 404, NOT_FOUND),
    Case("score explain, a 24-digit indicator id", "sam", _explain(indicator_id="1" * 24), 404, NOT_FOUND),
    Case("score explain, period 0000-01", "sam", _explain(period="0000-01"), 404, NOT_FOUND),
    Case("score explain, period 0001-Q1", "sam", _explain(period="0001-Q1"), 404, NOT_FOUND),
    Case("score explain, period 2026-13", "sam", _explain(period="2026-13"), 404, NOT_FOUND),
    Case("score explain, full-width period", "sam", _explain(period=FULL_WIDTH), 404, NOT_FOUND),
    Case("score explain, 5,000-character period", "sam", _explain(period=LONG), 404, NOT_FOUND),
    Case("score explain, period 9999-12", "sam", _explain(period="9999-12"), 404, NOT_FOUND),
]
