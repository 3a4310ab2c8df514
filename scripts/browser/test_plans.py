"""A unit's CCHC plan for 2021 in a real browser (headless Chromium), at 1366 px and 375 px, each width on its own unit
of Huyện Thạch Hà that the demo leaves without a plan: the unit writes its task table, has it signed and sent; the
district's standing agency sees it issued late; the unit records progress on a task the district assigned it as lead,
and the district sees it.

At 1366 px Xã Thạch Đài; at 375 px (a phone) Phòng Văn hóa - Thông tin, one of the district's offices, which the
district's plan (10/KH-UBND-NV) also sets "trước ngày 30/01/2021" and assigns a task to. Their 2021 CCHC plans are
touched by no other browser journey (test_journeys.py and test_typing_kept.py use Thạch Đài's reports, which only read
the plan's figures), and nothing here depends on today's date: every day typed is in 2021, and the server's clock
(today) is long after all of them. Screenshots: $CCHC_SCREENSHOTS/<width>/journey-plans-*.png."""
from dataclasses import dataclass, field

import pytest
import requests
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import DESKTOP, PHONE, token
from test_journeys import absent, shot, sign_in, wait_for

YEAR = 2021
STATE = "//dt[normalize-space()='Trạng thái']/following-sibling::dd[1]"
DOCUMENT = "//dt[normalize-space()='Văn bản']/following-sibling::dd[1]"
ASSIGNED = "//h2[starts-with(normalize-space(), 'Nhiệm vụ cấp trên giao')]/following-sibling::div[1]//table"
TASKS = "//dt[normalize-space()='Nhiệm vụ']/following-sibling::dd[1]"
ERRORS = ".error-summary"
SAVE_TABLE = "//button[normalize-space()='Lưu bảng nhiệm vụ']"


@dataclass(frozen=True)
class PlanJourney:
    unit: str
    query: str  # what the unit search finds it by
    specialist: str
    leader: str
    assigned_task: str  # the district's task the unit leads (DemoPlanning.thachHaTasks)
    rows: list  # two rows typed first: the first carries the assigned task
    due: list  # "Hạn: …" of those rows
    no_content: dict  # a row begun and left without its task: refused, nothing typed lost
    no_content_detail: str
    still_missing: list  # areas the coverage check names after the two rows
    missing_assigned: list = field(default_factory=list)  # the district's tasks (lead) the two rows leave out
    number: str = ""
    assigned_count: int = 0  # the district's tasks assigned to the unit (lead or coordinating)


JOURNEYS = {
    DESKTOP: PlanJourney(
        unit="Xã Thạch Đài", query="thach dai", specialist="thachdai.cv", leader="thachdai.ld",
        assigned_task="Niêm yết công khai đầy đủ TTHC tại Bộ phận Một cửa cấp xã",
        rows=[{"area": "Cải cách thủ tục hành chính", "detail": "Niêm yết công khai đầy đủ TTHC tại Bộ phận Một cửa",
               "product": "Danh mục TTHC được niêm yết", "lead": "Bộ phận Một cửa", "timeFrame": "Tháng 02/2021"},
              {"area": "Cải cách thể chế", "detail": "Tuyên truyền, phổ biến pháp luật cho nhân dân trên địa bàn",
               "product": "Hội nghị, tin bài", "lead": "Công chức Tư pháp - Hộ tịch", "timeFrame": "Quý 3/2021"}],
        due=["Hạn: 28/02/2021", "Hạn: 30/09/2021"],
        no_content={"area": "Cải cách tài chính công", "product": "Báo cáo công khai", "lead": "Công chức Tài chính - Kế toán",
                    "timeFrame": "Trong năm 2021"},
        no_content_detail="Công khai dự toán, quyết toán ngân sách xã",
        still_missing=["Cải cách tài chính công", "Cải cách tổ chức bộ máy", "Xây dựng và phát triển Chính phủ điện tử"],
        missing_assigned=["Đánh giá, xếp loại cán bộ, công chức cấp xã năm 2021"],
        number="05/KH-UBND", assigned_count=6),
    PHONE: PlanJourney(
        unit="Phòng Văn hóa - Thông tin", query="van hoa thong tin", specialist="thachha.vhtt.cv", leader="thachha.vhtt.ld",
        assigned_task="Sử dụng chữ ký số trong gửi, nhận văn bản điện tử",
        rows=[{"area": "Xây dựng và phát triển Chính phủ điện tử", "detail": "Sử dụng chữ ký số trong gửi, nhận văn bản điện tử",
               "product": "Tỷ lệ văn bản được ký số", "lead": "Bộ phận Văn thư", "timeFrame": "Tháng 06/2021"},
              {"area": "Cải cách thủ tục hành chính", "detail": "Tuyên truyền dịch vụ công trực tuyến trên Cổng thông tin điện tử huyện",
               "product": "Tin, bài", "lead": "Chuyên viên Phòng Văn hóa - Thông tin", "timeFrame": "Quý 3/2021"}],
        due=["Hạn: 30/06/2021", "Hạn: 30/09/2021"],
        no_content={"area": "Cải cách tài chính công", "product": "Báo cáo công khai", "lead": "Kế toán Phòng",
                    "timeFrame": "Trong năm 2021"},
        no_content_detail="Công khai dự toán, quyết toán kinh phí của Phòng",
        still_missing=["Cải cách tài chính công", "Cải cách tổ chức bộ máy", "Cải cách thể chế"],
        number="03/KH-VHTT", assigned_count=2),
}


def screenshot(browser, width, name):
    return shot(browser, width, f"plans-{name}")


def scroll_to(browser, element):
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)


def unit_id(base_url, username, name, query):
    """The id of the unit named `name`, found through the API's unit search as `username`."""
    r = requests.get(base_url + "/api/v1/units", params={"q": query}, headers=token(base_url, username), timeout=30)
    assert r.status_code == 200, (r.status_code, r.text[:300])
    ids = [u["id"] for u in r.json() if u["name"] == name]
    assert len(ids) == 1, f"{name}: {r.json()}"
    return ids[0]


def api_plan(base_url, username, unit, kind="cchc"):
    r = requests.get(f"{base_url}/api/v1/units/{unit}/plans/{YEAR}/{kind}", headers=token(base_url, username), timeout=30)
    assert r.status_code == 200, (r.status_code, r.text[:300])
    return r.json()


def state(browser):
    return browser.find_element(By.XPATH, STATE).text


def fill_row(browser, i, row):
    """Types one row of the edit table (`i` from 0), as a user does: cell by cell, lead one unit a line."""
    for name, text in row.items():
        browser.find_element(By.NAME, f"{name}:{i}").send_keys(text)


def typed(browser, i, name):
    return browser.find_element(By.NAME, f"{name}:{i}").get_attribute("value")


def assigned_row(browser, starts):
    """The row of "Nhiệm vụ cấp trên giao" whose task starts with `starts`."""
    return browser.find_element(By.XPATH, f"{ASSIGNED}//tr[td[1][starts-with(normalize-space(), '{starts}')]]")


@pytest.mark.parametrize("width", [DESKTOP, PHONE])
def test_a_unit_writes_issues_and_reports_progress_on_its_plan(browser, base_url, width):
    j = JOURNEYS[width]
    rows, no_content, assigned_task = j.rows, j.no_content, j.assigned_task
    starts = assigned_task[:16]
    commune = unit_id(base_url, "thachha.noivu", j.unit, j.query)
    district = unit_id(base_url, "thachha.noivu", "Huyện Thạch Hà", "thach ha")
    plan = f"/units/{commune}/plans/{YEAR}/cchc"

    # 1. The specialist opens the plans of the year: not written yet; the district's tasks are waiting.
    sign_in(browser, base_url, j.specialist)
    browser.get(f"{base_url}/units/{commune}/plans?year={YEAR}")
    wait_for(browser, f"Kế hoạch CCHC — {j.unit}")
    browser.find_element(By.LINK_TEXT, "Kế hoạch cải cách hành chính").click()
    wait_for(browser, f"Kế hoạch cải cách hành chính năm {YEAR} — {j.unit}")
    assert browser.current_url.split("?")[0] == base_url + plan
    assert state(browser).startswith("Chưa lập"), state(browser)
    assert "Chưa ban hành" in browser.find_element(By.XPATH, DOCUMENT).text
    assert "trước ngày 30/01/2021 (do Huyện Thạch Hà đặt)" in browser.page_source
    task = assigned_row(browser, starts)
    assert assigned_task in task.text and "Kế hoạch số 10/KH-UBND-NV" in task.text and "chủ trì" in task.text, task.text
    assert "chưa có trong kế hoạch" in task.text, task.text
    screenshot(browser, width, "1-not-written")
    scroll_to(browser, task)
    screenshot(browser, width, "1b-assigned-tasks")

    # The edit table: two rows typed, saved.
    browser.find_element(By.LINK_TEXT, "Sửa bảng nhiệm vụ").click()
    wait_for(browser, "Lưu bảng nhiệm vụ")
    for i, row in enumerate(rows):
        fill_row(browser, i, row)
    screenshot(browser, width, "2-edit-table")
    browser.find_element(By.XPATH, SAVE_TABLE).click()
    wait_for(browser, "Đã lưu kế hoạch.")
    assert "Kế hoạch chưa có nhiệm vụ nào." not in browser.page_source, \
        "“Đã lưu kế hoạch.” but the plan has no task: the rows typed in the edit table were not read"
    assert state(browser).startswith("Đang soạn"), state(browser)
    assert browser.find_element(By.XPATH, TASKS).text.startswith("2 nhiệm vụ"), browser.find_element(By.XPATH, TASKS).text
    first, second = browser.find_element(By.ID, "task-1").text, browser.find_element(By.ID, "task-2").text
    assert rows[0]["detail"] in first and rows[0]["timeFrame"] in first and j.due[0] in first, first
    assert rows[1]["detail"] in second and rows[1]["timeFrame"] in second and j.due[1] in second, second
    table = browser.find_element(By.CSS_SELECTOR, "table.plan").text
    assert rows[0]["area"] in table and rows[1]["area"] in table, table
    # The coverage check names what is missing: areas without a task, the district's tasks not carried.
    warnings = browser.find_element(By.CSS_SELECTOR, ".warnings").text
    for area in j.still_missing:
        assert f"Chưa có nhiệm vụ nào thuộc lĩnh vực “{area}”" in warnings, warnings
    assert f"{rows[0]['area']}”" not in warnings and f"{rows[1]['area']}”" not in warnings, warnings
    for task in j.missing_assigned:
        assert task in warnings, warnings
    assert assigned_task not in warnings, warnings
    # The district's task is now carried by row 1 of the commune's own plan.
    assert "dòng 1" in assigned_row(browser, starts).text
    screenshot(browser, width, "3-saved")
    scroll_to(browser, browser.find_element(By.ID, "task-1"))
    screenshot(browser, width, "3b-task-table")

    # 2. A third row with its area, product, lead and time frame but no task: refused, naming the row; nothing typed lost.
    browser.find_element(By.LINK_TEXT, "Sửa bảng nhiệm vụ").click()
    wait_for(browser, "Lưu bảng nhiệm vụ")
    assert typed(browser, 0, "detail") == rows[0]["detail"] and typed(browser, 1, "timeFrame") == rows[1]["timeFrame"]
    fill_row(browser, 2, no_content)
    browser.find_element(By.XPATH, SAVE_TABLE).click()
    wait_for(browser, "Chưa lưu được")
    summary = browser.find_element(By.CSS_SELECTOR, ERRORS).text
    assert "Nhiệm vụ dòng 3: chưa ghi nội dung nhiệm vụ." in summary, summary
    assert "chưa ghi nội dung nhiệm vụ" in browser.find_element(By.NAME, "detail:2").find_element(By.XPATH, "..").text
    for i, row in enumerate(rows + [no_content]):
        for name, text in row.items():
            assert typed(browser, i, name) == text, (i, name, typed(browser, i, name))
    scroll_to(browser, browser.find_element(By.NAME, "detail:2"))
    screenshot(browser, width, "3c-row-refused")
    assert len(api_plan(base_url, j.specialist, commune)["tasks"]) == 2, "the refused table was saved"
    # The content added, the row is saved and the area is covered.
    browser.find_element(By.NAME, "detail:2").send_keys(j.no_content_detail)
    browser.find_element(By.XPATH, SAVE_TABLE).click()
    wait_for(browser, "Đã lưu kế hoạch.")
    third = browser.find_element(By.ID, "task-3").text
    assert j.no_content_detail in third and "Hạn: 31/12/2021" in third, third
    assert "“Cải cách tài chính công”" not in browser.find_element(By.CSS_SELECTOR, ".warnings").text

    # 3. Sent to the leader, who signs it with its number and day: sent to the district.
    browser.find_element(By.XPATH, "//button[normalize-space()='Trình lãnh đạo ký']").click()
    wait_for(browser, "Đã chuyển kế hoạch sang bước tiếp theo")
    assert state(browser).startswith("Chờ lãnh đạo ký"), state(browser)
    sign_in(browser, base_url, j.leader)
    browser.get(base_url + plan)
    wait_for(browser, "Ký ban hành và gửi")
    number, day = browser.find_element(By.NAME, "docNumber"), browser.find_element(By.NAME, "docDate")
    number.clear()
    number.send_keys(j.number)
    day.clear()
    day.send_keys("08/02/2021")  # after the district's "trước ngày 30/01/2021": 10 days late
    screenshot(browser, width, "4-leader-signs")
    browser.find_element(By.XPATH, "//button[normalize-space()='Ký ban hành và gửi']").click()
    wait_for(browser, "Đã chuyển kế hoạch sang bước tiếp theo")
    assert state(browser).startswith("Đã gửi"), state(browser)
    assert browser.find_element(By.XPATH, DOCUMENT).text.startswith(f"Số {j.number} ngày 08/02/2021")
    assert absent(browser, By.LINK_TEXT, "Sửa bảng nhiệm vụ"), "a sent plan offers its edit table"
    screenshot(browser, width, "5-sent")
    sent = api_plan(base_url, j.specialist, commune)
    assert sent["state"] == "submitted" and sent["document"]["number"] == j.number, sent

    # 4. The district's standing agency: the unit issued, late.
    sign_in(browser, base_url, "thachha.noivu")
    browser.get(f"{base_url}/units/{district}/plans?year={YEAR}")
    wait_for(browser, "của các đơn vị trực thuộc")
    row = browser.find_element(By.XPATH, f"//tr[td[1]/a[normalize-space()='{j.unit}']]")
    assert "Đã gửi" in row.text and f"{j.number} ngày 08/02/2021" in row.text, row.text
    late = row.find_element(By.CSS_SELECTOR, ".tag.overdue").text
    assert late == "Ban hành chậm 10 ngày", late
    scroll_to(browser, row)
    screenshot(browser, width, "6-district-list")
    row.find_element(By.LINK_TEXT, j.unit).click()
    wait_for(browser, f"Kế hoạch cải cách hành chính năm {YEAR} — {j.unit}")
    assert browser.current_url.split("?")[0] == base_url + plan
    assert rows[0]["detail"] in browser.find_element(By.ID, "task-1").text
    assert browser.find_elements(By.XPATH, "//button[normalize-space()='Tiếp nhận']"), "the standing agency cannot accept the plan"
    screenshot(browser, width, "7-district-opens-plan")

    # 5. The unit records its progress on the district's task; the district sees it.
    sign_in(browser, base_url, j.specialist)
    browser.get(base_url + plan)
    wait_for(browser, "Nhiệm vụ cấp trên giao")
    form = assigned_row(browser, starts).find_element(By.CSS_SELECTOR, "form.progress")
    Select(form.find_element(By.NAME, "status")).select_by_visible_text("Hoàn thành")
    form.find_element(By.NAME, "completedOn").send_keys("25/02/2021")
    form.find_element(By.XPATH, ".//button[normalize-space()='Lưu']").click()
    wait_for(browser, "Đã lưu tiến độ.")
    task = assigned_row(browser, starts)
    assert task.find_element(By.CSS_SELECTOR, ".tag").text == "Hoàn thành", task.text
    assert task.find_element(By.NAME, "completedOn").get_attribute("value") == "25/02/2021"
    scroll_to(browser, task)
    screenshot(browser, width, "8-progress-recorded")

    sign_in(browser, base_url, "thachha.noivu")
    browser.get(f"{base_url}/units/{district}/plans/{YEAR}/cchc/progress")
    wait_for(browser, "Tiến độ các nhiệm vụ giao")
    per_unit = browser.find_element(By.XPATH, "//h2[normalize-space()='Theo đơn vị']/following-sibling::table[1]")
    dai = per_unit.find_element(By.XPATH, f".//tr[td[1][normalize-space()='{j.unit}']]")
    counts = [c.text for c in dai.find_elements(By.TAG_NAME, "td")][1:3]
    assert counts == [str(j.assigned_count), "1"], dai.text  # assigned, 1 done
    scroll_to(browser, dai)
    screenshot(browser, width, "9-district-progress-units")
    per_task = browser.find_element(By.XPATH, f"//tr[td[2][normalize-space()='{assigned_task}']]")
    assert f"{j.unit} (chủ trì): Hoàn thành" in per_task.text, per_task.text
    scroll_to(browser, per_task)
    screenshot(browser, width, "9b-district-progress-tasks")
