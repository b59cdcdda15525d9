"""Score dashboards: the unit page (indicators over the months, points by criterion), the indicator page
(every unit over the months) and the overview's chart and links.

Hand-computed figures (1.2a ratio, target 100, 5 points; 1.5c rising count, 5 points; 1.1
qualitative, 10 points, met at 8), campaign CCHC-2026, every report accepted by sam:

    unit     month  1.2a            1.5c  1.1
    VP       01     9/10 = 90%      100   8
    VP       02     10/20 = 50%     120   9      Feb: 1.1 9/10, 1.2 2,5/5, 1.5 5/5 → 16,5/20 = 82,5%
    KTHTDT   01     10/10 = 100%    50    7.5
    KTHTDT   02     8/10 = 80%      40    10     Feb: 1.1 10/10, 1.2 4/5, 1.5 0/5 → 14/20 = 70%
    VHXH     01     1/2 = 50%       —     5

VP, quarter 1: 1.2a (9 + 10) / (10 + 20) = 63,33% → 5 × 63,33 / 100 = 3,17; 1.1 (8 + 9) / 2 = 8,5.
"""

import json
import re
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from emulation.scores.services import scores_recompute
from emulation.tests.conftest import ACCEPTED_AT, FEB, JAN, accepted_report, score_url


def get(client, user, name, ky=None, **kwargs):
    client.force_login(user)
    return client.get(reverse(name, kwargs=kwargs), {"ky": ky} if ky is not None else {})


def unit_page(client, user, campaign, unit, ky=None):
    return get(client, user, "emulation:score-unit", ky, code=campaign.code, unit_code=unit)


def indicator_page(client, user, campaign, code):
    return get(client, user, "emulation:score-indicator", code=campaign.code, indicator_code=code)


def text(response) -> str:
    """The page as a reader sees it: tags dropped, spaces collapsed."""
    return " ".join(re.sub(r"<[^>]+>", " ", response.content.decode()).split())


def chart_data(response, element_id: str) -> dict:
    match = re.search(
        rf'<script id="{re.escape(element_id)}" type="application/json">(.*?)</script>', response.content.decode()
    )
    assert match, f"no chart data {element_id}"
    return json.loads(match[1])


def series_of(response, code: str):
    return next(s for s in response.context["series"] if s.indicator.code == code)


# ---------------------------------------------------------------- unit page


def test_unit_page_shows_each_indicator_by_month_against_its_target(client, scored, sam):
    response = unit_page(client, sam, scored, "VP")
    assert response.status_code == 200
    assert response.context["months"] == [JAN, FEB]
    ratio = series_of(response, "1.2a")
    assert [(c.label, c.value) for c in ratio.cells] == [("Chưa đạt", "90%"), ("Chưa đạt", "50%")]
    assert ratio.target_text == "≥ 100%"
    appraisal = series_of(response, "1.1")
    assert [(c.label, c.value) for c in appraisal.cells] == [("Đạt", "8 điểm"), ("Đạt", "9 điểm")]
    assert chart_data(response, "du-lieu-1-2a") == {
        "type": "line",
        "labels": ["01/2026", "02/2026"],
        "datasets": [
            {"label": "Giá trị 1.2a", "data": [90.0, 50.0]},
            {"label": "Chỉ tiêu phấn đấu", "data": [100.0, 100.0], "target": 1},
        ],
        "suffix": "%",
    }
    # The rising count has no target line: it is compared with the month before.
    assert [d["label"] for d in chart_data(response, "du-lieu-1-5c")["datasets"]] == ["Giá trị 1.5c"]
    page = response.content.decode()
    for period in ("2026-01", "2026-02"):
        assert score_url(scored, "VP", "1.2a", period) in page
    assert "Th 01/2026" in page and "Th 02/2026" in page
    assert 'data-chart="du-lieu-1-2a"' in page and "vendor/chartjs/chart.umd.min.js" in page
    assert reverse("emulation:score-indicator", kwargs={"code": scored.code, "indicator_code": "1.2a"}) in page


def test_unit_page_points_by_criterion_for_the_latest_month(client, scored, sam):
    response = unit_page(client, sam, scored, "VP")
    assert response.context["period"].key == "2026-02"
    points = {c.criterion.code: (c.points, c.max_points) for c in response.context["criteria"]}
    # 1.3 and 1.4 apply to VP but it reported none of their figures: no points, nothing counted in the maximum.
    assert points == {"1.1": (9, 10), "1.2": (Decimal("2.5"), 5), "1.3": (0, 0), "1.4": (0, 0), "1.5": (5, 5)}
    assert (response.context["total"], response.context["maximum"]) == (Decimal("16.5"), 20)
    page = text(response)
    assert "Tổng: 16,5 / 20 điểm (82,50%)" in page
    assert "1.2a: 2,5 / 5" in page
    chart = chart_data(response, "du-lieu-tieu-chi")
    assert chart["labels"] == ["1.1", "1.2", "1.3", "1.4", "1.5"]
    assert chart["datasets"][0]["data"] == [9.0, 2.5, 0.0, 0.0, 5.0]
    assert chart["datasets"][1]["data"] == [10.0, 5.0, 0.0, 0.0, 5.0]
    assert score_url(scored, "VP", "1.2a", "2026-02") in response.content.decode()


def test_unit_page_points_by_criterion_for_a_chosen_quarter(client, scored, sam):
    response = unit_page(client, sam, scored, "VP", "2026-Q1")
    assert response.context["period"].key == "2026-Q1"
    points = {c.criterion.code: (c.points, c.max_points) for c in response.context["criteria"]}
    assert points["1.2"] == (Decimal("3.17"), 5) and points["1.1"] == (Decimal("8.5"), 10)
    # The months stay the months of the campaign up to the latest accepted one, whatever the period.
    assert response.context["months"] == [JAN, FEB]


@pytest.mark.parametrize(
    ("ky", "message"),
    [("2026-13", "Tháng không hợp lệ"), ("abc", "không hợp lệ"), ("2031", "nằm ngoài thời gian")],
)
def test_unit_page_bad_period_is_a_message(client, scored, sam, ky, message):
    response = unit_page(client, sam, scored, "VP", ky)
    assert response.status_code == 200
    assert message in response.context["error"]
    assert response.context["period"].key == "2026-02"
    assert 'id="loi-ky"' in response.content.decode()


def test_unit_page_uses_the_target_of_the_version_each_month_was_scored_with(client, scored, sam):
    """1.2a's target drops from 100% to 90% from February: January is drawn against 100, February against 90."""
    from criteria.services import indicator_version_record

    indicator = scored.indicators.get(code="1.2a")
    indicator.target = Decimal("90")
    indicator.save()
    indicator_version_record(indicator=indicator, valid_from=FEB)
    scores_recompute(campaign=scored)
    response = unit_page(client, sam, scored, "VP")
    ratio = series_of(response, "1.2a")
    assert [t.value for t in ratio.targets] == [100, 90]
    assert ratio.target_text == "≥ 100% (từ 01/2026); ≥ 90% (từ 02/2026)"
    assert chart_data(response, "du-lieu-1-2a")["datasets"][1]["data"] == [100.0, 90.0]


def test_unit_head_sees_only_their_own_unit_page(client, scored, alice, bob, olga):
    assert unit_page(client, alice, scored, "VP").status_code == 200
    assert unit_page(client, alice, scored, "KTHTDT").status_code == 404
    assert unit_page(client, bob, scored, "VP").status_code == 404
    assert unit_page(client, bob, scored, "KTHTDT").status_code == 200
    assert unit_page(client, olga, scored, "VP").status_code == 404


def test_unit_page_of_an_unknown_or_non_participating_unit_is_404(client, scored, ward, sam):
    assert unit_page(client, sam, scored, "KHONGCO").status_code == 404
    scored.participants.remove(ward.units["TTDVTH"])
    assert unit_page(client, sam, scored, "TTDVTH").status_code == 404


def test_unit_page_without_accepted_reports(client, campaign, sam):
    response = unit_page(client, sam, campaign, "VP")
    assert response.status_code == 200
    assert "Chưa có báo cáo tháng nào được chấp nhận" in response.content.decode()
    assert "chart.umd.min.js" not in response.content.decode()


# ---------------------------------------------------------------- indicator page


def test_indicator_page_shows_every_unit_by_month(client, scored, sam):
    response = indicator_page(client, sam, scored, "1.2a")
    assert response.status_code == 200
    rows = {r.unit.code: [(c.label, c.value) for c in r.cells] for r in response.context["rows"]}
    assert list(rows)[:3] == ["VP", "KTHTDT", "VHXH"]
    assert rows["VP"] == [("Chưa đạt", "90%"), ("Chưa đạt", "50%")]
    assert rows["KTHTDT"] == [("Đạt", "100%"), ("Chưa đạt", "80%")]
    assert rows["VHXH"][0] == ("Chưa đạt", "50%") and rows["VHXH"][1][0] in {"Không có số liệu", "Không áp dụng"}
    chart = chart_data(response, "du-lieu-chi-tieu")
    by_label = {d["label"]: d["data"] for d in chart["datasets"]}
    vp, kthtdt = (response.context["rows"][i].unit.short_name for i in (0, 1))
    assert by_label[vp] == [90.0, 50.0] and by_label[kthtdt] == [100.0, 80.0]
    assert by_label["Chỉ tiêu phấn đấu"] == [100.0, 100.0]
    page = response.content.decode()
    assert score_url(scored, "KTHTDT", "1.2a", "2026-02") in page
    assert reverse("emulation:score-unit", kwargs={"code": scored.code, "unit_code": "KTHTDT"}) in page
    assert "Chỉ tiêu phấn đấu" in text(response) and "≥ 100%" in text(response)


def test_unit_head_sees_only_their_own_row_of_an_indicator(client, scored, alice, olga):
    response = indicator_page(client, alice, scored, "1.2a")
    assert response.status_code == 200
    assert [r.unit.code for r in response.context["rows"]] == ["VP"]
    chart = chart_data(response, "du-lieu-chi-tieu")
    assert len(chart["datasets"]) == 2  # VP and the target
    page = response.content.decode()
    assert 'id="dv-KTHTDT"' not in page
    assert score_url(scored, "KTHTDT", "1.2a", "2026-01") not in page
    assert indicator_page(client, olga, scored, "1.2a").status_code == 404


def test_indicator_page_of_an_unknown_indicator_is_404(client, scored, sam):
    assert indicator_page(client, sam, scored, "9.9z").status_code == 404


# ---------------------------------------------------------------- overview: chart and links


def test_overview_draws_the_ranking_and_links_units_and_indicators(client, scored, sam):
    response = get(client, sam, "emulation:score-overview", "2026-02", code=scored.code)
    chart = chart_data(response, "du-lieu-xep-hang")
    assert chart["type"] == "bar" and chart["horizontal"] == 1
    assert chart["datasets"][0]["data"][:3] == [82.5, 70.0, None]
    page = response.content.decode()
    for unit in ("VP", "KTHTDT", "VHXH"):
        assert reverse("emulation:score-unit", kwargs={"code": scored.code, "unit_code": unit}) in page
    assert reverse("emulation:score-indicator", kwargs={"code": scored.code, "indicator_code": "1.5c"}) in page
    assert "?ky=2026-02&amp;bang=xep-hang&amp;xuat=xlsx" in page
    assert "bang=dat-chua-dat&amp;xuat=csv" in page and "bang=chua-dat&amp;xuat=xlsx" in page


def test_overview_links_a_unit_head_only_to_their_own_unit(client, scored, alice):
    response = get(client, alice, "emulation:score-overview", "2026-02", code=scored.code)
    page = response.content.decode()
    assert reverse("emulation:score-unit", kwargs={"code": scored.code, "unit_code": "VP"}) in page
    assert reverse("emulation:score-unit", kwargs={"code": scored.code, "unit_code": "KTHTDT"}) not in page
    # Every unit's rank stays in the chart, as in the ranking table.
    assert chart_data(response, "du-lieu-xep-hang")["datasets"][0]["data"][:2] == [82.5, 70.0]


# ---------------------------------------------------------------- query bounds


def _fill(campaign, ward, sam, units: int, months: int) -> None:
    for code in list(ward.units)[:units]:
        for month in range(1, months + 1):
            accepted_report(
                campaign,
                ward.units[code],
                date(2026, month, 1),
                sam,
                ratio=(month, 10),
                count=month,
                appraised="8",
                accepted_at=ACCEPTED_AT,
            )
    scores_recompute(campaign=campaign)


@pytest.mark.parametrize(("units", "months"), [(2, 1), (5, 6)])
@pytest.mark.parametrize("persona", ["sam", "alice"])
@pytest.mark.parametrize("page", ["unit", "indicator", "overview"])
def test_dashboard_queries_do_not_grow(
    client, campaign, ward, personas, units, months, persona, page, django_assert_max_num_queries
):
    _fill(campaign, ward, personas["sam"], units, months)
    urls = {
        "unit": reverse("emulation:score-unit", kwargs={"code": campaign.code, "unit_code": "VP"}),
        "indicator": reverse("emulation:score-indicator", kwargs={"code": campaign.code, "indicator_code": "1.2a"}),
        "overview": reverse("emulation:score-overview", kwargs={"code": campaign.code}),
    }
    client.force_login(personas[persona])
    # The overview also shows the ranking document's state to the ward-wide roles (documents' partial): one more.
    with django_assert_max_num_queries(13 if page == "overview" else 12):
        response = client.get(urls[page])
    assert response.status_code == 200
    if page == "overview":
        assert response.context["period"].key == f"2026-{months:02d}"
    else:
        assert response.context["months"] == [date(2026, m, 1) for m in range(1, months + 1)]
    if page == "indicator":
        assert len(response.context["rows"]) == (5 if persona == "sam" else 1)


# ---------------------------------------------------------------- in a real browser


def _phone_viewport(driver, height: int = 844) -> None:
    """A true 390 px wide phone viewport: headless Chromium keeps windows at least 500 px wide."""
    metrics = {"width": 390, "height": height, "deviceScaleFactor": 1, "mobile": True}
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", metrics)


def _screenshot(driver, name: str, phone: bool) -> None:
    """The whole page, when E2E_SCREENSHOTS names a folder (the phone viewport is stretched to the page)."""
    import os
    from pathlib import Path

    from core.tests.browser import save_screenshot

    folder = os.environ.get("E2E_SCREENSHOTS")
    if not folder or not phone:
        save_screenshot(driver, name)
        return
    Path(folder).mkdir(parents=True, exist_ok=True)
    _phone_viewport(driver, min(driver.execute_script("return document.documentElement.scrollHeight"), 8000))
    driver.save_screenshot(str(Path(folder) / f"{name}.png"))
    _phone_viewport(driver)


@pytest.mark.django_db(transaction=True)
def test_dashboards_draw_their_charts_on_a_phone_and_a_desktop(live_server, campaign, ward, sam, alice):
    from selenium.webdriver.common.by import By

    from core.tests.browser import DESKTOP, PHONE, chromium, sign_in
    from emulation.demo import demo_history_load

    # Every unit, every indicator, January to June, figures varying by unit and month: the demo's.
    demo_history_load(campaign=campaign, through=date(2026, 6, 1), clerk=sam)
    base = f"{live_server.url}/phong-trao/{campaign.code}/diem/"
    pages = {"tong-quan": base, "don-vi": f"{base}don-vi/VP/", "chi-tieu": f"{base}chi-tieu/1.2a/"}
    for width, size in (("phone", PHONE), ("desktop", DESKTOP)):
        phone = width == "phone"
        driver = chromium(size)
        try:
            sign_in(driver, live_server, "sam")
            if phone:
                _phone_viewport(driver)
            driver.get_log("browser")  # forget the sign-in page's messages
            for name, url in pages.items():
                driver.get(url)
                assert driver.execute_script("return window.innerWidth") == (390 if phone else size[0])
                canvases = driver.find_elements(By.CSS_SELECTOR, "canvas[data-chart]")
                assert canvases, name
                drawn = driver.execute_script(
                    "return Array.from(document.querySelectorAll('canvas[data-chart]'))"
                    ".filter(c => Chart.getChart(c) && c.dataset.drawn === '1' && c.height > 0).length"
                )
                assert drawn == len(canvases), (name, width)
                assert driver.get_log("browser") == [], (name, width)
                # Wide tables scroll in their own box: the page itself never scrolls sideways.
                assert driver.execute_script(
                    "return document.documentElement.scrollWidth <= document.documentElement.clientWidth"
                ), (name, width)
                # Each result cell is coloured as well as worded (Bootstrap's table cells must not paint over it).
                colours = driver.execute_script(
                    "return [...document.querySelectorAll('.heat td[class^=heat-]')]"
                    ".map(td => getComputedStyle(td).backgroundColor)"
                )
                assert colours and "rgb(255, 255, 255)" not in colours, (name, width)
                _screenshot(driver, f"diem-{name}-{width}", phone)
            if not phone:
                _pick_a_period_with_the_keyboard_and_the_mouse(driver, pages["tong-quan"])
            if phone:
                sign_in(driver, live_server, "alice")
                driver.get(pages["chi-tieu"])
                assert len(driver.find_elements(By.CSS_SELECTOR, "#theo-don-vi tbody tr")) == 1
                assert (
                    driver.execute_script(
                        "return Chart.getChart(document.querySelector('canvas[data-chart]')).data.datasets.length"
                    )
                    == 2
                )
                _screenshot(driver, "diem-chi-tieu-phone-alice", phone)
        finally:
            driver.quit()


def _pick_a_period_with_the_keyboard_and_the_mouse(driver, url: str) -> None:
    """January to June accepted for every unit: the overview opens on June. Arrows move through the list
    without leaving the page; Enter shows the month chosen; a pick with the mouse shows its period at once."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import Select

    from core.tests.browser import wait_for

    driver.get(url)
    select = driver.find_element(By.ID, "ky")
    label = driver.find_element(By.CSS_SELECTOR, "label[for=ky]")
    assert label.is_displayed() and label.text == "Kỳ xem điểm"
    assert Select(select).first_selected_option.get_attribute("value") == "2026-06"
    assert "cả 5/5 đơn vị" in driver.find_element(By.ID, "ky-ghi-chu").text
    select.send_keys(Keys.ARROW_DOWN)
    assert driver.current_url == url  # moving through the list does not load a page per key
    select.send_keys(Keys.ENTER)
    wait_for(driver).until(lambda d: "ky=2026-05" in d.current_url)
    assert driver.find_element(By.CSS_SELECTOR, "h1").text == "Điểm thi đua: Tháng 05/2026"
    Select(driver.find_element(By.ID, "ky")).select_by_value("2026-Q2")
    wait_for(driver).until(lambda d: "ky=2026-Q2" in d.current_url)
    assert driver.find_element(By.CSS_SELECTOR, "h1").text == "Điểm thi đua: Quý II/2026"
