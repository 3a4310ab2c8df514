"""The main journeys in a real browser (headless Chromium), at desktop and phone widths."""
import os
import tempfile

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait


def wait_for(browser, text, timeout=20):
    """A click starts a navigation; wait until the next page shows `text` (fails with the page's title)."""
    try:
        WebDriverWait(browser, timeout).until(lambda b: text in b.page_source)
    except Exception:
        raise AssertionError(f"“{text}” never appeared; page: {browser.title} at {browser.current_url}")


def sign_in(browser, base_url, username, password="cchc-demo"):
    browser.get(base_url + "/login")
    browser.delete_all_cookies()  # start signed out
    browser.get(base_url + "/login")
    browser.find_element(By.ID, "username").send_keys(username)
    browser.find_element(By.ID, "password").send_keys(password)
    browser.find_element(By.CSS_SELECTOR, "form.stack button[type=submit]").click()
    wait_for(browser, "Xin chào")


def test_commune_fills_and_sends_its_report_to_the_leader(browser, base_url):
    sign_in(browser, base_url, "thachdai.cv")
    browser.find_element(By.LINK_TEXT, "Báo cáo").click()
    wait_for(browser, "Báo cáo CCHC định kỳ của Xã Thạch Đài")
    browser.find_element(By.PARTIAL_LINK_TEXT, "Báo cáo Quý I/2021").click()
    wait_for(browser, "Báo cáo Quý I/2021 — Xã Thạch Đài")
    # A typing mistake: nothing is lost, the row is named.
    field = browser.find_element(By.NAME, "v:1.1.1")
    field.clear()
    field.send_keys("hai mươi")
    browser.find_element(By.NAME, "narrative:khoKhan").send_keys("Thiếu máy tính cho bộ phận một cửa")
    browser.find_element(By.CSS_SELECTOR, ".sticky-save button").click()
    wait_for(browser, "không phải là số")
    assert browser.find_element(By.NAME, "v:1.1.1").get_attribute("value") == "hai mươi"
    assert "Thiếu máy tính cho bộ phận một cửa" in browser.find_element(By.NAME, "narrative:khoKhan").get_attribute("value")
    # Corrected and saved; then sent to the leader.
    field = browser.find_element(By.NAME, "v:1.1.1")
    field.clear()
    field.send_keys("20")
    browser.find_element(By.NAME, "n:3.4.2").send_keys("45")
    browser.find_element(By.NAME, "d:3.4.2").send_keys("50")
    browser.find_element(By.CSS_SELECTOR, ".sticky-save button").click()
    wait_for(browser, "Đã lưu báo cáo.")
    browser.find_element(By.XPATH, "//button[normalize-space()='Trình lãnh đạo ký']").click()
    wait_for(browser, "Chờ lãnh đạo ký")


def test_standing_agency_timeliness_at_phone_width(browser, base_url):
    browser.set_window_size(390, 844)
    sign_in(browser, base_url, "thachha.noivu")
    href = browser.find_element(By.LINK_TEXT, "Theo dõi nộp").get_attribute("href")
    browser.get(href.split("?")[0] + "?year=2021")
    wait_for(browser, "Theo dõi nộp báo cáo CCHC năm 2021 — Huyện Thạch Hà")
    cells = browser.find_elements(By.CSS_SELECTOR, "td.cell.on_time")
    assert cells, "no on-time cell"
    out = os.environ.get("CCHC_SCREENSHOTS") or tempfile.gettempdir()
    assert browser.save_screenshot(os.path.join(out, "timeliness-phone.png"))


def test_search_without_diacritics_in_the_unit_list(browser, base_url):
    sign_in(browser, base_url, "admin")
    browser.get(base_url + "/units")
    box = browser.find_element(By.NAME, "q")
    box.send_keys("quang tho")
    box.submit()
    wait_for(browser, "Xã Quảng Thọ")
