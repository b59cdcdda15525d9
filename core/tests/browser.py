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


def wait_for(driver, seconds: int = 10):
    """A WebDriverWait that looks again, rather than failing, when the page replaced what it was
    looking at while loading (Chromium 156: "Node with given id does not belong to the document")."""
    from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, seconds, ignored_exceptions=(StaleElementReferenceException, WebDriverException))


def click(driver, xpath: str, attempts: int = 5) -> None:
    """Click the element at `xpath` once the page has loaded, as a person would.

    Chromium 156 sometimes answers "Node with given id does not belong to the document" when a
    click races the page settling after a navigation (even while checking the element is
    clickable); the element is then found again and the click retried (the error comes before
    the click, so nothing is clicked twice).
    """
    import time

    from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec

    for attempt in range(attempts):
        try:
            wait_for(driver).until(lambda d: d.execute_script("return document.readyState") == "complete")
            element = wait_for(driver).until(ec.element_to_be_clickable((By.XPATH, xpath)))
            # Bootstrap scrolls smoothly; jump instead so the click lands where the button is.
            driver.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element)
            element.click()
            return
        except (StaleElementReferenceException, WebDriverException) as exc:
            replaced = isinstance(exc, StaleElementReferenceException) or "does not belong to the document" in str(exc)
            if not replaced or attempt == attempts - 1:
                raise
            time.sleep(0.3)


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

    driver.delete_all_cookies()
    driver.get(f"{live_server.url}/dang-nhap/")
    driver.find_element(By.ID, "id_username").send_keys(username)
    driver.find_element(By.ID, "id_password").send_keys(password)
    button = driver.find_element(By.CSS_SELECTOR, "button[type=submit]")
    button.click()
    if wait:
        # The login page has a title too: wait for it to go before looking at the next page.
        wait_for(driver).until(ec.staleness_of(button))
        wait_for(driver).until(ec.presence_of_element_located((By.CSS_SELECTOR, ".page-title")))
