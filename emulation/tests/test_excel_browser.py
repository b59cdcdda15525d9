"""In Chromium, on a phone-sized screen: the import progress page follows a running job and shows its result."""

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as ec

from core.tests.browser import PHONE, chromium, save_screenshot, sign_in, wait_for
from emulation.models import ImportJob


@pytest.mark.django_db(transaction=True)
def test_progress_page_polls_until_the_job_ends_then_lists_the_errors(live_server, sam, campaign):
    job = ImportJob.objects.create(
        campaign=campaign,
        kind=ImportJob.Kind.LONG,
        file="imports/x.xlsx",
        original_name="so-lieu-quy-1.xlsx",
        status=ImportJob.Status.RUNNING,
        total_rows=1000,
        processed_rows=100,
        created_by=sam,
    )
    driver = chromium(PHONE)
    try:
        sign_in(driver, live_server, "sam")
        driver.get(f"{live_server.url}/phong-trao/nhap-so-lieu/{job.pk}/")
        assert driver.find_element(By.ID, "import-bar").text == "10%"

        # The worker moves on: the bar follows without a reload.
        ImportJob.objects.filter(pk=job.pk).update(processed_rows=600)
        wait_for(driver, 5).until(ec.text_to_be_present_in_element((By.ID, "import-bar"), "60%"))
        assert "Đã kiểm tra 600/1000 dòng." in driver.find_element(By.ID, "import-count").text
        save_screenshot(driver, "excel-import-running")

        # The job fails: the page reloads itself and shows the cells to fix.
        error = {"sheet": "Số liệu", "row": 7, "column": "D (Tử số)", "message": "Không được là số âm."}
        ImportJob.objects.filter(pk=job.pk).update(
            status=ImportJob.Status.FAILED, processed_rows=1000, errors=[error], summary="Có 1 lỗi; không lưu gì."
        )
        wait_for(driver, 5).until(ec.presence_of_element_located((By.ID, "errors-title")))
        main = driver.find_element(By.TAG_NAME, "main").text
        assert "Có lỗi, không lưu gì" in main and "Không được là số âm." in main and "D (Tử số)" in main
        # Nothing sticks out sideways on a phone (Chromium may keep the window wider than asked: compare to it).
        assert driver.execute_script(
            "return document.documentElement.scrollWidth <= document.documentElement.clientWidth"
        )
        save_screenshot(driver, "excel-import-failed")
    finally:
        driver.quit()
