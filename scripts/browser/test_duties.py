"""Issue 13 in a real browser at 1366 px and 375 px: the district's standing agency lands on its work list, opens the
leaders' overview from the menu (charts with their tables), the dashboard (units × duties, ranking), drills down to a
commune's duties, and makes a calendar address whose feed the phone's calendar can read; a commune specialist's work list
on a phone. Screenshots are kept (CCHC_SCREENSHOTS)."""
import os
import tempfile

import requests
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from test_journeys import sign_in, wait_for

OFFICER = "thachha.noivu"


def shoot(browser, name):
    out = os.environ.get("CCHC_SCREENSHOTS") or tempfile.gettempdir()
    for width in (1366, 375):
        browser.set_window_size(width, 900)
        height = browser.execute_script("return document.body.scrollHeight")
        browser.set_window_size(width, min(height + 120, 6000))
        assert browser.save_screenshot(os.path.join(out, f"duties-{name}-{width}.png"))
        # Nothing wider than the screen but the tables inside their own scrolling box.
        overflow = browser.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 1, f"{name} at {width} px: the page scrolls sideways by {overflow} px"
    browser.set_window_size(1366, 900)


def test_the_standing_agency_works_from_its_list_overview_and_dashboard(browser, base_url):
    sign_in(browser, base_url, OFFICER)
    wait_for(browser, "Việc của tôi")
    page = browser.page_source
    assert "Việc phải làm" in page and "Chờ cơ quan thường trực xem xét" in page
    shoot(browser, "1-my-work-district")

    browser.find_element(By.LINK_TEXT, "Tổng quan").click()
    wait_for(browser, "Tổng quan CCHC năm")
    svgs = browser.find_elements(By.CSS_SELECTOR, "figure svg")
    assert svgs, "the overview has no chart"
    assert all(s.find_element(By.TAG_NAME, "title").get_attribute("textContent").strip() for s in svgs)
    tiles = browser.find_elements(By.CSS_SELECTOR, ".tiles a.tile")
    assert len(tiles) >= 4 and all(t.get_attribute("href") for t in tiles)
    shoot(browser, "2-overview")

    browser.find_element(By.LINK_TEXT, "Theo dõi thực hiện nhiệm vụ").click()
    wait_for(browser, "Xếp hạng thi đua")
    assert browser.find_elements(By.CSS_SELECTOR, "figure svg")
    shoot(browser, "3-dashboard")
    # Drill down: a commune's row leads to its duties of the year.
    link = browser.find_element(By.XPATH, "//table[contains(@class,'sticky-first')]//th/a[contains(., 'Thạch Đài')]")
    link.click()
    wait_for(browser, "Lịch việc năm")
    assert "Xã Thạch Đài" in browser.page_source
    shoot(browser, "4-unit-duties")


def test_a_calendar_address_is_made_read_and_revoked(browser, base_url):
    sign_in(browser, base_url, "thachdai.cv")
    wait_for(browser, "Việc phải làm")
    shoot(browser, "5-my-work-commune")
    browser.find_element(By.PARTIAL_LINK_TEXT, "Lịch nhắc việc").click()
    wait_for(browser, "Lịch việc trên điện thoại")
    browser.find_element(By.CSS_SELECTOR, "form.card button[type=submit]").click()
    wait_for(browser, "Đã tạo")
    url = browser.find_element(By.CSS_SELECTOR, "#new-feed input").get_attribute("value")
    shoot(browser, "6-calendar")
    feed = requests.get(base_url + "/" + url.split("/", 3)[3], timeout=60)
    assert feed.status_code == 200 and "BEGIN:VEVENT" in feed.text
    # Earlier suites may have revoked other addresses of this account: wait for one more "Đã thu hồi", not for the words.
    revoked = "//span[contains(@class,'tag') and starts-with(normalize-space(), 'Đã thu hồi')]"
    before = len(browser.find_elements(By.XPATH, revoked))
    browser.find_element(By.XPATH, "//button[normalize-space()='Thu hồi']").click()
    WebDriverWait(browser, 30).until(lambda b: len(b.find_elements(By.XPATH, revoked)) > before)
    assert requests.get(base_url + "/" + url.split("/", 3)[3], timeout=30).status_code == 404
