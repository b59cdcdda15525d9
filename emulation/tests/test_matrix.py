"""The units × months matrix of monthly reports, and the secretariat urging a unit."""

import re
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from core.models import Notification
from emulation.models import MonthlyReport, ReportReminder
from emulation.reports.selectors import report_matrix
from emulation.reports.services import report_open
from units.tests.factories import UnitFactory

VN = ZoneInfo("Asia/Ho_Chi_Minh")
TODAY = date(2026, 11, 10)
SEPTEMBER, OCTOBER, NOVEMBER = date(2026, 9, 1), date(2026, 10, 1), date(2026, 11, 1)


@pytest.fixture
def clock(monkeypatch):
    """Fix today's date for the views; dates of given datetimes still convert normally."""
    real = timezone.localdate

    def set_today(day: date) -> None:
        monkeypatch.setattr(timezone, "localdate", lambda value=None, *a, **k: real(value, *a, **k) if value else day)

    set_today(TODAY)
    return set_today


def _sent(report, status: str, on: datetime) -> None:
    MonthlyReport.objects.filter(pk=report.pk).update(status=status, first_submitted_at=on, submitted_at=on)


@pytest.fixture
def reports(campaign, ward, alice, bob, clock) -> dict:
    """VP: September sent late (07/10), October accepted on time. KTHTDT: October draft. Others: nothing."""
    vp, kthtdt = ward.units["VP"], ward.units["KTHTDT"]
    september = report_open(campaign=campaign, unit=vp, month=SEPTEMBER, actor=alice)
    _sent(september, "submitted", datetime(2026, 10, 7, 9, 0, tzinfo=VN))
    october = report_open(campaign=campaign, unit=vp, month=OCTOBER, actor=alice)
    _sent(october, "accepted", datetime(2026, 11, 3, 9, 0, tzinfo=VN))
    draft = report_open(campaign=campaign, unit=kthtdt, month=OCTOBER, actor=bob)
    return {"vp_september": september, "vp_october": october, "kthtdt_october": draft}


def _url(campaign) -> str:
    return reverse("emulation:report-matrix", kwargs={"code": campaign.code})


def _page(client, user, campaign):
    client.force_login(user)
    response = client.get(_url(campaign))
    assert response.status_code == 200
    return response


def _plain(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def _cells(response, unit_code: str) -> list[str]:
    """The HTML of each month's cell in a unit's row (January first)."""
    html = response.content.decode()
    row = re.search(rf'<tr id="don-vi-{unit_code}">(.*?)</tr>', html, re.S)
    assert row, f"no row for {unit_code}"
    return re.findall(r"<td>(.*?)</td>", row.group(1), re.S)


def test_columns_are_the_months_up_to_the_current_one(client, sam, reports, campaign):
    response = _page(client, sam, campaign)
    months = [c["month"] for c in response.context["matrix"]["columns"]]
    assert months == [date(2026, m, 1) for m in range(1, 12)]
    assert "Tháng 11/2026 hạn 05/12/2026" in _plain(response.content.decode())
    assert '<th scope="col" data-month>Tháng 11/2026' in response.content.decode()
    assert '<th scope="col" data-month>Tháng 12/2026' not in response.content.decode()


def test_each_cell_says_its_status_in_words_and_links_to_the_report(client, sam, reports, campaign):
    response = _page(client, sam, campaign)
    vp, kthtdt, vhxh = _cells(response, "VP"), _cells(response, "KTHTDT"), _cells(response, "VHXH")
    assert _plain(vp[9]).startswith("VP, tháng 10/2026: Đã chấp nhận")
    assert "text-bg-success" in vp[9]
    assert reverse("emulation:report-detail", kwargs={"pk": reports["vp_october"].pk}) in vp[9]
    assert "Đã gửi, chờ xem xét" in _plain(vp[8]) and "text-bg-primary" in vp[8]
    assert "Đang soạn" in _plain(kthtdt[9]) and "text-bg-secondary" in kthtdt[9]
    assert "Chưa có" in _plain(vhxh[9]) and "href" not in vhxh[9]


def test_late_marks_reports_sent_after_the_deadline_and_missing_ones_past_it(client, sam, reports, campaign):
    response = _page(client, sam, campaign)
    vp, kthtdt, vhxh = _cells(response, "VP"), _cells(response, "KTHTDT"), _cells(response, "VHXH")
    assert "trễ hạn" in _plain(vp[8])  # sent on 07/10, due 05/10
    assert "trễ hạn" not in _plain(vp[9])  # accepted, sent on time
    assert "trễ hạn" in _plain(kthtdt[9])  # a draft past its deadline
    assert "trễ hạn" in _plain(vhxh[9])  # nothing sent, deadline passed
    assert "trễ hạn" not in _plain(vhxh[10])  # November: due 05/12
    row = re.search(r'<tr id="don-vi-VP">.*?</tr>', response.content.decode(), re.S).group(0)
    assert re.search(r'class="num">2/11</td>\s*<td class="num">9</td>', row)  # sent 2 of 11; late 9


def test_secretariat_chairman_and_admin_see_every_unit(client, sam, chris, ada, reports, campaign):
    for user in (sam, chris, ada):
        rows = _page(client, user, campaign).context["matrix"]["rows"]
        assert [r["unit"].code for r in rows] == ["VP", "KTHTDT", "VHXH", "TTPVHCC", "TTDVTH"], user


@pytest.mark.parametrize(("persona", "unit"), [("alice", "VP"), ("bob", "KTHTDT")])
def test_unit_head_sees_only_their_own_unit(client, personas, reports, campaign, persona, unit):
    response = _page(client, personas[persona], campaign)
    assert [r["unit"].code for r in response.context["matrix"]["rows"]] == [unit]
    other = "KTHTDT" if unit == "VP" else "VP"
    assert f'id="don-vi-{other}"' not in response.content.decode()
    assert "Đôn đốc" not in _plain(response.content.decode())


def test_official_without_a_unit_to_head_gets_404(client, olga, reports, campaign):
    client.force_login(olga)
    assert client.get(_url(campaign)).status_code == 404


def test_unit_head_gets_404_for_an_inactive_campaign(client, alice, sam, reports, campaign):
    campaign.is_active = False
    campaign.save()
    client.force_login(alice)
    assert client.get(_url(campaign)).status_code == 404
    assert _page(client, sam, campaign).status_code == 200


def test_unit_head_is_offered_to_create_the_missing_reports(client, alice, reports, campaign):
    cells = _cells(_page(client, alice, campaign), "VP")
    open_url = reverse("emulation:report-open", kwargs={"code": campaign.code})
    assert "Tạo báo cáo" not in cells[9]  # October exists
    assert "Tạo báo cáo" in cells[10]
    assert f'action="{open_url}"' in cells[10]
    assert 'name="unit" value="VP"' in cells[10] and 'name="month" value="2026-11"' in cells[10]


def test_secretariat_is_not_offered_to_create_reports(client, sam, reports, campaign):
    assert "Tạo báo cáo" not in _page(client, sam, campaign).content.decode()


def test_urge_button_only_for_unsent_months_due_within_a_week_or_past(client, sam, reports, campaign):
    response = _page(client, sam, campaign)
    vp, kthtdt, vhxh = _cells(response, "VP"), _cells(response, "KTHTDT"), _cells(response, "VHXH")
    assert "Đôn đốc" not in vp[9] and "Đôn đốc" not in vp[8]  # sent
    assert "Đôn đốc" in kthtdt[9] and "Đôn đốc" in vhxh[9]
    assert 'name="unit" value="KTHTDT"' in kthtdt[9] and 'name="month" value="2026-10"' in kthtdt[9]
    assert "Đôn đốc" not in vhxh[10]  # November is due in 25 days


@pytest.mark.parametrize(("today", "urgeable"), [(date(2026, 11, 27), False), (date(2026, 11, 28), True)])
def test_a_month_becomes_urgeable_seven_days_before_its_deadline(campaign, ward, today, urgeable):
    matrix = report_matrix(campaign, [ward.units["VHXH"]], today)
    assert matrix["rows"][0]["cells"][10]["urgeable"] is urgeable


def _urge(client, user, campaign, unit="KTHTDT", month="2026-10"):
    client.force_login(user)
    url = reverse("emulation:report-urge", kwargs={"code": campaign.code})
    return client.post(url, {"unit": unit, "month": month})


def test_urging_notifies_the_unit_head_and_shows_when(client, sam, bob, alice, reports, campaign):
    response = _urge(client, sam, campaign)
    assert response.status_code == 302 and response["Location"] == _url(campaign)
    note = Notification.objects.get(recipient=bob)
    assert note.kind == "report_urged" and note.title == "Đôn đốc nộp báo cáo tháng 10/2026"
    assert not Notification.objects.filter(recipient=alice).exists()
    urge = ReportReminder.objects.get(kind="urge")
    assert (urge.unit.code, urge.month, urge.sent_by) == ("KTHTDT", OCTOBER, sam)
    later = ReportReminder.objects.create(campaign=campaign, unit=urge.unit, month=OCTOBER, kind="urge")
    ReportReminder.objects.filter(pk=urge.pk).update(sent_at=datetime(2026, 11, 6, 8, 0, tzinfo=VN))
    ReportReminder.objects.filter(pk=later.pk).update(sent_at=datetime(2026, 11, 9, 23, 30, tzinfo=VN))
    page = client.get(_url(campaign))
    assert "Đã đôn đốc KTHTDT gửi báo cáo tháng 10/2026." in _plain(page.content.decode())
    assert "đã đôn đốc 09/11" in _plain(_cells(page, "KTHTDT")[9])
    assert "đã đôn đốc" not in _plain(_cells(page, "VHXH")[9])


def test_urging_a_unit_that_has_sent_is_refused(client, sam, alice, reports, campaign):
    response = _urge(client, sam, campaign, unit="VP", month="2026-10")
    assert response.status_code == 302
    page = client.get(_url(campaign))
    assert "VP đã gửi báo cáo tháng 10/2026." in _plain(page.content.decode())
    assert not ReportReminder.objects.exists() and not Notification.objects.exists()


@pytest.mark.parametrize("persona", ["alice", "bob", "chris", "ada", "olga"])
def test_only_the_secretariat_may_urge(client, personas, reports, campaign, persona):
    assert _urge(client, personas[persona], campaign).status_code == 404
    assert not ReportReminder.objects.exists() and not Notification.objects.exists()


@pytest.mark.parametrize(("unit", "month"), [("XYZ", "2026-10"), ("KTHTDT", "2025-10"), ("KTHTDT", "10/2026")])
def test_urging_an_unknown_unit_or_month_answers_404(client, sam, reports, campaign, unit, month):
    assert _urge(client, sam, campaign, unit=unit, month=month).status_code == 404
    assert not ReportReminder.objects.exists()


def _fill(campaign, units, months) -> None:
    """A report in every cell (statuses in turn) and an urge in half of them."""
    statuses = ["draft", "submitted", "returned", "accepted"]
    MonthlyReport.objects.bulk_create(
        [
            MonthlyReport(
                campaign=campaign,
                unit=unit,
                month=month,
                status=statuses[(i + j) % 4],
                first_submitted_at=datetime(month.year, month.month, 20, tzinfo=VN) if (i + j) % 4 else None,
            )
            for i, unit in enumerate(units)
            for j, month in enumerate(months)
        ]
    )
    ReportReminder.objects.bulk_create(
        [
            ReportReminder(campaign=campaign, unit=unit, month=month, kind="urge")
            for i, unit in enumerate(units)
            for j, month in enumerate(months)
            if (i + j) % 2 == 0
        ]
    )


def _count_queries(client, campaign) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(_url(campaign)).status_code == 200
    return len(queries)


def test_query_count_does_not_grow_with_units_or_months(client, sam, campaign, clock):
    months = campaign.months()
    units = list(campaign.participants.order_by("order"))
    extra = [UnitFactory(code=f"DVT{i}", order=10 + i) for i in range(10)]
    campaign.participants.add(*extra)
    _fill(campaign, units + extra, months)
    client.force_login(sam)
    client.get(_url(campaign))  # warm-up: per-process caches

    campaign.participants.remove(*extra)
    clock(date(2026, 3, 15))
    small = _count_queries(client, campaign)  # 5 units × 3 months
    campaign.participants.add(*extra)
    clock(date(2026, 12, 15))
    response = client.get(_url(campaign))
    assert len(response.context["matrix"]["rows"]) == 15 and len(response.context["matrix"]["columns"]) == 12
    large = _count_queries(client, campaign)  # 15 units × 12 months
    assert small == large
    assert large <= 12


# ---------------------------------------------------------------- in a real browser


def _foreign_pixels(driver, box) -> list[int]:
    """Dark or coloured pixels on each edge of the unit column, as the box shows it: 3 px inside its left edge,
    and its right border with the pixel before it, where the months go under. A sticky cell's background and
    borders are light or grey there; anything else is a badge or a number showing through."""
    import io

    from PIL import Image

    right, height = driver.execute_script(
        "const box = arguments[0];"
        "return [box.querySelector('thead th').getBoundingClientRect().right - box.getBoundingClientRect().left,"
        " box.clientTop + box.clientHeight - 6];",  # above the scroll bar (a phone's overlays the cells)
        box,
    )
    image = Image.open(io.BytesIO(box.screenshot_as_png)).convert("RGB")
    counts = []
    for first in (1, round(right) - 3):
        strip = image.crop((first, 1, first + 3, height))
        counts.append(sum(1 for pixel in strip.get_flattened_data() if min(pixel) < 150))
    return counts


# Whether a header cell of the box stands whole, beside the unit column, and nothing covers its middle.
WHOLE = """
const box = arguments[0], edge = box.querySelector("thead th").getBoundingClientRect().right;
const th = [...box.querySelectorAll("thead th")].find(t => t.textContent.trim() === arguments[1]);
const r = th.getBoundingClientRect(), b = box.getBoundingClientRect();
const seen = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
return r.left >= edge - 0.5 && r.right <= b.right + 0.5 && th.contains(seen);
"""


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("width", [390, 1280])
def test_matrix_sticky_cells_hide_what_scrolls_under_and_the_status_columns_are_reachable(
    live_server, campaign, sam, clock, width
):
    """A report in every cell. Scrolled anywhere, the edges of the unit column and of the corner show no pixel
    of the months under them; scrolled to the end, "Đã gửi" and "Trễ hạn" stand whole beside the unit column,
    and the arrow keys get there from the focused box."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    from core.tests.browser import chromium, save_screenshot, sign_in, wait_for

    _fill(campaign, list(campaign.participants.order_by("order")), campaign.months()[:11])
    driver = chromium((max(width, 500), 900))
    try:
        sign_in(driver, live_server, "sam")
        metrics = {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 500}
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", metrics)
        driver.get(live_server.url + _url(campaign))
        wait_for(driver).until(lambda d: d.execute_script("return document.fonts.status === 'loaded'"))
        box = driver.find_element(By.CSS_SELECTOR, ".matrix-wrap")
        driver.execute_script("arguments[0].scrollIntoView({block: 'start', behavior: 'instant'})", box)
        assert driver.execute_script("return document.documentElement.scrollWidth <= window.innerWidth")
        assert box.get_attribute("tabindex") == "0" and box.get_attribute("role") == "region"
        label = driver.find_element(By.ID, box.get_attribute("aria-labelledby"))
        assert "Tình hình gửi báo cáo số liệu tháng" in label.get_attribute("textContent")
        widest = driver.execute_script("return arguments[0].scrollWidth - arguments[0].clientWidth", box)
        assert widest > 0, "eleven months do not fit: the box scrolls"

        for offset in [*range(0, widest, 17), widest]:
            driver.execute_script("arguments[0].scrollLeft = arguments[1]", box, offset)
            assert _foreign_pixels(driver, box) == [0, 0], (width, offset)

        driver.execute_script("arguments[0].scrollLeft = 0; arguments[0].focus()", box)
        assert driver.switch_to.active_element == box
        keys = ActionChains(driver)
        for _ in range(100):
            keys.send_keys(Keys.ARROW_RIGHT)
        keys.perform()
        wait_for(driver, 5).until(
            lambda d: d.execute_script("return arguments[0].scrollLeft >= arguments[1] - 1", box, widest)
        )
        for name in ("Đã gửi", "Trễ hạn"):
            assert driver.execute_script(WHOLE, box, name), (width, name)
        save_screenshot(driver, f"matrix-scrolled-to-the-end-{width}")
    finally:
        driver.quit()
