"""In Chromium, from the demo data: VP's head builds a Giấy khen dossier on a phone (the unit and two officials,
chosen from the records; a third already awarded for the same achievement is caught and taken out), the
secretariat returns it with reasons (and sees why KT-HT-ĐT's unit is not eligible in its own dossier) and accepts
it once fixed, the ward council's votes are recorded, the chairman approves and issues the numbered decision with
its money and certificate numbers; every step is in the dossier's history with who took it and why, and each
person sees their notice."""

import io
import re
from datetime import timedelta

import pytest
from django.conf import settings as django_settings
from django.core.management import call_command
from django.utils import timezone
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as ec
from selenium.webdriver.support.ui import Select

from awards.decisions.models import Decision
from awards.dossiers.models import Dossier, DossierStatus
from core.models import Notification
from core.tests.browser import DESKTOP, PHONE, chromium, click, save_screenshot, sign_in, wait_for

FORM = "Giấy khen của Chủ tịch UBND phường"
VP, VP_SHORT = "Văn phòng HĐND và UBND phường", "Văn phòng HĐND-UBND"
HANH, HUY, KHAI = "Đỗ Thị Hạnh", "Phan Quốc Huy", "Trịnh Văn Khải"
HEAD, CLERK, CHAIRMAN = "Lê Văn Cường", "Trần Thị Bình", "Nguyễn Văn An"
RETURN_REASON = "Đề nghị bổ sung số liệu cụ thể về kết quả cải cách hành chính năm 2026."
HUY_REASON = "Báo cáo chưa nêu sáng kiến cá nhân đã áp dụng."
# The demo's rules on the decision's day: 0,30 × 2.340.000 đồng rounded up to 10.000; a collective twice that.
MONEY = {VP: "1.410.000", HANH: "710.000", HUY: "710.000"}
TOTAL = "2.830.000 đồng"


def _main(driver) -> str:
    return driver.find_element(By.TAG_NAME, "main").text


def _fits(driver) -> bool:
    return driver.execute_script("return document.documentElement.scrollWidth <= window.innerWidth + 1")


def _press(driver, xpath: str, expect: str) -> str:
    """Click, wait for the next page to replace this one and show `expect` (in any case); the page's text."""
    page = driver.find_element(By.TAG_NAME, "html")
    click(driver, xpath)
    try:
        wait_for(driver).until(ec.staleness_of(page))
        wait_for(driver).until(lambda d: expect.lower() in _main(d).lower())  # section titles are upper case
    except TimeoutException:
        raise AssertionError(f"“{expect}” not shown at {driver.current_url}:\n{_main(driver)}") from None
    return _main(driver)


def _type(driver, element_id: str, text: str) -> None:
    field = driver.find_element(By.ID, element_id)
    field.clear()
    field.send_keys(text)


def _nominee_row(name: str) -> str:
    return f"//tr[starts-with(@id, 'de-nghi-')][.//strong[normalize-space()='{name}']]"


def _notices(driver, live_server) -> str:
    """The bell's page."""
    driver.get(f"{live_server.url}/thong-bao/")
    wait_for(driver).until(ec.presence_of_element_located((By.CSS_SELECTOR, ".page-title")))
    return _main(driver)


def _history(driver) -> list[tuple[str, str, str]]:
    """The dossier page's "Lịch sử xử lý": (who, the state it moved to, the reason) per step."""
    rows = driver.find_elements(By.XPATH, "//h2[contains(., 'Lịch sử xử lý')]/following::table[1]/tbody/tr")
    steps = []
    for row in rows:
        who, what, why = (row.find_element(By.XPATH, f"./td[{i}]").text for i in (2, 3, 4))
        steps.append((who, what.split("→")[-1].strip(), why))
    return steps


def _build_on_a_phone(phone, live_server) -> None:
    """The unit head opens the dossier and fills it in, as far as sending it."""
    sign_in(phone, live_server, "tp_vanphong", password=django_settings.DEMO_PASSWORD)
    assert "Đơn vị chưa lập hồ sơ đề nghị khen thưởng nào." in _main(phone)
    click(phone, "//button[contains(@class, 'navbar-toggler')]")
    click(phone, "//nav//a[contains(., 'Khen thưởng')]")
    wait_for(phone).until(ec.text_to_be_present_in_element((By.CSS_SELECTOR, ".page-title"), "Hồ sơ khen thưởng"))
    text = _press(phone, f"//section[.//h2[.='{FORM}']]//button[contains(., 'Lập hồ sơ')]", "Đã lập hồ sơ đề nghị")
    assert f"Hồ sơ đề nghị {FORM}" in text and "Đang soạn" in text
    assert "chưa có tập thể, cá nhân nào được đề nghị" in text
    for choice, name in ((f"Tập thể: {VP}", VP), (HANH, HANH), (HUY, HUY), (KHAI, KHAI)):
        options = Select(phone.find_element(By.ID, "official"))
        label = next(o.text for o in options.options if o.text.startswith(choice))  # chosen from the records
        options.select_by_visible_text(label)
        _press(phone, "//form[.//select[@id='official']]//button[@type='submit']", f"Đã thêm {name} vào hồ sơ.")

    khai = phone.find_element(By.XPATH, _nominee_row(KHAI)).text
    assert "Chưa đủ điều kiện" in khai and "Một thành tích chỉ khen thưởng một lần" in khai
    assert "Đã được khen “Giấy khen của Chủ tịch UBND phường” theo Quyết định số 152/QĐ-UBND" in khai
    assert "(thành tích 01/01/2026–31/08/2026)" in khai
    assert _fits(phone)
    save_screenshot(phone, "awards-1-duplicate-caught")
    _press(phone, f"//button[@aria-label='Bỏ {KHAI} khỏi hồ sơ']", f"Đã bỏ {KHAI} khỏi hồ sơ.")
    assert not phone.find_elements(By.XPATH, _nominee_row(KHAI))
    assert any(o.text.startswith(KHAI) for o in Select(phone.find_element(By.ID, "official")).options)

    for name in (VP, HANH, HUY):
        row = _nominee_row(name)
        click(phone, f"{row}//details[.//select]/summary")
        Select(phone.find_element(By.XPATH, f"{row}//select[@name='discipline']")).select_by_visible_text(
            "Không bị kỷ luật, không đang bị xem xét"
        )
        _press(phone, f"{row}//button[.='Lưu xác nhận']", f"Đã ghi xác nhận kỷ luật, kỷ cương hành chính của {name}.")
        _press(phone, f"{row}//a[contains(., 'Viết, sửa báo cáo')]", "Báo cáo thành tích")
        _type(phone, "f-achievements", f"Thành tích của {name}: hoàn thành xuất sắc nhiệm vụ cải cách hành chính.")
        assert _fits(phone)
        _press(phone, "//button[.='Lưu báo cáo']", f"Đã lưu báo cáo thành tích của {name}.")
        text = _press(phone, "//button[contains(., 'Thủ trưởng xác nhận báo cáo')]", "Đã xác nhận báo cáo")
        assert f"Đã xác nhận báo cáo thành tích của {name}" in text
        assert "Thủ trưởng đã xác nhận" in phone.find_element(By.XPATH, row).text

    _press(phone, "//a[contains(., 'Nhập, sửa biên bản')]", "Biên bản họp Hội đồng thi đua")
    held_on = timezone.localdate() - timedelta(days=3)
    _type(phone, "held_on", f"{held_on:%d/%m/%Y}")  # typed as people write it
    for field, value in (
        ("place", "Phòng họp Văn phòng"),
        ("members_total", "5"),
        ("members_present", "5"),
        ("chair_name", HEAD),
        ("secretary_name", "Ngô Thị Diệu"),
    ):
        _type(phone, field, value)
    for row in phone.find_elements(By.XPATH, "//tbody/tr[.//input[starts-with(@name, 'yes-')]]"):
        row.find_element(By.XPATH, ".//input[starts-with(@name, 'yes-')]").send_keys("5")
        row.find_element(By.XPATH, ".//input[starts-with(@name, 'no-')]").send_keys("0")
    assert _fits(phone)
    save_screenshot(phone, "awards-1-unit-minutes")
    text = _press(phone, "//button[.='Lưu biên bản']", "Đã lưu biên bản họp Hội đồng đơn vị.")
    assert f"Họp ngày {held_on:%d/%m/%Y} tại Phòng họp Văn phòng; có mặt 5/5 thành viên; bỏ phiếu kín." in text
    assert not phone.find_elements(By.ID, "missing-title")  # nothing missing before sending
    for name in (VP, HANH, HUY):
        row = phone.find_element(By.XPATH, _nominee_row(name)).text
        assert "Đủ điều kiện" in row and "Chưa đủ điều kiện" not in row, row
        assert "Hội đồng đơn vị: 5 đồng ý, 0 không đồng ý" in row
    assert _fits(phone)
    save_screenshot(phone, "awards-1-dossier-complete")
    text = _press(phone, "//button[.='Gửi hồ sơ']", "Đã gửi hồ sơ.")
    assert "Đã gửi, chờ xem xét" in text


def _secretariat_returns(driver, live_server) -> None:
    sign_in(driver, live_server, "vhxh", password=django_settings.DEMO_PASSWORD)
    assert f"{VP_SHORT} đã gửi hồ sơ đề nghị {FORM}" in _notices(driver, live_server)
    _press(driver, "//nav//a[contains(., 'Khen thưởng')]", "Hồ sơ khen thưởng")
    _press(driver, "//a[contains(., 'Đã gửi, chờ xem xét')]", "Hồ sơ các đơn vị")
    _press(driver, f"//tr[td[.='{FORM}']]//a[.='{VP_SHORT}']", f"Hồ sơ đề nghị {FORM}")
    huy = driver.find_element(By.XPATH, f"//label[.='{HUY}']").get_attribute("for")
    _type(driver, huy, HUY_REASON)
    _type(driver, "reason-return", RETURN_REASON)
    save_screenshot(driver, "awards-2-return")
    text = _press(driver, "//button[.='Trả lại']", "Đã trả lại.")
    assert "Bị trả lại" in text
    assert f"Lý do trả lại: {HUY_REASON}" in driver.find_element(By.XPATH, _nominee_row(HUY)).text
    assert "Lý do trả lại" not in driver.find_element(By.XPATH, _nominee_row(HANH)).text

    # The demo's other Giấy khen dossier sent: KT-HT-ĐT's, whose unit does not meet the standards.
    _press(driver, "//nav//a[contains(., 'Khen thưởng')]", "Hồ sơ khen thưởng")
    _press(driver, "//a[contains(., 'Đã gửi, chờ xem xét')]", "Hồ sơ các đơn vị")
    _press(driver, f"//tr[td[.='{FORM}']]//a[.='Phòng KT-HT-ĐT']", f"Hồ sơ đề nghị {FORM}")
    unit = driver.find_element(By.XPATH, _nominee_row("Phòng Kinh tế, Hạ tầng và Đô thị")).text
    assert "Chưa đủ điều kiện" in unit and "Không đạt tiêu chuẩn nào trong nhóm" in unit
    assert "Chưa dẫn đầu: xếp hạng" in unit
    save_screenshot(driver, "awards-2-ineligible-unit")


def _head_fixes_and_resends(driver, live_server) -> None:
    sign_in(driver, live_server, "tp_vanphong", password=django_settings.DEMO_PASSWORD)
    home = _main(driver)
    assert FORM in home and "Bị trả lại" in home
    notices = _notices(driver, live_server)
    assert f"Hồ sơ đề nghị {FORM} bị trả lại" in notices and RETURN_REASON in notices
    driver.get(live_server.url)
    text = _press(driver, f"//a[.='{FORM}']", f"Hồ sơ đề nghị {FORM}")
    assert f"Lý do trả lại: {HUY_REASON}" in text and RETURN_REASON in text
    row = _nominee_row(HUY)
    _press(driver, f"{row}//a[contains(., 'Viết, sửa báo cáo')]", "Báo cáo thành tích")
    driver.find_element(By.ID, "f-achievements").send_keys(
        " Tác giả sáng kiến “Tra cứu kho hồ sơ đã số hóa”, áp dụng tại Bộ phận một cửa."
    )
    _press(driver, "//button[.='Lưu báo cáo']", f"Đã lưu báo cáo thành tích của {HUY}.")
    assert "Chưa được thủ trưởng xác nhận" in _main(driver)  # editing withdrew the confirmation
    text = _press(driver, f"//ol//a[contains(., '{FORM}')]", "Còn thiếu trước khi gửi")
    assert f"báo cáo thành tích của {HUY} chưa được thủ trưởng xác nhận" in text
    _press(driver, f"{row}//button[.='Xác nhận']", f"Đã xác nhận báo cáo thành tích của {HUY}")
    save_screenshot(driver, "awards-3-fixed")
    text = _press(driver, "//button[.='Gửi hồ sơ']", "Đã gửi hồ sơ.")
    assert "Đã gửi, chờ xem xét" in text


def _secretariat_accepts(driver, live_server) -> None:
    sign_in(driver, live_server, "vhxh", password=django_settings.DEMO_PASSWORD)
    _press(driver, "//nav//a[contains(., 'Khen thưởng')]", "Hồ sơ khen thưởng")
    _press(driver, "//a[contains(., 'Đã gửi, chờ xem xét')]", "Hồ sơ các đơn vị")
    _press(driver, f"//tr[td[.='{FORM}']]//a[.='{VP_SHORT}']", f"Hồ sơ đề nghị {FORM}")
    text = _press(driver, "//button[.='Tiếp nhận, trình Hội đồng']", "Đã tiếp nhận, trình Hội đồng.")
    assert "Đã tiếp nhận, chờ Hội đồng" in text and "Lý do trả lại" not in text
    save_screenshot(driver, "awards-4-accepted")


def _council_votes(phone, live_server) -> None:
    """On a phone: the secretariat opens a new council meeting (the demo's Centre dossier was decided at an earlier
    one), its members, types every nominee's votes and closes it."""
    sign_in(phone, live_server, "vhxh", password=django_settings.DEMO_PASSWORD)
    phone.get(f"{live_server.url}/khen-thuong/ho-so/")
    text = _press(phone, "//nav[@aria-label='Các mục khen thưởng']//a[.='Hội đồng']", "Các phiên họp")
    assert "CCHC-2026: 1 hồ sơ (3 tập thể, cá nhân) đã tiếp nhận, chờ Hội đồng xét." in text
    for field, value in (
        ("members_total", "9"),
        ("place", "Hội trường UBND phường"),
        ("chair_name", CHAIRMAN),
        ("secretary_name", CLERK),
    ):
        _type(phone, field, value)
    _press(phone, "//button[contains(., 'Mở phiên họp')]", "Đã mở phiên họp Hội đồng")
    _press(phone, "//a[contains(., 'Ghi danh sách thành viên')]", "Thành viên dự họp")
    for i in range(9):
        _type(phone, f"member-{i}-name", f"Thành viên số {i + 1}")
        _type(phone, f"member-{i}-role", "Chủ tịch Hội đồng" if i == 0 else "Ủy viên")
    click(phone, "//input[@id='member-8-present']")
    _type(phone, "member-8-reason", "Đi công tác")
    click(phone, "//input[@id='member-8-written']")
    assert _fits(phone)
    _press(phone, "//button[contains(., 'Lưu danh sách')]", "Đã lưu danh sách 9 thành viên (8 có mặt).")
    assert phone.find_element(By.ID, "members_present").get_attribute("value") == "8"
    votes = {VP: "8", HANH: "8", HUY: "5"}  # 5 of 9: just over half of all members (the rule counts all)
    for row in phone.find_elements(By.XPATH, "//tr[starts-with(@id, 'nguoi-')]"):
        name = row.find_element(By.XPATH, "./th").text.split("\n")[0]
        yes = votes[name]
        row.find_element(By.XPATH, ".//input[starts-with(@name, 'yes-')]").send_keys(yes)
        row.find_element(By.XPATH, ".//input[starts-with(@name, 'no-')]").send_keys(str(8 - int(yes)))
    assert _fits(phone)
    save_screenshot(phone, "awards-5-council-sheet")
    text = _press(phone, "//button[contains(., 'Lưu số phiếu')]", "Đã ghi số thành viên có mặt và số phiếu của 3")
    assert "(3 người đạt tỷ lệ được đề nghị)" in text and "Không đạt tỷ lệ" not in text
    text = _press(phone, "//button[contains(., 'Kết thúc phiên họp')]", "Đã kết thúc phiên họp")
    assert "3 người được Hội đồng đề nghị khen thưởng" in text and "3/3 tập thể, cá nhân" in text
    assert _fits(phone)
    save_screenshot(phone, "awards-5-council-closed")


def _secretariat_proposes(driver, live_server) -> None:
    sign_in(driver, live_server, "vhxh", password=django_settings.DEMO_PASSWORD)
    _press(driver, "//nav//a[contains(., 'Khen thưởng')]", "Hồ sơ khen thưởng")
    _press(driver, "//a[contains(., 'Hội đồng đã xét')]", "Hồ sơ các đơn vị")
    _press(driver, f"//tr[td[.='{FORM}']]//a[.='{VP_SHORT}']", f"Hồ sơ đề nghị {FORM}")
    for name in (VP, HANH, HUY):
        assert "Hội đồng phường: thông qua" in driver.find_element(By.XPATH, _nominee_row(name)).text
    save_screenshot(driver, "awards-6-voted")
    text = _press(driver, "//button[.='Trình Chủ tịch']", "Đã trình Chủ tịch.")
    assert "Đã trình Chủ tịch" in text
    save_screenshot(driver, "awards-6-proposed")


def _chairman_approves_and_issues(driver, live_server) -> str:
    """The chairman approves everyone the council passed and issues the decision; its number."""
    sign_in(driver, live_server, "chutich", password=django_settings.DEMO_PASSWORD)
    assert "1 hồ sơ chờ Chủ tịch duyệt" in _main(driver)
    assert f"Hồ sơ {FORM} của {VP_SHORT} chờ Chủ tịch duyệt" in _notices(driver, live_server)
    _press(driver, "//nav//a[contains(., 'Khen thưởng')]", "Hồ sơ khen thưởng")
    text = _press(driver, "//a[.='Chờ Chủ tịch duyệt']", "Hồ sơ chờ Chủ tịch duyệt")
    assert "1 hồ sơ đề nghị khen thưởng; 3 tập thể, cá nhân được Hội đồng TĐKT phường thông qua" in text
    save_screenshot(driver, "awards-7-chairman")
    text = _press(
        driver,
        "//button[contains(., 'Đồng ý tất cả những người Hội đồng đã thông qua')]",
        "Đã đồng ý khen thưởng 3 tập thể, cá nhân Hội đồng đã thông qua, trong 1 hồ sơ.",
    )
    assert "3 tập thể, cá nhân đã được Chủ tịch đồng ý khen thưởng (1 tập thể), chờ quyết định." in text
    assert driver.find_element(By.ID, "signer_name-1").get_attribute("value")
    text = _press(driver, "//button[contains(., 'Ban hành quyết định')]", "Đã ban hành Quyết định số")
    number = re.search(r"Đã ban hành Quyết định số (\d+/QĐ-UBND) ngày (\d\d/\d\d/\d{4}): 3 khen thưởng", text)
    assert number, text
    assert number[2] == f"{timezone.localdate():%d/%m/%Y}" and f"tổng tiền thưởng {TOTAL}" in text
    assert driver.find_element(By.TAG_NAME, "h1").text == f"Quyết định số {number[1]}"
    rows = {}
    for row in driver.find_elements(By.XPATH, "//h2[.='Danh sách khen thưởng']/following::table[1]/tbody/tr"):
        name = row.find_element(By.XPATH, "./th").text
        rows[name] = tuple(row.find_element(By.XPATH, f"./td[{i}]").text for i in (3, 4))
    assert {name: money for name, (_, money) in rows.items()} == MONEY
    certificates = sorted(int(certificate) for certificate, _ in rows.values())
    assert certificates == list(range(certificates[0], certificates[0] + 3))  # consecutive in the register
    assert f"Tổng cộng (3 khen thưởng) {TOTAL}" in driver.find_element(By.TAG_NAME, "tfoot").text
    save_screenshot(driver, "awards-8-decision")
    return number[1]


@pytest.mark.django_db(transaction=True)
def test_a_unit_dossier_goes_from_its_head_to_a_numbered_decision_with_each_step_and_reason_in_its_history(
    live_server, settings
):
    settings.DEBUG = True
    call_command("seed_demo", stdout=io.StringIO())
    phone = chromium(PHONE)
    try:
        # Headless Chromium opens no narrower than 500 px; asked again, its page is the phone's 390.
        phone.set_window_size(*PHONE)
        phone.get(live_server.url)
        assert phone.execute_script("return window.innerWidth") == PHONE[0]
        _build_on_a_phone(phone, live_server)
        desktop = chromium(DESKTOP)
        try:
            _secretariat_returns(desktop, live_server)
            _head_fixes_and_resends(desktop, live_server)
            _secretariat_accepts(desktop, live_server)
            _council_votes(phone, live_server)
            _secretariat_proposes(desktop, live_server)
            number = _chairman_approves_and_issues(desktop, live_server)

            sign_in(desktop, live_server, "tp_vanphong", password=django_settings.DEMO_PASSWORD)
            assert f"Đã có quyết định khen thưởng: {FORM}" in _notices(desktop, live_server)
            desktop.get(live_server.url)
            text = _press(desktop, f"//a[.='{FORM}']", f"Hồ sơ đề nghị {FORM}")
            assert "Đã có quyết định" in text
            for name in (VP, HANH, HUY):
                row = desktop.find_element(By.XPATH, _nominee_row(name)).text
                assert "Chủ tịch: Đồng ý" in row and f"Đã khen: Quyết định số {number}, số vào sổ" in row
            assert _history(desktop) == [
                (HEAD, "Đã gửi, chờ xem xét", ""),
                (CLERK, "Bị trả lại", f"{RETURN_REASON}\n{HUY}: {HUY_REASON}"),  # the person's own reason kept
                (HEAD, "Đã gửi, chờ xem xét", ""),
                (CLERK, "Đã tiếp nhận, chờ Hội đồng", ""),
                (CLERK, "Hội đồng đã xét", ""),
                (CLERK, "Đã trình Chủ tịch", ""),
                (CHAIRMAN, "Chủ tịch đã duyệt", ""),
                (CHAIRMAN, "Đã có quyết định", f"Quyết định số {number}"),
            ]
            save_screenshot(desktop, "awards-9-dossier-history")
        finally:
            desktop.quit()
    finally:
        phone.quit()

    dossier = Dossier.objects.get(unit__code="VP", award_form__code="GK-CT-PHUONG")
    assert dossier.status == DossierStatus.DECIDED
    assert [t.action for t in dossier.transitions.order_by("at", "pk")] == [
        "submit", "return", "submit", "accept", "vote", "propose", "review", "decide"
    ]  # fmt: skip
    decision = Decision.objects.filter(awards__nominee__dossier=dossier).distinct().get()
    assert decision.reference == number and decision.total_money == 2_830_000
    assert sorted(decision.awards.values_list("name", flat=True)) == sorted([VP, HANH, HUY])
    kinds = {
        "tp_vanphong": {"dossier_returned", "dossier_accepted", "dossier_voted", "dossier_decided"},
        "vhxh": {"dossier_submitted", "dossier_reviewed"},
        "chutich": {"dossier_proposed"},
    }
    for username, wanted in kinds.items():
        got = set(Notification.objects.filter(recipient__username=username).values_list("kind", flat=True))
        assert wanted <= got, (username, got)
