"""End to end in Chromium: a unit head fills and sends a month, the secretariat returns it, the unit
head corrects and resends, the secretariat accepts; each step is notified and kept in the history."""

import tempfile
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as ec

from core.models import Notification
from core.tests.browser import DESKTOP, PHONE, chromium, click, save_screenshot, sign_in, wait_for
from emulation.models import MonthlyReport
from emulation.tests.conftest import ONE_STOP, PDF


def _type(driver, name, value):
    field = driver.find_element(By.NAME, name)
    field.clear()
    field.send_keys(value)


def _fill_month(driver):
    for name, value in ONE_STOP.items():
        _type(driver, f"os-{name}", value)
    for card in driver.find_elements(By.CSS_SELECTOR, "fieldset[data-indicator]"):
        for field in card.find_elements(By.CSS_SELECTOR, "input[data-field], textarea"):
            name = field.get_attribute("name")
            value = {"numerator": "9", "denominator": "10", "value": "150", "self_score": "8,5"}.get(
                field.get_attribute("data-field"), "Tiếp nhận, trả kết quả không giấy tại Trung tâm."
            )
            field.clear()
            field.send_keys(value)
            del name


@pytest.mark.django_db(transaction=True)
def test_the_monthly_round_in_a_real_browser(live_server, alice, sam, campaign):
    driver = chromium(PHONE)
    try:
        sign_in(driver, live_server, "alice")
        click(driver, "//button[contains(., 'Lập báo cáo tháng')]")
        wait_for(driver).until(ec.presence_of_element_located((By.ID, "figures-form")))
        _fill_month(driver)
        live = driver.find_element(By.CSS_SELECTOR, "#chi-tieu-1\\.3c .live-percent").text
        assert live == "98% — chưa đạt"  # 98/100 against ≥ 99%, shown while typing
        assert driver.find_element(By.CSS_SELECTOR, "#chi-tieu-1\\.2b .live-percent").text == "90% — đạt"
        save_screenshot(driver, "phone-report-form")
        click(driver, "//button[normalize-space()='Lưu số liệu']")
        wait_for(driver).until(ec.url_matches(r"/bao-cao/\d+/$"))
        report = MonthlyReport.objects.get()

        with tempfile.TemporaryDirectory() as folder:
            pdf = Path(folder) / "minh-chung-1.1.pdf"
            pdf.write_bytes(PDF)
            driver.find_element(By.CSS_SELECTOR, "#chi-tieu-1\\.1 input[type=file]").send_keys(str(pdf))
            click(driver, "//tr[@id='chi-tieu-1.1']//button[normalize-space()='Tải lên']")
            # Inside the block: the browser reads the file while it sends the form.
            wait_for(driver).until(ec.presence_of_element_located((By.LINK_TEXT, "minh-chung-1.1.pdf")))
        click(driver, "//button[normalize-space()='Gửi báo cáo']")
        wait_for(driver).until(ec.text_to_be_present_in_element((By.CSS_SELECTOR, ".alert-success"), "Đã gửi"))

        driver.set_window_size(*DESKTOP)
        sign_in(driver, live_server, "sam")
        assert "1 báo cáo chờ xem xét" in driver.page_source
        driver.get(f"{live_server.url}/phong-trao/bao-cao/{report.pk}/")
        _type(driver, "reason", "Mẫu số chỉ tiêu 1.2b chưa khớp hệ thống một cửa")
        click(driver, "//button[normalize-space()='Trả lại']")
        wait_for(driver).until(ec.text_to_be_present_in_element((By.CSS_SELECTOR, ".alert-success"), "trả lại"))

        driver.set_window_size(*PHONE)
        sign_in(driver, live_server, "alice")
        assert Notification.objects.filter(recipient=alice, kind="report_returned", read_at=None).exists()
        driver.get(f"{live_server.url}/phong-trao/bao-cao/{report.pk}/sua/")
        _type(driver, "e-1.2b-denominator", "12")
        click(driver, "//button[normalize-space()='Lưu số liệu']")
        wait_for(driver).until(ec.url_matches(r"/bao-cao/\d+/$"))
        click(driver, "//button[normalize-space()='Gửi báo cáo']")
        wait_for(driver).until(ec.text_to_be_present_in_element((By.CSS_SELECTOR, ".alert-success"), "Đã gửi"))

        driver.set_window_size(*DESKTOP)
        sign_in(driver, live_server, "sam")
        driver.get(f"{live_server.url}/phong-trao/bao-cao/{report.pk}/")
        _type(driver, "appraise-1.1", "8")
        click(driver, "//button[normalize-space()='Chấp nhận']")
        wait_for(driver).until(ec.text_to_be_present_in_element((By.CSS_SELECTOR, ".alert-success"), "chấp nhận"))
        page = driver.find_element(By.TAG_NAME, "main").text
        assert "Mẫu số chỉ tiêu 1.2b chưa khớp" in page and "1.2b · mẫu số" in page
        save_screenshot(driver, "desktop-report-accepted")

        # Accepting recomputed the scores: the ward overview shows the unit ranked, within the screen.
        driver.get(f"{live_server.url}/phong-trao/{campaign.code}/diem/")
        overview = driver.find_element(By.TAG_NAME, "main").text
        assert "Điểm thi đua: Tháng 11/2026" in overview
        assert driver.find_element(By.CSS_SELECTOR, "table tbody tr").text.startswith("1 VP")
        assert driver.execute_script("return document.documentElement.scrollWidth <= window.innerWidth")
        save_screenshot(driver, "desktop-score-overview")
    finally:
        driver.quit()

    report.refresh_from_db()
    assert report.status == "accepted"
    assert list(report.transitions.values_list("to_status", flat=True)) == [
        "submitted",
        "returned",
        "submitted",
        "accepted",
    ]
    kinds = set(Notification.objects.values_list("recipient__username", "kind"))
    assert {("sam", "report_submitted"), ("alice", "report_returned"), ("alice", "report_accepted")} <= kinds
