"""A real headless Chromium (Debian's chromium + chromium-driver) for end-to-end tests."""

import os
import shutil
from pathlib import Path

import pytest

from units.tests.factories import TEST_PASSWORD

CHROMIUM = shutil.which("chromium")
CHROMEDRIVER = shutil.which("chromedriver")
PHONE = (390, 844)
DESKTOP = (1366, 900)


def chromium(size: tuple[int, int]):
    """A headless Chromium with no network access beyond this machine; skip when not installed."""
    if not (CHROMIUM and CHROMEDRIVER):
        pytest.skip("chromium and chromium-driver are not installed (make test installs them as root)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        f"--window-size={size[0]},{size[1]}",
        "--lang=vi",
    ):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(30)
    return driver


def save_screenshot(driver, name: str) -> None:
    """Keep a full-page screenshot when E2E_SCREENSHOTS names a folder, to look at the page as a user would."""
    folder = os.environ.get("E2E_SCREENSHOTS")
    if not folder:
        return
    Path(folder).mkdir(parents=True, exist_ok=True)
    size = driver.get_window_size()
    height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.set_window_size(size["width"], min(height + 120, 8000))
    driver.save_screenshot(str(Path(folder) / f"{name}.png"))
    driver.set_window_size(size["width"], size["height"])


def sign_in(driver, live_server, username: str, password: str = TEST_PASSWORD, wait: bool = True) -> None:
    """Sign in through the login form as a person would; wait for the next page unless told not to."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    driver.delete_all_cookies()
    driver.get(f"{live_server.url}/dang-nhap/")
    driver.find_element(By.ID, "id_username").send_keys(username)
    driver.find_element(By.ID, "id_password").send_keys(password)
    button = driver.find_element(By.CSS_SELECTOR, "button[type=submit]")
    button.click()
    if wait:
        # The login page has a title too: wait for it to go before looking at the next page.
        WebDriverWait(driver, 10).until(ec.staleness_of(button))
        WebDriverWait(driver, 10).until(ec.presence_of_element_located((By.CSS_SELECTOR, ".page-title")))
