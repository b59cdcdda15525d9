"""In Chromium: an official registers an initiative with a file on a phone, the secretariat recognises it on a
desktop, and every page fits its screen (wide tables and long titles wrap or scroll inside their box)."""

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as ec

from core.tests.browser import DESKTOP, PHONE, chromium, click, save_screenshot, sign_in, wait_for
from emulation.initiatives.models import Initiative

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _fits(driver) -> bool:
    return driver.execute_script("return document.documentElement.scrollWidth <= window.innerWidth + 1")


@pytest.mark.django_db(transaction=True)
def test_an_official_registers_on_a_phone_and_the_secretariat_recognises(
    live_server, olga, alice, sam, campaign, tmp_path
):
    note = tmp_path / "thuyet-minh.pdf"
    note.write_bytes(PDF)
    phone = chromium(PHONE)
    try:
        sign_in(phone, live_server, "olga")
        phone.get(f"{live_server.url}/phong-trao/{campaign.code}/sang-kien/")
        click(phone, "//a[contains(., 'Đăng ký sáng kiến')]")
        wait_for(phone).until(ec.presence_of_element_located((By.ID, "id-title")))
        assert phone.find_element(By.ID, f"author-{olga.official.pk}").is_selected()  # herself, by default
        phone.find_element(By.ID, "id-title").send_keys("Nhắc lịch hẹn trả kết quả qua tin nhắn")
        phone.find_element(By.ID, "id-problem").send_keys("Người dân quên ngày hẹn.")
        phone.find_element(By.ID, "id-solution").send_keys("Gửi tin nhắn nhắc trước một ngày.")
        phone.find_element(By.ID, "id-files").send_keys(str(note))
        click(phone, f"//input[@id='author-{alice.official.pk}']")
        assert _fits(phone)
        save_screenshot(phone, "phone-initiative-register")
        click(phone, "//button[contains(., 'Đăng ký sáng kiến')]")
        wait_for(phone).until(ec.text_to_be_present_in_element((By.CSS_SELECTOR, "main"), "Đã đăng ký sáng kiến"))
        assert "thuyet-minh.pdf" in phone.page_source and "Alice Nguyễn" in phone.page_source
        assert _fits(phone)
        save_screenshot(phone, "phone-initiative-detail")
    finally:
        phone.quit()

    initiative = Initiative.objects.get()
    desktop = chromium(DESKTOP)
    try:
        sign_in(desktop, live_server, "sam")
        desktop.get(f"{live_server.url}/phong-trao/sang-kien/{initiative.pk}/cong-nhan/")
        desktop.find_element(By.ID, "id-recognised_on").send_keys("15/03/2026")
        click(desktop, "//input[@id='level-ward']")
        desktop.find_element(By.ID, "id-decision_reference").send_keys("Quyết định số 45/QĐ-UBND")
        click(desktop, "//input[@id='id-applied']")
        click(desktop, "//button[contains(., 'Lưu thông tin công nhận')]")
        wait_for(desktop).until(ec.text_to_be_present_in_element((By.CSS_SELECTOR, "main"), "Đã lưu thông tin"))
        save_screenshot(desktop, "desktop-initiative-recognised")
    finally:
        desktop.quit()
    initiative.refresh_from_db()
    assert initiative.counts_for_awards and f"{initiative.recognised_on:%d/%m/%Y}" == "15/03/2026"
