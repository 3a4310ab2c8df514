"""Every file field speaks Vietnamese (issue 15 §3/§4): the browser's own picker says "Choose File / No file chosen" in
its language (headless Chromium ships only en-US), so app.js hides the real input on screen (still in its form, still
focusable and reachable by its label) and shows a button "Chọn tệp…" and a line "Chưa chọn tệp" that becomes the
chosen file's name and size ("bao-cao.xlsx (24 KB)", "2 tệp (…)").

At 1366 px and 375 px, on five pages with a file field — a commune report's Excel upload, a plan's task import, the
PAR index's framework import, the upload inside a commune's PAR self-assessment and a register letter's attachment —
the test checks that no native picker is visible (the real input is at most 1 px and not display:none), the
Vietnamese button and line are visible and inside the screen, a click on the button reaches the real input (through
its label, or passed on where it has none), the line follows `send_keys(path)` on the real input (how a person's choice arrives),
Tab from the element before reaches the real input and the button shows the focus outline, on screen and not
covered. A required field refused empty says so in Vietnamese (and the browser's own message is Vietnamese too); a
field with `multiple` counts its files; a file of the wrong type is named so. Two uploads go through end to end: the
commune's Excel workbook (one figure changed: "Đã nhận tệp Excel: 1 thay đổi"), and a PAR evidence file ("Đã đính kèm
tệp kiểm chứng.", the file listed on its criterion's row).

Units touched by no other suite: Xã Thạch Sơn (its Q3/2021 report, its 2023 CCHC plan, a letter in its 2024 register
made by the first run; only the Excel upload and that letter write, the upload a figure one more than the stored one,
so the test can run again on the same database) and Xã Quảng Phước (its 2020
PAR self-assessment; one evidence file a run and width). Screenshots: $CCHC_SCREENSHOTS/<width>/journey-file-*.png."""
import io
import os
import re
import tempfile

import openpyxl
import pytest
import requests
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

from conftest import DESKTOP, PHONE, token
from test_edit_tables import open_own_assessment
from test_journeys import click_and_wait, shot, sign_in, wait_for
from test_plans import unit_id

YEAR = 2021
PLAN_YEAR = 2023  # Xã Thạch Sơn's CCHC plan not written in the demo: its task table can be imported
REPORTER, REPORT_UNIT, REPORT_QUERY = "thachson.cv", "Xã Thạch Sơn", "thach son"
# A letter in Xã Thạch Sơn's 2024 register, made by the first run (a công văn: no plan or statistic reads it).
REGISTER_YEAR, REGISTER_NUMBER = 2024, "15/UBND-VP"
REGISTER_SUMMARY = "V/v gửi biên bản kiểm tra công tác cải cách hành chính (tệp đính kèm)"
PAR_SPECIALIST, PAR_UNIT, PAR_DISTRICT = "quangphuoc.cv", "Xã Quảng Phước", "Huyện Quảng Điền"
KB = 1024

# The picker of one file input: the real input, the wrapper, the button and the line, their boxes and styles.
PICKER = r"""
const input = arguments[0], box = input.closest('.file-picker');
if (!box) return null;
const choose = box.querySelector('.file-choose'), line = box.querySelector('.file-name');
const rect = e => { const r = e.getBoundingClientRect(); return {left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width, height: r.height}; };
const s = getComputedStyle(input), c = getComputedStyle(choose);
const r = choose.getBoundingClientRect();
let hit = null;
if (r.width && r.top >= 0 && r.bottom <= window.innerHeight) {
  const h = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
  hit = h === choose || choose.contains(h) ? 'button' : (h ? h.tagName.toLowerCase() + '.' + String(h.className) : 'nothing');
}
return {
  input: rect(input), inputDisplay: s.display, inputVisibility: s.visibility, inputOpacity: s.opacity,
  inForm: !!input.form, name: input.name, describedBy: input.getAttribute('aria-describedby') || '',
  choose: rect(choose), chooseText: choose.textContent, chooseDisplay: c.display,
  outline: [c.outlineStyle, c.outlineWidth, c.outlineColor],
  line: rect(line), lineText: line.textContent, lineId: line.id,
  focused: document.activeElement === input, hit: hit, viewport: window.innerHeight,
  scrollWidth: document.documentElement.scrollWidth,
  nativeShown: [...document.querySelectorAll('input[type=file]')].filter(i => {
    const b = i.getBoundingClientRect(); return b.width > 1 || b.height > 1; }).length,
  unwrapped: [...document.querySelectorAll('input[type=file]')].filter(i => !i.closest('.file-picker')).length,
};
"""

# The element before `input` in the page's tab order (DOM order of the focusable elements shown).
BEFORE = r"""
const input = arguments[0];
const all = [...document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]')].filter(e =>
  !e.disabled && e.type !== 'hidden' && e.tabIndex >= 0 &&
  (e === input || (e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden')));
return all[all.indexOf(input) - 1] || null;
"""




def report_path(base_url):
    unit = unit_id(base_url, REPORTER, REPORT_UNIT, REPORT_QUERY)
    periods = requests.get(f"{base_url}/api/v1/units/{unit}/reports", params={"year": YEAR},
                           headers=token(base_url, REPORTER), timeout=30).json()
    period = next(p["periodID"] for p in periods if p["kind"] == "Q3")
    return f"/units/{unit}/reports/{period}"


def open_report(browser, base_url):
    """A commune's Q3/2021 report: "Tải lên biểu Excel đã điền" in a row of its own (form.search)."""
    path = report_path(base_url)
    sign_in(browser, base_url, REPORTER)
    browser.get(base_url + path)
    wait_for(browser, f"Báo cáo Quý III/{YEAR} — {REPORT_UNIT}")
    return browser.find_element(By.CSS_SELECTOR, "form.search input[type=file]")


def open_plan(browser, base_url):
    """The commune's 2023 CCHC plan: "Nhập bảng nhiệm vụ từ tệp …" (required, .docx/.xlsx/.json) in a card."""
    unit = unit_id(base_url, REPORTER, REPORT_UNIT, REPORT_QUERY)
    sign_in(browser, base_url, REPORTER)
    browser.get(f"{base_url}/units/{unit}/plans/{PLAN_YEAR}/cchc")
    wait_for(browser, f"Kế hoạch cải cách hành chính năm {PLAN_YEAR} — {REPORT_UNIT}")
    return browser.find_element(By.XPATH, "//form[.//button[normalize-space()='Nhập vào dự thảo']]//input[@type='file']")


def open_par_index(browser, base_url):
    """The PAR index, as the district's standing agency: "Nhập bộ tiêu chí" (a <label for> apart from its input)."""
    sign_in(browser, base_url, "quangdien.noivu")
    browser.get(base_url + "/par")
    wait_for(browser, "Nhập bộ tiêu chí")
    return browser.find_element(By.ID, "file")


def open_par_assessment(browser, base_url):
    """Xã Quảng Phước's 2020 self-assessment: the upload sits inside the page's big form (div.par-upload)."""
    open_own_assessment(browser, base_url, PAR_SPECIALIST, PAR_DISTRICT, PAR_UNIT)
    return browser.find_element(By.CSS_SELECTOR, "div.par-upload input[type=file]")


def open_register(browser, base_url):
    """A letter in the commune's register: "Đính kèm tệp", the input alone in its form (aria-label, required), no
    <label> around it: the button passes its click on. The letter is made through the register's form if missing."""
    unit = unit_id(base_url, REPORTER, REPORT_UNIT, REPORT_QUERY)
    sign_in(browser, base_url, REPORTER)
    browser.get(f"{base_url}/units/{unit}/documents?year={REGISTER_YEAR}")
    wait_for(browser, f"Sổ đăng ký văn bản đi của {REPORT_UNIT} — năm {REGISTER_YEAR}")
    browser.implicitly_wait(0)
    try:
        rows = browser.find_elements(By.XPATH, f"//table[contains(@class, 'register')]//tr[td[normalize-space()='{REGISTER_SUMMARY}']]")
    finally:
        browser.implicitly_wait(5)
    if rows:
        click_and_wait(browser, rows[0].find_element(By.XPATH, "td[1]//a"))
    else:
        browser.get(f"{base_url}/units/{unit}/documents/new?year={REGISTER_YEAR}")
        wait_for(browser, "Vào sổ văn bản mới")
        number = browser.find_element(By.ID, "number")
        number.clear()
        number.send_keys(REGISTER_NUMBER)
        browser.find_element(By.ID, "issuedOn").send_keys(f"15/03/{REGISTER_YEAR}")
        browser.find_element(By.ID, "summary").send_keys(REGISTER_SUMMARY)
        click_and_wait(browser, browser.find_element(By.XPATH, "//button[normalize-space()='Vào sổ']"))
    wait_for(browser, 'enctype="multipart/form-data"')
    return browser.find_element(By.CSS_SELECTOR, "form[enctype='multipart/form-data'] input[type=file]")


# Per page: how to open it, the file a person chooses there (name, size) and the line it must then show.
PAGES = {
    "report-excel": (open_report, "bao-cao.xlsx", 24 * KB + 300, "bao-cao.xlsx (24 KB)"),
    "plan-import": (open_plan, "bang-nhiem-vu-ke-hoach-cai-cach-hanh-chinh-nam-2023-xa-thach-son-ban-trinh-ky.docx",
                    1_572_864, "bang-nhiem-vu-ke-hoach-cai-cach-hanh-chinh-nam-2023-xa-thach-son-ban-trinh-ky.docx (1,5 MB)"),
    "par-framework-import": (open_par_index, "bo-tieu-chi.json", 900, "bo-tieu-chi.json (900 byte)"),
    "par-evidence": (open_par_assessment, "so-theo-doi.pdf", 3 * KB, "so-theo-doi.pdf (3 KB)"),
    "register-attachment": (open_register, "Biên bản kiểm tra.pdf", 150 * KB, "Biên bản kiểm tra.pdf (150 KB)"),
}


def a_file(name, size):
    path = os.path.join(tempfile.mkdtemp(), name)
    with open(path, "wb") as f:
        f.write(b"x" * size)
    return path


def picker(browser, input_):
    info = browser.execute_script(PICKER, input_)
    assert info is not None, "the file input has no Vietnamese picker (app.js did not run on it)"
    return info


def check_shown(info, width, where):
    """No native picker on screen, the Vietnamese one is, and inside the screen's width."""
    assert info["unwrapped"] == 0, f"{where}: {info['unwrapped']} file input(s) without the Vietnamese picker"
    assert info["nativeShown"] == 0, f"{where}: a native file picker is visible"
    assert info["input"]["width"] <= 1 and info["input"]["height"] <= 1, (where, info["input"])
    # Hidden on screen only: still rendered (focusable, reachable by its label), still in its form.
    assert info["inputDisplay"] != "none" and info["inputVisibility"] == "visible", (where, info)
    assert info["inForm"] and info["name"] == "file", (where, info)
    assert info["chooseText"] == "Chọn tệp…" and info["chooseDisplay"] != "none", (where, info)
    assert info["lineId"] in info["describedBy"].split(), f"{where}: the input is not described by the line"
    for part in ("choose", "line"):
        box = info[part]
        assert box["width"] > 0 and box["height"] > 0, (where, part, box)
        assert 0 <= box["left"] and box["right"] <= width + 0.5, f"{where}: {part} outside the screen: {box}"
    assert info["scrollWidth"] <= width, f"{where}: the page scrolls sideways ({info['scrollWidth']} px)"


@pytest.mark.parametrize("width", [DESKTOP, PHONE])
@pytest.mark.parametrize("page", list(PAGES))
def test_a_file_field_in_vietnamese(browser, base_url, width, page):
    opener, name, size, expected = PAGES[page]
    field = opener(browser, base_url)
    where = f"{page} at {width} px"

    # Before a choice: the Vietnamese button and "Chưa chọn tệp", no "Choose File" / "No file chosen" in sight.
    info = picker(browser, field)
    check_shown(info, width, where)
    assert info["lineText"] == "Chưa chọn tệp", (where, info["lineText"])
    box = field.find_element(By.XPATH, "..")
    assert box.find_element(By.CSS_SELECTOR, ".file-choose").text == "Chọn tệp…"
    assert box.find_element(By.CSS_SELECTOR, ".file-name").text == "Chưa chọn tệp"
    body = browser.find_element(By.TAG_NAME, "body").text
    assert "Choose File" not in body and "No file chosen" not in body, where

    # A click on "Chọn tệp…" reaches the real input once (its label's or the forwarded click), which would open the
    # browser's picker: stopped here before it opens.
    browser.execute_script("window.__picked = 0;"
                           "arguments[0].addEventListener('click', e => { window.__picked++; e.preventDefault(); })", field)
    choose = box.find_element(By.CSS_SELECTOR, ".file-choose")
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", choose)
    choose.click()
    assert browser.execute_script("return window.__picked") == 1, f"{where}: the button's click did not reach the input once"

    # The keyboard: Tab from the element before reaches the real input; the button shows the focus outline, on screen.
    before = browser.execute_script(BEFORE, field)
    assert before is not None, where
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'}); arguments[0].focus()", before)
    assert picker(browser, field)["outline"][0] == "none", f"{where}: outline before the focus"
    ActionChains(browser).send_keys(Keys.TAB).perform()
    info = picker(browser, field)
    assert info["focused"], f"{where}: Tab from {before.tag_name} {before.get_attribute('name')} did not reach the file input"
    style, thickness, _ = info["outline"]
    assert style == "solid" and float(thickness.rstrip("px")) >= 2, f"{where}: no visible focus outline: {info['outline']}"
    assert 0 <= info["choose"]["top"] and info["choose"]["bottom"] <= info["viewport"], f"{where}: focused button off screen"
    assert info["hit"] == "button", f"{where}: the focused button is covered by {info['hit']}"

    # A choice (send_keys on the real input is how a file arrives): the line names it with its size, in Vietnamese.
    field.send_keys(a_file(name, size))
    WebDriverWait(browser, 5).until(lambda b: picker(b, field)["lineText"] != "Chưa chọn tệp")
    info = picker(browser, field)
    assert info["lineText"] == expected, (where, info["lineText"])
    assert box.find_element(By.CSS_SELECTOR, ".file-name").text == expected
    check_shown(info, width, where)  # a long name wraps inside the screen
    shot(browser, width, f"file-{page}", box)


@pytest.mark.parametrize("width", [DESKTOP, PHONE])
def test_a_required_file_field_refused_empty_says_so(browser, base_url, width):
    """The plan's import is required: sent empty, the browser keeps the page and both messages are Vietnamese."""
    field = open_plan(browser, base_url)
    url = browser.current_url
    send = browser.find_element(By.XPATH, "//button[normalize-space()='Nhập vào dự thảo']")
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", send)
    send.click()
    box = field.find_element(By.XPATH, "..")
    WebDriverWait(browser, 5).until(lambda b: "hãy bấm" in box.find_element(By.CSS_SELECTOR, ".file-name").text)
    assert box.find_element(By.CSS_SELECTOR, ".file-name").text == \
        "Chưa chọn tệp — hãy bấm “Chọn tệp…” để chọn tệp cần tải lên"
    assert browser.execute_script("return arguments[0].validationMessage", field) == "Hãy chọn tệp để tải lên."
    assert browser.current_url == url and "Đang tải lên" not in browser.find_element(By.TAG_NAME, "body").text
    shot(browser, width, "file-required-refused", box)
    field.send_keys(a_file("ke-hoach.xlsx", 2 * KB))
    WebDriverWait(browser, 5).until(lambda b: box.find_element(By.CSS_SELECTOR, ".file-name").text == "ke-hoach.xlsx (2 KB)")
    assert browser.execute_script("return arguments[0].validationMessage", field) == ""


def test_several_files_and_a_wrong_type(browser, base_url):
    """`multiple` counts the files with their total size (each name in the tooltip); a file the field's `accept`
    does not name is marked, though the server still decides."""
    field = open_report(browser, base_url)
    box = field.find_element(By.XPATH, "..")
    line = box.find_element(By.CSS_SELECTOR, ".file-name")
    field.send_keys(a_file("bien-ban.pdf", 5 * KB))
    WebDriverWait(browser, 5).until(lambda b: line.text.startswith("bien-ban.pdf"))
    assert line.text == "bien-ban.pdf (5 KB) — không đúng loại tệp cần (.xlsx)", line.text
    assert "wrong" in box.get_attribute("class")
    browser.execute_script("arguments[0].multiple = true; arguments[0].removeAttribute('accept');"
                           "arguments[0].value = ''; arguments[0].dispatchEvent(new Event('change'))", field)
    assert line.text == "Chưa chọn tệp"
    field.send_keys(a_file("quy-1.xlsx", 10 * KB) + "\n" + a_file("quy-2.xlsx", 20 * KB))
    WebDriverWait(browser, 5).until(lambda b: line.text != "Chưa chọn tệp")
    assert line.text == "2 tệp (30 KB)", line.text
    assert line.get_attribute("title") == "quy-1.xlsx\nquy-2.xlsx"


def test_the_excel_workbook_uploaded_through_the_picker(browser, base_url):
    """End to end: the commune downloads its workbook, changes one figure, chooses it and sends it; the server
    takes it and the page says so, with the figure in the form."""
    field = open_report(browser, base_url)
    current = browser.find_element(By.NAME, "v:1.1.3").get_attribute("value") or "0"
    figure = str(int(current) + 1)
    href = browser.find_element(By.PARTIAL_LINK_TEXT, "Tải biểu Excel (.xlsx) để điền").get_attribute("href")
    cookies = {c["name"]: c["value"] for c in browser.get_cookies()}
    got = requests.get(href, cookies=cookies, timeout=60)
    assert got.status_code == 200, got.status_code
    book = openpyxl.load_workbook(io.BytesIO(got.content))
    sheet = book.worksheets[0]
    row = next(r for r in sheet.iter_rows(min_row=1) if r[0].value == "1.1.3")
    row[3].value = int(figure)
    path = os.path.join(tempfile.mkdtemp(), "bieu-quy-3-thach-son.xlsx")
    book.save(path)

    field.send_keys(path)
    line = field.find_element(By.XPATH, "../*[contains(@class, 'file-name')]")
    WebDriverWait(browser, 5).until(lambda b: line.text.startswith("bieu-quy-3-thach-son.xlsx ("))
    assert re.fullmatch(r"bieu-quy-3-thach-son\.xlsx \(\d+ KB\)", line.text), line.text
    click_and_wait(browser, browser.find_element(By.XPATH, "//button[normalize-space()='Nhận số liệu từ Excel']"), 60)
    wait_for(browser, "Đã nhận tệp Excel: 1 thay đổi")
    assert browser.find_element(By.NAME, "v:1.1.3").get_attribute("value") == figure
    shot(browser, DESKTOP, "file-excel-accepted", browser.find_element(By.ID, "upload-result"))


@pytest.mark.parametrize("width", [DESKTOP, PHONE])
def test_a_par_evidence_file_uploaded_through_the_picker(browser, base_url, width):
    """End to end, inside the self-assessment's big form (its button's formenctype): the file is attached to the
    chosen criterion, listed on its row, and downloads as sent."""
    field = open_par_assessment(browser, base_url)
    name = f"bien-ban-kiem-tra-{width}.pdf"
    content = b"%PDF-1.4\n% Bien ban kiem tra\n" + b"0" * (2 * KB)
    path = os.path.join(tempfile.mkdtemp(), name)
    with open(path, "wb") as f:
        f.write(content)
    upload = browser.find_element(By.CSS_SELECTOR, "div.par-upload")
    Select(upload.find_element(By.NAME, "code")).select_by_value("1.1.1")
    field.send_keys(path)
    line = upload.find_element(By.CSS_SELECTOR, ".file-name")
    WebDriverWait(browser, 5).until(lambda b: line.text == f"{name} (2 KB)")
    click_and_wait(browser, upload.find_element(By.XPATH, ".//button[normalize-space()='Lưu và tải tệp lên']"), 60)
    wait_for(browser, "Đã đính kèm tệp kiểm chứng.")
    link = browser.find_element(By.ID, "c-1.1.1").find_element(By.LINK_TEXT, name)
    cookies = {c["name"]: c["value"] for c in browser.get_cookies()}
    got = requests.get(link.get_attribute("href"), cookies=cookies, timeout=30)
    assert got.status_code == 200 and got.content == content, got.status_code
    shot(browser, width, "file-par-evidence-attached", link)
