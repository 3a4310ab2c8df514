"""The PAR index (Chỉ số CCHC) in a real browser (headless Chromium), on the demo's Huyện Quảng Điền rounds.

2020 (open for self-assessment, deadline 10/12/2020, long past on the server's clock): Xã Quảng Thọ's specialist scores
a few criteria, types 11 monthly counts for 1.3.3 and is refused with everything typed kept, corrects it, saves and
attaches a file; the leader sends it, is refused with the criteria still missing, fills them from each input's hint
(or "không phát sinh" where the framework allows it) until it is sent — late; the district's standing agency lowers one
criterion with a comment and sends the result; the commune sees that row highlighted with the comment.
2019 (published): the ranking puts Xã Quảng Thọ first with 92,63, +4,47 on 2018 (seed 001).

The 2020 journey runs at both widths, each on its own commune of the round: Xã Quảng Thọ at 1366 px, Xã Quảng An at
375 px (the upload from a phone included); the ranking is read at both. Screenshots:
$CCHC_SCREENSHOTS/<width>/journey-par-*.png. Quảng Thọ's and Quảng An's 2020 assessments are touched by no other suite:
run once per fresh database (CI starts one per database)."""
import os
import re
import tempfile

import pytest
import requests
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import DESKTOP, PHONE
from test_journeys import absent, shot, sign_in, wait_for
from test_journeys import click_and_wait as next_page

DISTRICT = "Huyện Quảng Điền"
COMMUNE = "Xã Quảng Thọ"
# Per width: the commune that self-assesses in 2020 and the slug of its accounts (<slug>.cv, <slug>.ld).
ASSESSING = {DESKTOP: ("Xã Quảng Thọ", "quangtho"), PHONE: ("Xã Quảng An", "quangan")}
STATE = "//dt[normalize-space()='Trạng thái']/following-sibling::dd[1]"
SELF_TOTAL = "//dt[normalize-space()='Tự chấm']/following-sibling::dd[1]"
APPRAISED_TOTAL = "//dt[normalize-space()='Điểm thẩm định']/following-sibling::dd[1]"
SAVE = "//button[normalize-space()='Lưu']"
SUBMIT = "//button[normalize-space()='Lưu và gửi tự đánh giá']"
SEND_APPRAISAL = "//button[normalize-space()='Lưu và gửi kết quả thẩm định']"
ERRORS = ".error-summary"

# What the specialist types first. 1.3.3 (4 news items a month, −0,5 per missing item) gets 11 counts: refused.
TYPED = {
    "value:1.1.1": "Ban hành kịp thời",
    "evidence:1.1.1": "Kế hoạch số 15/KH-UBND ngày 20/01/2020 về cải cách hành chính năm 2020",
    "value:2.1.3": "3,5",
    "explanation:2.1.3": "Chưa tự kiểm tra hết các văn bản QPPL ban hành trong quý IV/2020",
    "value:1.3.3": "4 4 3 4 4 4 4 4 4 4 4",
    "evidence:1.3.3": "Sổ theo dõi tin, bài năm 2020 của đài truyền thanh xã",
}
MONTHS_1_3_3 = "4 4 3 4 4 4 4 4 4 4 4 4"  # one month short by one item: 2 − 0,5 = 1,5
EVIDENCE_FILE = "so-theo-doi-tin-bai-2020.pdf"
COUNCIL_POINTS = "1"  # the council finds one more month short: 1,5 → 1
COUNCIL_COMMENT = "Sổ theo dõi tháng 8/2020 chỉ ghi 3 tin, bài: trừ thêm 0,5 điểm"


def screenshot(browser, width, name):
    return shot(browser, width, f"par-{name}")


def scroll_to(browser, element):
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)


def points(text):
    """92,63 → 92.63 (the pages write numbers with a decimal comma)."""
    return float(text.replace(",", "."))


def total(browser, xpath):
    """The points of "Tự chấm" / "Điểm thẩm định": "81,5/100 điểm · …" → 81.5."""
    text = browser.find_element(By.XPATH, xpath).text
    m = re.match(r"\s*([\d,]+)/100 điểm", text)
    assert m, text
    return points(m.group(1))


def row(browser, code):
    return browser.find_element(By.ID, f"c-{code}")


def typed(browser, name):
    return browser.find_element(By.NAME, name).get_attribute("value")


def type_into(browser, name, text):
    field = browser.find_element(By.NAME, name)
    field.clear()
    field.send_keys(text)


def click_and_wait(browser, button, timeout=20):
    """Clicks a form's button and waits until the page it posts to has replaced this one."""
    next_page(browser, button, timeout)
    wait_for(browser, "</footer>")


def table_row(browser, first_cell_starts):
    """The row of a page's table whose first cell starts with `first_cell_starts`."""
    return browser.find_element(By.XPATH, f"//tbody/tr[td[1][starts-with(normalize-space(), '{first_cell_starts}')]]")


def error_items(browser):
    """{code: message} of the error summary's items ("Tiêu chí 1.1.2: chưa chấm điểm")."""
    items = {}
    for li in browser.find_elements(By.CSS_SELECTOR, f"{ERRORS} li"):
        m = re.match(r"Tiêu chí ([\d.]+): (.*)", li.text.strip())
        assert m, li.text
        items.setdefault(m.group(1), []).append(m.group(2))
    return items


def answer_from_hint(hint):
    """What a unit types for a criterion, read off the input's placeholder (ParInputText.hint): "không phát sinh" where
    the framework allows it; twelve counts for a monthly deduction; the first outcome named ("đạt", "đúng hạn", a level);
    otherwise the example the hint gives (a number of points, a percentage, an indicator)."""
    if "không phát sinh" in hint:
        return "không phát sinh"
    if hint.startswith("12 số lượng"):
        return "4 4 4 4 4 4 4 4 4 4 4 4"
    quoted = re.findall(r"\"([^\"]+)\"", hint)
    if quoted and (hint.startswith("\"") or hint.startswith("Một trong các mức")):
        return quoted[0]
    example = re.search(r"\(vd: ([^)]+)\)", hint)
    assert example, f"no example in the hint “{hint}”"
    return example.group(1)


# Per criterion code: its inputs, the value input's hint (placeholder) and the evidence the row asks for ("… cần: X").
FIELDS = r"""
return arguments[0].map(code => {
  const one = name => document.getElementsByName(name + ':' + code)[0] || null;
  const value = one('value'), row = document.getElementById('c-' + code);
  const asked = row && row.querySelector('td .muted');
  const field = name => { const e = one(name); return e ? {element: e, typed: e.value} : null; };
  return {value: field('value'), evidence: field('evidence'), explanation: field('explanation'),
          hint: value ? value.getAttribute('placeholder') : null, asked: asked ? asked.innerText : ''};
});
"""


def type_in(field, text):
    """Types `text` into a field read by FIELDS, emptied first if it holds something."""
    assert field is not None, "no such input"
    if field["typed"]:
        field["element"].clear()
    field["element"].send_keys(text)


def send_self_assessment(browser):
    """The leader clicks "Lưu và gửi tự đánh giá" and, refused, fills what the refusal names, until it is sent.
    Returns the first refusal's items. (What each refused row asks for is read in one go; every answer is typed.)"""
    first = None
    for _ in range(4):
        click_and_wait(browser, browser.find_element(By.XPATH, SUBMIT))
        if "Đã gửi bản tự đánh giá." in browser.page_source:
            return first
        items = error_items(browser)
        assert items, f"neither sent nor refused: {browser.find_element(By.XPATH, STATE).text}"
        first = first or items
        fields = dict(zip(items, browser.execute_script(FIELDS, list(items))))
        for code, messages in items.items():
            f = fields[code]
            for message in messages:
                if message == "chưa chấm điểm":
                    assert f["value"] is not None and f["hint"] is not None, f"{code}: no value input"
                    value = answer_from_hint(f["hint"])
                    type_in(f["value"], value)
                    if value == "không phát sinh":
                        type_in(f["explanation"], "Năm 2020 không phát sinh việc thuộc tiêu chí này")
                    else:
                        type_in(f["evidence"], f["asked"].split("cần: ")[-1])
                elif "giải trình" in message:
                    type_in(f["explanation"], "Tài liệu kiểm chứng lưu tại Văn phòng HĐND và UBND xã")
                else:
                    raise AssertionError(f"{code}: {message}")
    raise AssertionError(f"still refused: {error_items(browser)}")


@pytest.mark.parametrize("width", [DESKTOP, PHONE])
def test_a_commune_self_assesses_sends_late_and_the_council_lowers_a_criterion(browser, base_url, width):
    commune, slug = ASSESSING[width]
    # 1. The specialist opens the index and follows the link to the commune's own 2020 assessment.
    sign_in(browser, base_url, f"{slug}.cv")
    browser.get(base_url + "/par")
    wait_for(browser, "Chỉ số cải cách hành chính")
    own = table_row(browser, f"Năm 2020 — {DISTRICT}").find_element(By.XPATH, "td[4]/a")
    assert own.text == "Đang tự chấm", f"{own.text}: this journey needs a fresh database"
    own.click()
    wait_for(browser, f"Chỉ số CCHC năm 2020: {commune}")
    path = browser.current_url.replace(base_url, "").split("?")[0].split("#")[0]
    assert re.fullmatch(r"/par/rounds/\d+/units/\d+", path), path
    assert browser.find_element(By.XPATH, STATE).text.startswith("Đang tự chấm")
    assert "gửi chậm nhất 10/12/2020" in browser.page_source

    # A few criteria typed, and 1.3.3 with 11 monthly counts: refused, naming the criterion; nothing typed is lost.
    for name, text in TYPED.items():
        type_into(browser, name, text)
    screenshot(browser, width, "1-typing")
    browser.find_element(By.XPATH, SAVE).click()
    wait_for(browser, "Chưa lưu được")
    summary = browser.find_element(By.CSS_SELECTOR, ERRORS).text
    assert "Tiêu chí 1.3.3: cần đúng 12 số lượng (mỗi tháng một số), đã ghi 11" in summary, summary
    assert list(error_items(browser)) == ["1.3.3"], summary
    assert "row-error" in row(browser, "1.3.3").get_attribute("class")
    for name, text in TYPED.items():
        assert typed(browser, name) == text, (name, typed(browser, name))
    scroll_to(browser, row(browser, "1.3.3"))
    screenshot(browser, width, "2-refused")

    # Corrected: saved; 1.3.3 scores 1,5 of 2 (one item missing in one month), the total is the sum of the three.
    type_into(browser, "value:1.3.3", MONTHS_1_3_3)
    browser.find_element(By.XPATH, SAVE).click()
    wait_for(browser, "Đã lưu.")
    assert typed(browser, "value:1.3.3") == MONTHS_1_3_3 and typed(browser, "value:1.1.1") == "Ban hành kịp thời"
    assert typed(browser, "explanation:2.1.3") == TYPED["explanation:2.1.3"]
    assert "1,5" in row(browser, "1.3.3").text, row(browser, "1.3.3").text
    assert total(browser, SELF_TOTAL) == 1 + 1.5 + 3.5, browser.find_element(By.XPATH, SELF_TOTAL).text

    # A file for 1.3.3 through "Đính kèm tệp kiểm chứng": listed on its row, and it downloads as uploaded.
    content = b"%PDF-1.4\n% So theo doi tin bai 2020\n"
    upload = os.path.join(tempfile.mkdtemp(), EVIDENCE_FILE)
    with open(upload, "wb") as f:
        f.write(content)
    # The upload sits inside the page's form: an explanation typed just before it is saved with the file, not lost.
    note = browser.find_element(By.NAME, "explanation:1.3.3")
    note.clear()
    note.send_keys("Tháng 3 thiếu 1 tin do đài truyền thanh sửa chữa")
    form = browser.find_element(By.CSS_SELECTOR, "div.par-upload")
    Select(form.find_element(By.NAME, "code")).select_by_value("1.3.3")
    form.find_element(By.NAME, "file").send_keys(upload)
    form.find_element(By.XPATH, ".//button[normalize-space()='Lưu và tải tệp lên']").click()
    wait_for(browser, "Đã đính kèm tệp kiểm chứng.")
    assert typed(browser, "explanation:1.3.3") == "Tháng 3 thiếu 1 tin do đài truyền thanh sửa chữa"
    link = row(browser, "1.3.3").find_element(By.LINK_TEXT, EVIDENCE_FILE)
    cookies = {c["name"]: c["value"] for c in browser.get_cookies()}
    got = requests.get(link.get_attribute("href"), cookies=cookies, timeout=30)
    assert got.status_code == 200 and got.content == content, got.status_code
    scroll_to(browser, row(browser, "1.3.3"))
    screenshot(browser, width, "3-file-attached")

    # 2. The leader sends it: refused first, listing every criterion not yet scored (and nothing typed above).
    sign_in(browser, base_url, f"{slug}.ld")
    browser.get(base_url + path)
    wait_for(browser, "Lưu và gửi tự đánh giá")
    refused = send_self_assessment(browser)
    assert refused and refused.get("1.1.2") == ["chưa chấm điểm"], refused
    assert not {"1.1.1", "1.3.3", "2.1.3"} & set(refused), refused
    state = browser.find_element(By.XPATH, STATE).text
    assert state.startswith("Đã gửi") and "nộp muộn" in state, state
    assert absent(browser, By.XPATH, "//button[normalize-space()='Rút lại để sửa']"), \
        "withdrawal offered after the deadline"
    sent_self = total(browser, SELF_TOTAL)
    assert 1 + 1.5 + 3.5 < sent_self <= 100, sent_self
    screenshot(browser, width, "4-sent-late")

    # 3. The district's standing agency: Quảng Thọ has sent; 1.3.3 lowered with a comment, the result sent.
    sign_in(browser, base_url, "quangdien.noivu")
    browser.get(base_url + "/par")
    wait_for(browser, "Các đợt đánh giá")
    table_row(browser, f"Năm 2020 — {DISTRICT}").find_element(By.XPATH, "td[1]/a").click()
    wait_for(browser, f"Đánh giá chỉ số CCHC năm 2020 — {DISTRICT}")
    unit = table_row(browser, commune)
    assert "Đã gửi tự đánh giá" in unit.text, unit.text
    unit.find_element(By.LINK_TEXT, commune).click()
    wait_for(browser, "Lưu và gửi kết quả thẩm định")
    assert browser.current_url.replace(base_url, "").split("?")[0] == path
    type_into(browser, "points:1.3.3", COUNCIL_POINTS)
    type_into(browser, "comment:1.3.3", COUNCIL_COMMENT)
    scroll_to(browser, row(browser, "1.3.3"))
    screenshot(browser, width, "5-council-lowers")
    browser.find_element(By.XPATH, SEND_APPRAISAL).click()
    wait_for(browser, "Đã gửi kết quả thẩm định cho đơn vị.")
    assert "row-warn" in row(browser, "1.3.3").get_attribute("class")

    # 4. The commune sees the row highlighted with the council's comment, and the total lower by the half point.
    sign_in(browser, base_url, f"{slug}.ld")
    browser.get(base_url + path)
    wait_for(browser, f"Chỉ số CCHC năm 2020: {commune}")
    lowered = row(browser, "1.3.3")
    assert "row-warn" in lowered.get_attribute("class"), lowered.get_attribute("class")
    visible = browser.find_element(By.TAG_NAME, "main").text
    assert "<span" not in visible and "<em>" not in visible and "<br>" not in visible, lowered.text
    assert COUNCIL_COMMENT in lowered.text, lowered.text
    warned = [r.get_attribute("id") for r in browser.find_elements(By.CSS_SELECTOR, "tr.row-warn")]
    assert warned == ["c-1.3.3"], warned
    assert total(browser, SELF_TOTAL) == sent_self
    assert abs(total(browser, APPRAISED_TOTAL) - (sent_self - 0.5)) < 0.005, browser.find_element(By.XPATH, APPRAISED_TOTAL).text
    scroll_to(browser, lowered)
    screenshot(browser, width, "6-appraised")


@pytest.mark.parametrize("width", [DESKTOP, PHONE])
def test_the_2019_ranking_puts_quang_tho_first(browser, base_url, width):
    sign_in(browser, base_url, "quangdien.noivu")
    browser.get(base_url + "/par")
    wait_for(browser, "Các đợt đánh giá")
    table_row(browser, f"Năm 2019 — {DISTRICT}").find_element(By.XPATH, "td[1]/a").click()
    wait_for(browser, f"Đánh giá chỉ số CCHC năm 2019 — {DISTRICT}")
    browser.find_element(By.LINK_TEXT, "Bảng xếp hạng").click()
    wait_for(browser, f"Kết quả chỉ số CCHC năm 2019 — {DISTRICT}")
    header = [th.text.split("\n")[0] for th in browser.find_elements(By.CSS_SELECTOR, "table.par-results thead th")]
    rows = browser.find_elements(By.CSS_SELECTOR, "table.par-results tbody tr")
    assert len(rows) == 11, len(rows)
    first = dict(zip(header, [td.text for td in rows[0].find_elements(By.TAG_NAME, "td")]))
    assert first["Hạng"] == "1" and first["Đơn vị"] == COMMUNE, first
    assert first["Tổng điểm"] == "92,63" and first["So với năm trước"] == "+4,47", first
    totals = [points(r.find_elements(By.TAG_NAME, "td")[header.index("Tổng điểm")].text) for r in rows]
    assert totals == sorted(totals, reverse=True), totals
    screenshot(browser, width, "7-ranking-2019")
