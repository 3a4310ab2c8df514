"""The two editing tables on a phone (issue 15 §2: at 375 px forms are one column, every input on screen): a commune's
PAR self-assessment in edit mode (`table.par`) and a plan's task editor (`table.plan.edit`) stack at 375 px, a card a
row with each field under its column's name, so that every input, textarea and select lies inside the screen and
nothing scrolls sideways, neither the page nor the table; at 1366 px both stay grids with their column headings.

Read-only: the pages are opened and typed into, nothing is saved. Xã Quảng Vinh's 2020 PAR assessment (open for
self-assessment in the demo, touched by no other suite) and Xã Thạch Xuân's 2022 CCHC plan (not written in the demo,
so its task table is editable). Screenshots: $CCHC_SCREENSHOTS/<width>/journey-edit-tables-*.png."""
import pytest
from selenium.webdriver.common.by import By

from conftest import DESKTOP, PHONE
from test_journeys import click_and_wait, shot, sign_in, wait_for
from test_plans import unit_id

DISTRICT = "Huyện Quảng Điền"
PAR_UNIT, PAR_SPECIALIST = "Xã Quảng Vinh", "quangvinh.cv"
PLAN_UNIT, PLAN_QUERY, PLANNER, PLAN_YEAR = "Xã Thạch Xuân", "thach xuan", "thachxuan.cv", 2022
# What the planner types into the first row of the task editor before the table is measured (long, as real rows are).
PLAN_ROW = {
    "area": "Xây dựng và phát triển Chính phủ điện tử",
    "task": "Nâng cao chất lượng cung cấp dịch vụ công trực tuyến",
    "detail": "Hướng dẫn người dân nộp hồ sơ trực tuyến toàn trình tại Bộ phận Một cửa; rà soát, cập nhật danh mục "
              "thủ tục hành chính thực hiện trên Cổng dịch vụ công tỉnh",
    "product": "Tỷ lệ hồ sơ trực tuyến toàn trình",
    "lead": "Bộ phận Một cửa",
    "coordinators": "Công chức Văn phòng - Thống kê\nĐoàn Thanh niên xã",
    "timeFrame": "Trước ngày 15/12/2022",
}
PAR_TYPED = {
    "value:1.3.3": "4 4 4 4 4 4 4 4 4 4 4 4",
    "evidence:1.3.3": "Sổ theo dõi tin, bài năm 2020 của đài truyền thanh xã",
    "explanation:1.3.3": "Đài truyền thanh xã phát đủ 4 tin, bài mỗi tháng",
}

# Every visible field of the table, its box and the column name its cell shows before it; the document's and the
# table box's widths.
MEASURE = r"""
const table = document.querySelector(arguments[0]);
const wrap = table.closest('.table-wrap') || table;
const fields = [...table.querySelectorAll('input, textarea, select')]
  .filter(el => el.type !== 'hidden' && el.getClientRects().length > 0);
return {
  fields: fields.map(el => {
    const r = el.getBoundingClientRect(), cell = el.closest('td, th');
    return {name: el.getAttribute('name'), left: r.left, right: r.right,
            label: cell ? getComputedStyle(cell, '::before').content : 'none'};
  }),
  scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth,
  wrap: [wrap.scrollWidth, wrap.clientWidth], table: [table.scrollWidth, table.clientWidth],
  display: getComputedStyle(table).display,
  thead: getComputedStyle(table.querySelector('thead')).display,
};
"""




def open_own_assessment(browser, base_url, username, district, unit):
    """A commune's specialist follows the index's link to the 2020 assessment, still being self-scored."""
    sign_in(browser, base_url, username)
    browser.get(base_url + "/par")
    wait_for(browser, "Chỉ số cải cách hành chính")
    row = browser.find_element(By.XPATH, f"//tbody/tr[td[1][starts-with(normalize-space(), 'Năm 2020 — {district}')]]")
    own = row.find_element(By.XPATH, "td[4]/a")
    assert own.text == "Đang tự chấm", f"{own.text}: this test needs {unit}'s 2020 assessment open for self-scoring"
    click_and_wait(browser, own)
    wait_for(browser, f"Chỉ số CCHC năm 2020: {unit}")


def open_self_assessment(browser, base_url):
    """Xã Quảng Vinh's 2020 self-assessment, typed into."""
    open_own_assessment(browser, base_url, PAR_SPECIALIST, DISTRICT, PAR_UNIT)
    for name, text in PAR_TYPED.items():
        browser.find_element(By.NAME, name).send_keys(text)


def open_task_editor(browser, base_url):
    """The planner opens the 2022 plan, follows "Sửa bảng nhiệm vụ" and types a first row (not saved)."""
    unit = unit_id(base_url, "thachha.noivu", PLAN_UNIT, PLAN_QUERY)
    sign_in(browser, base_url, PLANNER)
    browser.get(f"{base_url}/units/{unit}/plans/{PLAN_YEAR}/cchc")
    wait_for(browser, f"Kế hoạch cải cách hành chính năm {PLAN_YEAR} — {PLAN_UNIT}")
    click_and_wait(browser, browser.find_element(By.LINK_TEXT, "Sửa bảng nhiệm vụ"))
    wait_for(browser, "Lưu bảng nhiệm vụ")
    for name, text in PLAN_ROW.items():
        browser.find_element(By.NAME, f"{name}:0").send_keys(text)


TABLES = {
    "par-self-assessment": ("table.par", open_self_assessment, "c-1.3.3", {"value:1.3.3": "Tự chấm",
        "evidence:1.3.3": "Tài liệu kiểm chứng", "explanation:1.3.3": "Giải trình"}, 200),
    "plan-task-editor": ("table.plan.edit", open_task_editor, None, {"area:0": "Lĩnh vực", "task:0": "Nhiệm vụ chung",
        "detail:0": "Nội dung nhiệm vụ", "timeFrame:0": "Thời gian"}, 35),
}


@pytest.mark.parametrize("width", [PHONE])
@pytest.mark.parametrize("table", list(TABLES))
def test_an_editing_table_stacks_on_a_phone_with_every_field_on_screen(browser, base_url, width, table):
    selector, open_page, anchor, labels, at_least = TABLES[table]
    open_page(browser, base_url)
    m = browser.execute_script(MEASURE, selector)
    shot(browser, width, f"edit-tables-{table}",
         browser.find_element(By.ID, anchor) if anchor else browser.find_element(By.CSS_SELECTOR, selector))
    fields = m["fields"]
    assert len(fields) >= at_least, f"{table}: only {len(fields)} fields in {selector}"
    off = [f"{f['name']} ({round(f['left'])}…{round(f['right'])} px)" for f in fields
           if f["left"] < -0.5 or f["right"] > width + 0.5]
    assert not off, f"{table}: {len(off)} of {len(fields)} fields lie outside the {width} px screen: {off[:6]}"
    assert m["scrollWidth"] <= width and m["innerWidth"] == width, \
        f"{table}: the page is {m['scrollWidth']} px wide (window.innerWidth {m['innerWidth']}) in a {width} px screen"
    assert m["wrap"][0] <= m["wrap"][1] + 1 and m["table"][0] <= m["table"][1] + 1, \
        f"{table}: the table scrolls sideways (box {m['wrap']}, table {m['table']}: scroll width, visible width)"
    assert m["thead"] == "none", f"{table}: the column headings row is still shown ({m['thead']}): not stacked"
    # Each field's cell names its column before it (the headings row being hidden).
    by_name = {f["name"]: f["label"] for f in fields}
    for name, column in labels.items():
        assert column in by_name.get(name, ""), f"{table}: the cell of {name} shows {by_name.get(name)!r}, not “{column}”"


@pytest.mark.parametrize("width", [DESKTOP])
@pytest.mark.parametrize("table", list(TABLES))
def test_an_editing_table_stays_a_grid_on_a_desktop(browser, base_url, width, table):
    selector, open_page, anchor, labels, at_least = TABLES[table]
    open_page(browser, base_url)
    m = browser.execute_script(MEASURE, selector)
    shot(browser, width, f"edit-tables-{table}",
         browser.find_element(By.ID, anchor) if anchor else browser.find_element(By.CSS_SELECTOR, selector))
    assert m["display"] == "table" and m["thead"] == "table-header-group", (m["display"], m["thead"])
    assert m["scrollWidth"] <= width, f"{table}: the page is {m['scrollWidth']} px wide"
    by_name = {f["name"]: f for f in m["fields"]}
    # The fields of one row side by side, left to right in the order of the columns, no column name before them.
    row = [by_name[name] for name in labels]
    assert all(a["right"] <= b["left"] for a, b in zip(row, row[1:])), [(f["name"], f["left"], f["right"]) for f in row]
    assert all(f["label"] in ("none", "normal") for f in row), [(f["name"], f["label"]) for f in row]
