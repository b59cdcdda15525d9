"""Scoring periods: keys, months, the previous period of the same length, their words and the typed formats;
and on the dashboards, the period shown by default, why, and the list of periods to pick from."""

import re
from datetime import date

import pytest
from django.urls import reverse

from emulation.plan.periods import (
    PeriodInvalid,
    parse_period,
    periods_affected_by,
    periods_containing,
    periods_for_campaign,
)
from emulation.scores.services import scores_recompute
from emulation.tests.conftest import ACCEPTED_AT, accepted_report
from emulation.tests.test_dashboards import get, text, unit_page

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


@pytest.mark.parametrize(
    ("text", "label", "in_sentence"),
    [
        ("2026-11", "Tháng 11/2026", "tháng 11/2026"),
        ("2026-Q1", "Quý I/2026", "quý I/2026"),
        ("2026-Q2", "Quý II/2026", "quý II/2026"),
        ("2026-Q3", "Quý III/2026", "quý III/2026"),
        ("2026-Q4", "Quý IV/2026", "quý IV/2026"),
        ("2026-YTD-11", "Lũy kế đến tháng 11/2026", "lũy kế đến tháng 11/2026"),
        ("2026", "Năm 2026", "năm 2026"),
    ],
)
def test_labels_are_the_sites_words_with_quarters_in_roman_numerals(text, label, in_sentence):
    period = parse_period(text)
    assert (period.label, period.label_in_sentence) == (label, in_sentence)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("0000-01", "năm phải từ 1900 đến 9999"),
        ("0001-Q1", "năm phải từ 1900 đến 9999"),
        ("0000", "năm phải từ 1900 đến 9999"),
        ("0001-YTD-01", "năm phải từ 1900 đến 9999"),
        ("0001-YTD", "năm phải từ 1900 đến 9999"),
        ("2026-00", "Tháng không hợp lệ"),
        ("2026-YTD-13", "Tháng không hợp lệ"),
        ("２０２６-１１", "không hợp lệ"),  # full-width digits are not read as a year
        ("٢٠٢٦", "không hợp lệ"),
    ],
)
def test_a_year_that_is_no_date_or_digits_that_are_not_ascii_are_refused_in_words(text, message):
    """The period before year 1 is year 0, which no date can hold: a Vietnamese error, never a ValueError."""
    with pytest.raises(PeriodInvalid, match=message):
        parse_period(text, latest_accepted=date(2026, 3, 1))


def test_a_long_value_is_not_repeated_whole_in_the_message():
    with pytest.raises(PeriodInvalid) as refused:
        parse_period("9" * 5000)
    assert len(str(refused.value)) < 120 and "…" in str(refused.value)


def test_the_last_year_a_date_can_hold_still_has_its_periods():
    assert parse_period("9999-12").months == (date(9999, 12, 1),)
    assert parse_period("1900-Q1").previous[0] == date(1899, 10, 1)


# ---------------------------------------------------------------- the period picker and the default period


def picker(response) -> list[tuple[str, list[tuple[str, str]]]]:
    """The period list as shown: (group, [(?ky= key, words)]), and the option selected."""
    html = response.content.decode()
    form = re.search(r'<form method="get" class="period-picker.*?</form>', html, re.S)
    assert form, "no period picker"
    groups = re.findall(r'<optgroup label="([^"]+)">(.*?)</optgroup>', form[0], re.S)
    return [(label, re.findall(r'<option value="([^"]+)"[^>]*>([^<]+)</option>', body)) for label, body in groups]


def selected(response) -> str:
    return re.findall(r'<option value="([^"]+)" selected>', response.content.decode())


@pytest.mark.parametrize("page", ["overview", "unit"])
def test_the_period_picker_lists_the_periods_with_figures_in_words(client, scored, sam, page):
    """January and February accepted: months, the quarter, the years to date and the year, latest first; no
    typed key, no March (no figures yet), the keys as values so that links and downloads keep working."""
    if page == "overview":
        response = get(client, sam, "emulation:score-overview", code=scored.code)
    else:
        response = unit_page(client, sam, scored, "VP")
    assert picker(response) == [
        ("Tháng", [("2026-02", "Tháng 02/2026"), ("2026-01", "Tháng 01/2026")]),
        ("Quý", [("2026-Q1", "Quý I/2026 (đến tháng 02/2026)")]),
        (
            "Lũy kế từ đầu năm",
            [("2026-YTD-02", "Lũy kế đến tháng 02/2026"), ("2026-YTD-01", "Lũy kế đến tháng 01/2026")],
        ),
        ("Năm", [("2026", "Năm 2026 (đến tháng 02/2026)")]),
    ]
    assert selected(response) == ["2026-02"]
    html = response.content.decode()
    assert '<label for="ky" class="form-label fw-semibold">Kỳ xem điểm</label>' in html
    assert re.search(r'<select class="form-select" id="ky" name="ky"[^>]*>', html)
    assert re.search(r'<button class="btn btn-primary" type="submit">Xem</button>', html)  # works without JavaScript
    assert 'type="text"' not in html


@pytest.mark.parametrize(("ky", "chosen"), [("2026-Q1", "2026-Q1"), ("2026-YTD", "2026-YTD-02"), ("2026", "2026")])
def test_the_period_picker_selects_the_period_shown(client, scored, sam, ky, chosen):
    for response in (
        get(client, sam, "emulation:score-overview", ky, code=scored.code),
        unit_page(client, sam, scored, "VP", ky),
    ):
        assert selected(response) == [chosen]
        assert "(kỳ đã chọn)" in text(response)


def test_a_period_without_figures_asked_by_its_key_is_listed_as_such(client, scored, sam):
    """A bookmark to December (inside the campaign, nothing accepted yet) shows December, and the list says so."""
    response = get(client, sam, "emulation:score-overview", "2026-12", code=scored.code)
    assert response.context["period"].key == "2026-12"
    months = dict(picker(response))["Tháng"]
    assert months[0] == ("2026-12", "Tháng 12/2026 (chưa có số liệu)") and selected(response) == ["2026-12"]


def _accept_all(campaign, ward, sam, months: list[int], latest_only: list[str]) -> None:
    """Every unit accepted in `months`; in the month after, only the units in `latest_only`."""
    for code, unit in ward.units.items():
        for month in months + ([months[-1] + 1] if code in latest_only else []):
            accepted_report(campaign, unit, date(2026, month, 1), sam, ratio=(9, 10), accepted_at=ACCEPTED_AT)
    scores_recompute(campaign=campaign)


@pytest.mark.parametrize("page", ["overview", "unit"])
def test_the_default_period_is_the_latest_month_every_unit_was_accepted_for(
    client, campaign, ward, sam, page, django_assert_max_num_queries
):
    """September and October accepted for all five units, November for one: the dashboards open on October,
    and say why."""
    _accept_all(campaign, ward, sam, [9, 10], latest_only=["VP"])
    url = {
        "overview": reverse("emulation:score-overview", kwargs={"code": campaign.code}),
        "unit": reverse("emulation:score-unit", kwargs={"code": campaign.code, "unit_code": "VP"}),
    }[page]
    client.force_login(sam)
    with django_assert_max_num_queries({"overview": 13, "unit": 12}[page]):  # the overview: its ranking PDF's state
        response = client.get(url)
    assert response.context["period"].key == "2026-10"
    assert "Đang xem tháng 10/2026: tháng gần nhất mà cả 5/5 đơn vị đã được chấp nhận báo cáo." in text(response)
    assert selected(response) == ["2026-10"]
    assert dict(picker(response))["Tháng"][0] == ("2026-11", "Tháng 11/2026")  # still offered, with its figures
    chosen = client.get(url, {"ky": "2026-11"})
    assert "Đang xem tháng 11/2026 (kỳ đã chọn): 1/5 đơn vị đã được chấp nhận báo cáo." in text(chosen)
    quarter = text(client.get(url, {"ky": "2026-Q4"}))
    assert "Đang xem quý IV/2026 (kỳ đã chọn), số liệu đến tháng 11/2026; chưa đủ báo cáo được chấp nhận:" in quarter
    assert "tháng 11/2026 (1/5 đơn vị)" in quarter


def test_without_a_month_every_unit_was_accepted_for_the_default_is_the_latest_with_any(client, scored, sam):
    response = get(client, sam, "emulation:score-overview", code=scored.code)
    assert response.context["period"].key == "2026-02"
    assert (
        "Đang xem tháng 02/2026: chưa có tháng nào cả 5 đơn vị đều được chấp nhận báo cáo; đây là tháng gần nhất"
        " có báo cáo được chấp nhận (2/5 đơn vị)." in text(response)
    )


def test_only_participating_units_count_for_the_default_period(client, scored, ward, sam):
    """Without the two centres, VP, KTHTDT and VHXH take part: January is the latest month all three were accepted."""
    scored.participants.remove(ward.units["TTPVHCC"], ward.units["TTDVTH"])
    response = get(client, sam, "emulation:score-overview", code=scored.code)
    assert response.context["period"].key == "2026-01"
    assert "tháng gần nhất mà cả 3/3 đơn vị đã được chấp nhận báo cáo" in text(response)


def test_a_refused_period_falls_back_to_the_default_and_says_both(client, scored, sam):
    response = get(client, sam, "emulation:score-overview", "2026-13", code=scored.code)
    page = text(response)
    assert "Tháng không hợp lệ trong “2026-13”." in page and "Đang xem tháng 02/2026:" in page
    assert selected(response) == ["2026-02"]


def test_the_note_names_the_latest_months_short_of_units_and_counts_the_rest():
    from emulation.scores.overview import Coverage, period_note

    coverage = Coverage(participants=5, accepted={date(2026, m, 1): 4 for m in range(1, 6)})
    assert period_note(parse_period("2026"), coverage, asked=True) == (
        "Đang xem năm 2026 (kỳ đã chọn), số liệu đến tháng 05/2026; chưa đủ báo cáo được chấp nhận:"
        " tháng 05/2026 (4/5 đơn vị), tháng 04/2026 (4/5 đơn vị), tháng 03/2026 (4/5 đơn vị) và 2 tháng khác."
    )
    assert period_note(parse_period("2026-05"), coverage, asked=False) == (
        "Đang xem tháng 05/2026: chưa có tháng nào cả 5 đơn vị đều được chấp nhận báo cáo; đây là tháng gần nhất"
        " có báo cáo được chấp nhận (4/5 đơn vị)."
    )
