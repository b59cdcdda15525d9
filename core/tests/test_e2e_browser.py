"""End to end in a real browser: sign in on a phone, read the campaign, sign out."""

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as ec

from core.tests.browser import DESKTOP, PHONE, chromium, save_screenshot, sign_in, wait_for


@pytest.fixture
def phone():
    driver = chromium(PHONE)
    yield driver
    driver.quit()


def _fits_the_screen(driver) -> bool:
    return driver.execute_script("return document.documentElement.scrollWidth <= window.innerWidth + 1")


@pytest.mark.django_db(transaction=True)
def test_unit_head_signs_in_on_a_phone_and_reads_the_campaign(phone, live_server, alice, campaign):
    phone.get(live_server.url)
    assert "/dang-nhap/" in phone.current_url  # anonymous visitors are sent to the login page
    sign_in(phone, live_server, "alice", "wrong-password", wait=False)
    error = wait_for(phone, 10).until(ec.presence_of_element_located((By.CSS_SELECTOR, ".alert-danger"))).text
    assert "tên đăng nhập" in error.lower() and "mật khẩu" in error.lower()
    save_screenshot(phone, "phone-login-error")

    sign_in(phone, live_server, "alice", wait=False)
    wait_for(phone, 10).until(ec.presence_of_element_located((By.ID, "todo-unit-head")))
    assert "Việc của thủ trưởng đơn vị" in phone.page_source
    assert _fits_the_screen(phone)
    save_screenshot(phone, "phone-home-unit-head")

    toggler = phone.find_element(By.CSS_SELECTOR, ".navbar-toggler")
    assert toggler.is_displayed()  # the menu folds on a phone
    toggler.click()
    link = wait_for(phone, 5).until(ec.element_to_be_clickable((By.LINK_TEXT, "Phong trào thi đua")))
    link.click()
    phone.find_element(By.PARTIAL_LINK_TEXT, "Đẩy mạnh công tác cải cách hành chính").click()
    wait_for(phone, 10).until(ec.presence_of_element_located((By.ID, "tieu-chi")))
    assert "Hồ sơ TTHC được giải quyết đúng hạn" in phone.page_source
    assert _fits_the_screen(phone)  # wide tables scroll inside their box, not the page
    save_screenshot(phone, "phone-campaign")

    toggler = phone.find_element(By.CSS_SELECTOR, ".navbar-toggler")
    toggler.click()
    wait_for(phone, 5).until(ec.element_to_be_clickable((By.CSS_SELECTOR, ".dropdown-toggle"))).click()
    wait_for(phone, 5).until(ec.element_to_be_clickable((By.XPATH, "//button[contains(., 'Đăng xuất')]"))).click()
    wait_for(phone, 10).until(ec.url_contains("/dang-nhap/"))


@pytest.mark.django_db(transaction=True)
def test_secretariat_home_and_campaign_on_a_desktop(live_server, sam, alice, campaign):
    driver = chromium(DESKTOP)
    try:
        sign_in(driver, live_server, "sam", wait=False)
        wait_for(driver, 10).until(ec.presence_of_element_located((By.ID, "todo-secretariat")))
        save_screenshot(driver, "desktop-home-secretariat")
        driver.get(f"{live_server.url}/phong-trao/{campaign.code}/")
        assert driver.find_element(By.CSS_SELECTOR, "h1").text == "KẾ HOẠCH"
        save_screenshot(driver, "desktop-campaign")
    finally:
        driver.quit()
