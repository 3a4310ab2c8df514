"""Issue 15 §4, "long operations show progress or run in the background with a notice when done": a file the page
makes (a consolidation's .xlsx and .docx, the dashboard's workbook) is fetched by the page, which says how long it has
taken and what has arrived while the server writes it, saves it under the server's name, and then says it is done
("Đã tải xong: … (12 KB)"). A refused export (no access) opens the server's own page, as the plain link did.

Read-only: the district's standing agency downloads Thị xã An Khê's and Huyện Thạch Hà's files; nothing is written."""
import io
import re
import time
from pathlib import Path

import openpyxl
import pytest
import requests
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import DESKTOP, PHONE
from test_plans import unit_id
from test_journeys import sign_in, wait_for

def notice(browser):
    boxes = browser.find_elements(By.ID, "busy-notice")
    return boxes[0].text if boxes and boxes[0].is_displayed() else ""


def saved_file(folder, suffix, timeout=30):
    """The file the browser saved into `folder` (no partial .crdownload left)."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        done = [p for p in Path(folder).iterdir() if p.name.endswith(suffix)]
        if done and not any(p.name.endswith(".crdownload") for p in Path(folder).iterdir()):
            return done[0]
        time.sleep(0.2)
    raise AssertionError(f"nothing saved into {folder}: {list(Path(folder).iterdir())}")


@pytest.mark.parametrize("width", [DESKTOP, PHONE])
def test_an_export_says_it_is_under_way_then_that_it_is_done(browser, base_url, width, tmp_path):
    district = unit_id(base_url, "admin", "Huyện Thạch Hà", "thach ha")
    sign_in(browser, base_url, "thachha.noivu")
    browser.get(f"{base_url}/units/{district}/consolidation/2021/Q1")
    wait_for(browser, "Số liệu tổng hợp")
    for link, suffix in [("Tải Excel (.xlsx)", ".xlsx"), ("Tải báo cáo Word (.docx)", ".docx")]:
        folder = tmp_path / suffix.strip(".")
        folder.mkdir()
        browser.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(folder)})
        before = browser.current_url
        browser.find_element(By.LINK_TEXT, link).click()
        WebDriverWait(browser, 60).until(lambda d: "Đã tải xong" in notice(d))
        text = notice(browser)
        name = re.search(r"Đã tải xong: (\S+" + re.escape(suffix) + r") \(\d+ KB\)\.", text)
        assert name, text
        # The page stayed where it was, and the browser saved the whole file under the server's name.
        assert browser.current_url == before
        saved = saved_file(folder, suffix)
        assert saved.name == name.group(1)
        cookies = {c["name"]: c["value"] for c in browser.get_cookies()}
        href = browser.find_element(By.LINK_TEXT, link).get_attribute("href")
        direct = requests.get(href, cookies=cookies, timeout=60)
        assert direct.status_code == 200
        # The whole file (a .docx carries the moment it was made, so its size may differ by a few bytes).
        size = saved.stat().st_size
        assert size > 1000 and abs(size - len(direct.content)) <= len(direct.content) // 20, (size, len(direct.content))
        if suffix == ".xlsx":
            # The same workbook, cell for cell (its properties carry the moment it was made).
            mine, theirs = openpyxl.load_workbook(saved), openpyxl.load_workbook(io.BytesIO(direct.content))
            assert mine.sheetnames == theirs.sheetnames
            for sheet in mine.sheetnames:
                assert list(mine[sheet].values) == list(theirs[sheet].values), sheet
        browser.execute_script("document.getElementById('busy-notice').hidden = true")
    # While a file is being made the notice counts the seconds (shown at once, before the first byte).
    browser.execute_script("window.fetch = () => new Promise(() => {});")
    browser.find_element(By.LINK_TEXT, "Tải Excel (.xlsx)").click()
    WebDriverWait(browser, 5).until(lambda d: "Đang tạo tệp… 0 giây" in notice(d) or "Đang tạo tệp… 1 giây" in notice(d))
    WebDriverWait(browser, 5).until(lambda d: re.search(r"Đang tạo tệp… [2-9] giây", notice(d)))


def test_a_refused_export_opens_the_servers_page(browser, base_url):
    # A commune's specialist has no consolidation of the district: the link, followed by the page, shows the refusal.
    district = unit_id(base_url, "admin", "Huyện Thạch Hà", "thach ha")
    sign_in(browser, base_url, "thachdai.cv")
    browser.get(f"{base_url}/units/{district}/reports?year=2021")
    browser.execute_script(
        "const a = document.createElement('a'); a.id = 'x'; a.textContent = 'Tải';"
        f"a.href = '/units/{district}/consolidation/2021/Q1/export.xlsx'; document.querySelector('main').appendChild(a);")
    browser.find_element(By.ID, "x").click()
    WebDriverWait(browser, 30).until(lambda d: d.current_url.endswith("/export.xlsx"))
    heading = browser.find_element(By.TAG_NAME, "h1").text
    assert re.search(r"Không (tìm thấy|có quyền)", heading), heading
