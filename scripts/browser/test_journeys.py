"""The main journeys in a real browser (headless Chromium), at desktop and phone widths.

The report's whole journey runs at both widths, each on its own commune and district (a report can be sent only
once): a commune's specialist fills its Q1/2021 report (a typing mistake refused, nothing lost), sends it to the
leader, who signs and sends it; the district's standing agency returns it with a comment (refused first without
one); the commune corrects it and sends it again; the district accepts it, opens the consolidation and downloads the
.xlsx and the .docx from the page's links, which count the commune with its corrected figure — Xã Thạch Đài and
Huyện Thạch Hà at 1366 px, Xã Cửu An and Thị xã An Khê (the same form) at 375 px.

Helpers the other journeys share: sign_in, wait_for, absent, press, shot (screenshots in
$CCHC_SCREENSHOTS/<width>/journey-<name>.png)."""
import io
import os
from dataclasses import dataclass

import docx
import openpyxl
import pytest
import requests
from selenium.webdriver.common.by import By
from selenium.common.exceptions import TimeoutException, WebDriverException
from selenium.webdriver.support.ui import WebDriverWait

from conftest import DESKTOP, PHONE, screenshot_dir

STATE = "//dt[normalize-space()='Trạng thái']/following-sibling::dd[1]"


@dataclass(frozen=True)
class ReportJourney:
    specialist: str
    leader: str
    commune: str
    officer: str  # the district's standing agency, which receives the report
    district: str


# Per width: the commune (its Q1/2021 report is touched by no other suite) and the district it reports to.
JOURNEY = {
    DESKTOP: ReportJourney("thachdai.cv", "thachdai.ld", "Xã Thạch Đài", "thachha.noivu", "Huyện Thạch Hà"),
    PHONE: ReportJourney("cuuan.cv", "cuuan.ld", "Xã Cửu An", "ankhe.noivu", "Thị xã An Khê"),
}
RETURN_COMMENT = "Mục 2.3 chưa ghi số văn bản QPPL đã rà soát trong quý (Báo cáo số 08/BC-UBND: 4 văn bản)"
CORRECTED = ("2.3", "4")  # the row the district names and what the commune writes there
DOC_NUMBER = "12/BC-UBND"


def wait_for(browser, text, timeout=20):
    """A click starts a navigation; wait until the next page shows `text` (fails with the page's title)."""
    try:
        WebDriverWait(browser, timeout).until(lambda b: text in b.page_source)
    except Exception:
        raise AssertionError(f"“{text}” never appeared; page: {browser.title} at {browser.current_url}")


def absent(browser, by, what, within=None):
    """No such element on the page once it has loaded (in `within` if given), asked without the fixture's 5 s
    implicit wait for one to appear: a check that something is not offered costs no time."""
    WebDriverWait(browser, 20).until(lambda b: b.execute_script("return document.readyState") == "complete")
    browser.implicitly_wait(0)
    try:
        return not (within or browser).find_elements(by, what)
    finally:
        browser.implicitly_wait(5)


def press(browser, element):
    """Brings `element` to the middle of the screen, as a user scrolls to it, and clicks it (on a phone a button at
    the screen's foot can sit behind the menu bar)."""
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
    element.click()


def click_and_wait(browser, element, timeout=30):
    """Presses `element` (a form's button, a link) and waits until the page it leads to has replaced this one, so
    that what is read next is the new page even where the old one holds the same words. (The old page is marked
    and the mark awaited gone: asking an element of the old page whether it is stale can itself fail mid-navigation.)"""
    browser.execute_script("window.__cchcLeaving = true")
    press(browser, element)

    def arrived(b):
        try:
            return b.execute_script("return !window.__cchcLeaving && document.readyState === 'complete'")
        except WebDriverException:
            return False  # between the two pages

    try:
        WebDriverWait(browser, timeout).until(arrived)
    except TimeoutException:
        raise AssertionError(f"no new page within {timeout} s after the click; page: {browser.title} at {browser.current_url}")


def shot(browser, width, name, element=None):
    """A screenshot of the viewport in $CCHC_SCREENSHOTS/<width>/journey-<name>.png (`element` scrolled to first)."""
    if element is not None:
        browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
    path = os.path.join(screenshot_dir(str(width)), f"journey-{name}.png")
    assert browser.save_screenshot(path)
    return path


def sign_in(browser, base_url, username, password="cchc-demo"):
    if not browser.current_url.startswith(base_url + "/"):
        browser.get(base_url + "/login")  # on the site first: its cookies can be deleted only from one of its pages
    browser.delete_all_cookies()  # start signed out
    browser.get(base_url + "/login")
    browser.find_element(By.ID, "username").send_keys(username)
    browser.find_element(By.ID, "password").send_keys(password)
    browser.find_element(By.CSS_SELECTOR, "form.stack button[type=submit]").click()
    wait_for(browser, "Xin chào")


def state(browser):
    return browser.find_element(By.XPATH, STATE).text


def button(browser, label):
    return browser.find_element(By.XPATH, f"//button[normalize-space()='{label}']")


def open_from_work_list(browser, base_url, path, what):
    """The home page's work list ("Việc phải làm", "Chờ … xem xét") leads to the report."""
    wait_for(browser, "Việc phải làm")
    links = browser.find_elements(By.XPATH, f"//main//a[@href='{path}']")
    assert links, f"{what}: the work list has no link to {path}"
    click_and_wait(browser, links[0])
    wait_for(browser, "Trạng thái")
    assert browser.current_url.split("?")[0] == base_url + path, browser.current_url


def download(browser, link_text):
    """The file behind the page's link `link_text`, fetched with the browser's session cookie."""
    href = browser.find_element(By.LINK_TEXT, link_text).get_attribute("href")
    cookies = {c["name"]: c["value"] for c in browser.get_cookies()}
    r = requests.get(href, cookies=cookies, timeout=120)
    assert r.status_code == 200, (link_text, href, r.status_code, r.text[:300])
    assert "attachment" in r.headers.get("content-disposition", ""), r.headers
    return r.content


@pytest.mark.parametrize("width", [DESKTOP, PHONE])
def test_a_commune_report_from_typing_to_acceptance_and_the_district_consolidation(browser, base_url, width):
    j = JOURNEY[width]
    username, commune = j.specialist, j.commune
    shots = screenshot_dir(str(width))
    # 1. The specialist fills the report, is refused a typing mistake, corrects it and sends it to the leader.
    sign_in(browser, base_url, username)
    browser.find_element(By.LINK_TEXT, "Báo cáo").click()
    wait_for(browser, f"Báo cáo CCHC định kỳ của {commune}")
    # The list opens this year (the demo lives in the present); the seeds' 2021 is one click away
    # (An Khê has a regime for 2021 only: its list opens there).
    if "<strong>2021</strong>" not in browser.page_source:
        browser.find_element(By.LINK_TEXT, "2021").click()
        wait_for(browser, "<strong>2021</strong>")
    browser.find_element(By.PARTIAL_LINK_TEXT, "Báo cáo Quý I/2021").click()
    wait_for(browser, f"Báo cáo Quý I/2021 — {commune}")
    path = browser.current_url.replace(base_url, "").split("?")[0].split("#")[0]
    # A typing mistake: nothing is lost, the row is named.
    field = browser.find_element(By.NAME, "v:1.1.1")
    field.clear()
    field.send_keys("hai mươi")
    browser.find_element(By.NAME, "narrative:khoKhan").send_keys("Thiếu máy tính cho bộ phận một cửa")
    browser.find_element(By.CSS_SELECTOR, ".sticky-save button").click()
    wait_for(browser, "không phải là số")
    assert browser.save_screenshot(os.path.join(shots, "journey-commune-1-refused.png"))
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
    assert browser.save_screenshot(os.path.join(shots, "journey-commune-2-saved.png"))
    # Sent from the form itself ("Lưu và trình lãnh đạo ký"), so nothing typed since the save is dropped.
    # Scrolled to first, as a user would: on a phone, when the form starts just above the menu bar at the bottom
    # (pushed down by a notice above it), the save bar cannot rise above the form's top and the
    # button sits behind the menu.
    click_and_wait(browser, button(browser, "Lưu và trình lãnh đạo ký"))
    wait_for(browser, "Chờ lãnh đạo ký")
    assert browser.save_screenshot(os.path.join(shots, "journey-commune-3-sent.png"))

    # 2. The leader finds it in the work list, signs it with its number and sends it to the district.
    sign_in(browser, base_url, j.leader)
    open_from_work_list(browser, base_url, path, "the leader")
    assert state(browser).startswith("Chờ lãnh đạo ký"), state(browser)
    number = browser.find_element(By.ID, "docNumber")
    number.clear()
    number.send_keys(DOC_NUMBER)
    shot(browser, width, "commune-4-leader-signs", number)
    click_and_wait(browser, button(browser, "Ký và gửi báo cáo"))
    wait_for(browser, "Đã thực hiện:")
    assert state(browser).startswith("Đã gửi"), state(browser)
    assert f"Số {DOC_NUMBER}" in browser.find_element(By.XPATH, "//dt[normalize-space()='Văn bản']/following-sibling::dd[1]").text
    assert absent(browser, By.NAME, "v:1.1.1"), "a sent report is still editable"

    # 3. The district's standing agency returns it: refused without a comment (on the page, nothing lost), then with one.
    sign_in(browser, base_url, j.officer)
    open_from_work_list(browser, base_url, path, "the district")
    assert state(browser).startswith("Đã gửi"), state(browser)
    click_and_wait(browser, button(browser, "Trả lại để sửa"))
    wait_for(browser, "Chưa trả lại được")
    summary = browser.find_element(By.CSS_SELECTOR, ".error-summary").text
    assert "Ý kiến trả lại: cần ghi rõ nội dung cần sửa." in summary, summary
    assert state(browser).startswith("Đã gửi"), state(browser)
    comment = browser.find_element(By.ID, "comment-return")
    comment.send_keys(RETURN_COMMENT)
    shot(browser, width, "commune-5-district-returns", comment)
    click_and_wait(browser, button(browser, "Trả lại để sửa"))
    wait_for(browser, "Đã thực hiện:")
    assert state(browser).startswith("Bị trả lại"), state(browser)

    # 4. The specialist reads the comment on the report, corrects the row it names and sends the report again.
    sign_in(browser, base_url, j.specialist)
    browser.get(base_url + path)
    wait_for(browser, "Ý kiến trả lại:")
    assert state(browser).startswith("Bị trả lại"), state(browser)
    returned = browser.find_element(By.XPATH, "//div[contains(@class,'error-summary')][strong[normalize-space()='Ý kiến trả lại:']]")
    assert RETURN_COMMENT in returned.text, returned.text
    shot(browser, width, "commune-6-returned")
    code, value = CORRECTED
    field = browser.find_element(By.NAME, f"v:{code}")
    field.clear()
    field.send_keys(value)
    shot(browser, width, "commune-7-corrected", field)
    click_and_wait(browser, button(browser, "Lưu và trình lãnh đạo ký"))
    wait_for(browser, "Chờ lãnh đạo ký")
    sign_in(browser, base_url, j.leader)
    open_from_work_list(browser, base_url, path, "the leader, again")
    assert browser.find_element(By.ID, "docNumber").get_attribute("value") == DOC_NUMBER
    click_and_wait(browser, button(browser, "Ký và gửi báo cáo"))
    wait_for(browser, "Đã thực hiện:")
    assert state(browser).startswith("Đã gửi"), state(browser)

    # 5. The district accepts it.
    sign_in(browser, base_url, j.officer)
    open_from_work_list(browser, base_url, path, "the district, again")
    assert absent(browser, By.XPATH, "//div[contains(@class,'error-summary')][strong[normalize-space()='Ý kiến trả lại:']]"), \
        "the answered comment is still shown as pending"
    click_and_wait(browser, button(browser, "Tiếp nhận"))
    wait_for(browser, "Đã thực hiện:")
    assert state(browser).startswith("Đã tiếp nhận"), state(browser)
    assert absent(browser, By.XPATH, "//button[normalize-space()='Tiếp nhận' or normalize-space()='Trả lại để sửa']"), \
        "an accepted report is still offered for acceptance or return"
    shot(browser, width, "commune-8-accepted")

    # 6. The consolidation of the quarter counts the commune; the .xlsx and .docx from its links hold its figures.
    check_consolidation(browser, base_url, width, j)


def check_consolidation(browser, base_url, width, j):
    """The district opens the quarter's consolidation from its timeliness page: the commune is counted (no longer
    among the units without a report); the .xlsx and .docx downloaded through the page's links hold the commune's
    corrected figure, and the quarter's total is the sum over the units."""
    click_and_wait(browser, browser.find_element(By.LINK_TEXT, "Theo dõi nộp"))
    wait_for(browser, "Theo dõi nộp báo cáo")
    # The menu opens this year; An Khê has no regime this year and its page offers no other year: 2021 by address.
    if "Theo dõi nộp báo cáo CCHC năm 2021" not in browser.page_source:
        browser.get(browser.current_url.split("?")[0] + "?year=2021")
        wait_for(browser, "Theo dõi nộp báo cáo CCHC năm 2021")
    click_and_wait(browser, browser.find_element(By.XPATH, "//a[contains(@href, '/consolidation/2021/Q1')]"))
    wait_for(browser, f"Số liệu tổng hợp — Báo cáo Quý I/2021 — {j.district}")
    missing = browser.find_elements(By.XPATH, "//*[starts-with(normalize-space(), 'Chưa có báo cáo')]")
    assert not any(j.commune in m.text for m in missing), [m.text for m in missing]
    shot(browser, width, "commune-9-consolidation")
    code, value = CORRECTED
    book = openpyxl.load_workbook(io.BytesIO(download(browser, "Tải Excel (.xlsx)")))
    assert book.sheetnames == ["Tổng hợp", "Đơn vị × chỉ tiêu"], book.sheetnames
    summary = book["Tổng hợp"]
    counted = summary["B2"].value
    assert counted.startswith("Tổng hợp") and j.commune not in counted, counted
    grid = book["Đơn vị × chỉ tiêu"]
    header = [c.value for c in grid[1]]
    units = {r[0]: dict(zip(header, r)) for r in grid.iter_rows(min_row=2, values_only=True) if r[0]}
    assert j.commune in units, sorted(units)
    assert units[j.commune][code] == int(value) and units[j.commune]["1.1.1"] == 20, units[j.commune]
    totals = {r[0].value: r for r in summary.iter_rows(min_row=5) if r[0].value}
    total = totals[code][3].value
    assert total == sum(u[code] or 0 for u in units.values()), (total, {n: u[code] for n, u in units.items()})
    document = docx.Document(io.BytesIO(download(browser, "Tải báo cáo Word (.docx)")))
    basis = [p.text for p in document.paragraphs if p.text.startswith("Số liệu tổng hợp từ báo cáo của")]
    assert len(basis) == 1 and j.commune not in basis[0], basis
    rows = {r.cells[0].text: [c.text for c in r.cells] for t in document.tables for r in t.rows if len(r.cells) >= 4}
    assert rows[code][3] == str(total), rows.get(code)


@pytest.mark.parametrize("width", [PHONE])
def test_standing_agency_timeliness_at_phone_width(browser, base_url, width):
    sign_in(browser, base_url, "thachha.noivu")
    href = browser.find_element(By.LINK_TEXT, "Theo dõi nộp").get_attribute("href")
    browser.get(href.split("?")[0] + "?year=2021")
    wait_for(browser, "Theo dõi nộp báo cáo CCHC năm 2021 — Huyện Thạch Hà")
    cells = browser.find_elements(By.CSS_SELECTOR, "td.cell.on_time")
    assert cells, "no on-time cell"
    shot(browser, width, "timeliness")


@pytest.mark.parametrize("width", [DESKTOP, PHONE])
def test_search_without_diacritics_in_the_unit_list(browser, base_url, width):
    sign_in(browser, base_url, "admin")
    browser.get(base_url + "/units")
    box = browser.find_element(By.NAME, "q")
    box.send_keys("quang tho")
    box.submit()
    wait_for(browser, "Xã Quảng Thọ")
    shot(browser, width, "search-units")


# Per width: a commune's specialist and leader whose Q3/2021 report no other suite touches.
STALE = {DESKTOP: ("thachkenh.cv", "thachkenh.ld"), PHONE: ("xuanan.cv", "xuanan.ld")}


@pytest.mark.parametrize("width", [DESKTOP, PHONE])
def test_a_stale_save_keeps_the_typing_and_shows_both_versions(browser, base_url, width):
    """The leader saves while the specialist has the page open; the specialist's save is not lost nor
    does it overwrite: the page comes back with their typing and the leader's version beside it."""
    from conftest import login, token

    specialist, leader_name = STALE[width]
    headers = token(base_url, specialist)
    me = requests.get(base_url + "/api/v1/me", headers=headers, timeout=30).json()["unit"]["id"]
    periods = requests.get(f"{base_url}/api/v1/units/{me}/reports", params={"year": 2021}, headers=headers, timeout=30).json()
    period = next(p["periodID"] for p in periods if p["kind"] == "Q3")
    path = f"/units/{me}/reports/{period}"
    sign_in(browser, base_url, specialist)
    browser.get(base_url + path)
    wait_for(browser, "Lưu báo cáo")
    # Meanwhile the leader saves from another session.
    leader = login(base_url, leader_name)
    page = leader.get(base_url + path, timeout=30).text
    revision = page.split('name="revision" value="')[1].split('"')[0]
    r = leader.post(base_url + path, data={"_csrf": leader.csrf, "revision": revision, "v:1.1.1": "31",
                                           "narrative:khoKhan": "Lãnh đạo ghi", "documentsPresent": "1"}, allow_redirects=False, timeout=30)
    assert r.status_code == 303, r.status_code
    # The specialist, on the page opened earlier, types and saves.
    field = browser.find_element(By.NAME, "v:1.1.1")
    field.clear()
    field.send_keys("29")
    browser.find_element(By.CSS_SELECTOR, ".sticky-save button").click()
    wait_for(browser, "Chưa lưu: có người đã lưu báo cáo này sau khi bạn mở trang.")
    assert browser.find_element(By.NAME, "v:1.1.1").get_attribute("value") == "29"
    # What the specialist left empty carries the leader's text, so saving again does not erase it.
    assert "Lãnh đạo ghi" in browser.find_element(By.NAME, "narrative:khoKhan").get_attribute("value")
    conflict = browser.find_element(By.CSS_SELECTOR, ".conflict")
    assert "31" in conflict.text and "29" in conflict.text and leader_name in conflict.text, conflict.text
    shot(browser, width, "stale-save", conflict)
    # Saving again from this page applies the merge the user made.
    press(browser, browser.find_element(By.CSS_SELECTOR, ".sticky-save button"))
    wait_for(browser, "Đã lưu báo cáo.")
