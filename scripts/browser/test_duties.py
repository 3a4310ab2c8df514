"""Issue 13 in a real browser at 1366 px and 375 px: the district's standing agency lands on its work list, opens the
leaders' overview from the menu (charts with their tables), the dashboard (units × duties, ranking), drills down to a
commune's duties, and makes a calendar address whose feed the phone's calendar can read; a commune specialist's work list.
Both journeys run at both widths (the phone emulated: 375 × 812, mobile); the dashboard and overview are read twice,
the calendar address is made and revoked by a different commune's specialist at each width. Screenshots of the whole
page: $CCHC_SCREENSHOTS/<width>/journey-duties-*.png."""
import base64
import os

import pytest
import requests
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import DESKTOP, PHONE, screenshot_dir, set_viewport
from test_journeys import sign_in, wait_for

OFFICER = "thachha.noivu"
# Per width: the commune specialist who makes (and revokes) a calendar address.
CALENDAR_USER = {DESKTOP: "thachdai.cv", PHONE: "thachkenh.cv"}
FULL_PAGE_CAP = 8_000  # px


def shoot(browser, width, name):
    """Nothing wider than the screen but the tables inside their own scrolling box; then the whole page (up to
    FULL_PAGE_CAP px) as one screenshot: the viewport stretched to the page's height, then put back."""
    # Against the emulated width: on a phone, window.innerWidth grows to a page that is too wide.
    overflow = browser.execute_script("return document.documentElement.scrollWidth") - width
    assert overflow <= 1, f"{name} at {width} px: the page scrolls sideways by {overflow} px"
    metrics = browser.execute_cdp_cmd("Page.getLayoutMetrics", {})
    height = min(int((metrics.get("cssContentSize") or metrics["contentSize"])["height"]), FULL_PAGE_CAP)
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                            {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600})
    try:
        data = browser.execute_cdp_cmd("Page.captureScreenshot", {"format": "png"})["data"]
        with open(os.path.join(screenshot_dir(str(width)), f"journey-duties-{name}.png"), "wb") as f:
            f.write(base64.b64decode(data))
    finally:
        set_viewport(browser, width)


@pytest.mark.parametrize("width", [DESKTOP, PHONE])
def test_the_standing_agency_works_from_its_list_overview_and_dashboard(browser, base_url, width):
    sign_in(browser, base_url, OFFICER)
    wait_for(browser, "Việc của tôi")
    page = browser.page_source
    assert "Việc phải làm" in page and "Chờ cơ quan thường trực xem xét" in page
    shoot(browser, width, "1-my-work-district")

    browser.find_element(By.LINK_TEXT, "Tổng quan").click()
    wait_for(browser, "Tổng quan CCHC năm")
    svgs = browser.find_elements(By.CSS_SELECTOR, "figure svg")
    assert svgs, "the overview has no chart"
    assert all(s.find_element(By.TAG_NAME, "title").get_attribute("textContent").strip() for s in svgs)
    tiles = browser.find_elements(By.CSS_SELECTOR, ".tiles a.tile")
    assert len(tiles) >= 4 and all(t.get_attribute("href") for t in tiles)
    shoot(browser, width, "2-overview")

    browser.find_element(By.LINK_TEXT, "Theo dõi thực hiện nhiệm vụ").click()
    wait_for(browser, "Xếp hạng thi đua")
    assert browser.find_elements(By.CSS_SELECTOR, "figure svg")
    shoot(browser, width, "3-dashboard")
    # Drill down: a commune's row leads to its duties of the year.
    link = browser.find_element(By.XPATH, "//table[contains(@class,'sticky-first')]//th/a[contains(., 'Thạch Đài')]")
    link.click()
    wait_for(browser, "Lịch việc năm")
    assert "Xã Thạch Đài" in browser.page_source
    shoot(browser, width, "4-unit-duties")


@pytest.mark.parametrize("width", [DESKTOP, PHONE])
def test_a_calendar_address_is_made_read_and_revoked(browser, base_url, width):
    sign_in(browser, base_url, CALENDAR_USER[width])
    wait_for(browser, "Việc phải làm")
    shoot(browser, width, "5-my-work-commune")
    browser.find_element(By.PARTIAL_LINK_TEXT, "Lịch nhắc việc").click()
    wait_for(browser, "Lịch việc trên điện thoại")
    browser.find_element(By.CSS_SELECTOR, "form.card button[type=submit]").click()
    wait_for(browser, "Đã tạo")
    url = browser.find_element(By.CSS_SELECTOR, "#new-feed input").get_attribute("value")
    shoot(browser, width, "6-calendar")
    feed = requests.get(base_url + "/" + url.split("/", 3)[3], timeout=60)
    assert feed.status_code == 200 and "BEGIN:VEVENT" in feed.text
    # Earlier suites may have revoked other addresses of this account: wait for one more "Đã thu hồi", not for the words.
    revoked = "//span[contains(@class,'tag') and starts-with(normalize-space(), 'Đã thu hồi')]"
    browser.implicitly_wait(0)  # counted as the page stands (none yet is a count, not something to wait 5 s for)
    try:
        before = len(browser.find_elements(By.XPATH, revoked))
    finally:
        browser.implicitly_wait(5)
    browser.find_element(By.XPATH, "//button[normalize-space()='Thu hồi']").click()
    WebDriverWait(browser, 30).until(lambda b: len(b.find_elements(By.XPATH, revoked)) > before)
    assert requests.get(base_url + "/" + url.split("/", 3)[3], timeout=30).status_code == 404
