"""CCHC inspections (issue 12) in a real browser (headless Chromium), on the demo's Nghi Xuân 2022 plan.

Huyện Nghi Xuân's standing agency opens the year's inspections from the menu: the plan (45/KH-UBND of 15/03/2022, two
rounds, the report 3 days before a visit, 15 days to fix what is found), the round-1 self-inspection reports with the late
ones marked, the visits and the findings — each checked against the demo's own file (Resources/Demo/nghi-xuan-2022-
inspection.json), counted again here. Then a whole visit: the team schedules Xã Xuân Giang for round 1 (refused once for a
day that does not exist, nothing typed lost), moves it (the pre-visit report's due day moves with it, the move kept); the
commune's specialist sends the pre-visit report; the team writes the conclusion with one finding (refused once for a day
before the visit); the commune reports it fixed; the team verifies it and the jurisdiction's list shows it closed.

The visit runs at both widths, each on its own commune, neither visited in the demo: Xã Xuân Giang at 1366 px, Xã
Xuân Yên at 375 px (the phone's pass also checks the overview against the demo after the desktop's visit is closed).
Screenshots: $CCHC_SCREENSHOTS/<width>/journey-inspections-*.png.

The server's clock is the real one (years after 2022): every day typed is in 2022, and what depends on today (days overdue,
a pre-visit report sent today being late) is computed here from today's date in Vietnam time. Xã Xuân Giang has no visit
in the demo (nor Xuân Yên); each run schedules a new one and follows it by its own id, but the conclusion's number goes
into the district's register, which takes it once: run once per fresh database (CI starts one per database)."""
import json
import os
import tempfile
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
import requests
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import DESKTOP, PHONE, token
from test_journeys import absent, click_and_wait, shot, sign_in, wait_for

YEAR = 2022
DISTRICT = "Huyện Nghi Xuân"
TEAM = "nghixuan.noivu"
# Per width: the commune visited, its specialist, the words the unit search finds it by, the conclusion's number (the
# district's register takes a number once a year).
VISITED = {DESKTOP: ("Xã Xuân Giang", "xuangiang.cv", "xuan giang", "170/TB-UBND"),
           PHONE: ("Xã Xuân Yên", "xuanyen.cv", "xuan yen", "171/TB-UBND")}
DEMO = Path(__file__).resolve().parents[2] / "Sources" / "CCHCApp" / "Resources" / "Demo"
VN = timezone(timedelta(hours=7))
ERRORS = ".error-summary"
FACT = "//dt[normalize-space()='{}']/following-sibling::dd[1]"
SECTION = "//h2[normalize-space()='{}']/following-sibling::div[1]//table"

LEADER = "Nguyễn Văn Thắng, Trưởng phòng Nội vụ"
MEMBERS = ["Lê Văn Quý, Chuyên viên Phòng Nội vụ", "Đặng Thị Hương, Chuyên viên Phòng Tài chính - Kế hoạch"]
FIRST_DAY, MOVED_DAY = date(2022, 7, 18), date(2022, 7, 22)
CONCLUDED, FIXED = date(2022, 7, 28), date(2022, 8, 10)
PRE_REPORT = "UBND {} báo cáo kết quả thực hiện công tác CCHC 6 tháng đầu năm 2022 gửi Đoàn kiểm tra."
CONCLUSION = "Ngày 22/07/2022, Đoàn kiểm tra CCHC của UBND huyện đã kiểm tra công tác CCHC đợt 1 năm 2022 tại UBND {}."
FINDING = {"area": "Cải cách thủ tục hành chính", "severity": "Nghiêm trọng",
           "description": "Chưa niêm yết công khai số điện thoại đường dây nóng tại Bộ phận Tiếp nhận và Trả kết quả",
           "responsible": "Bộ phận Tiếp nhận và Trả kết quả", "person": "Trần Văn Bình, công chức Văn phòng - Thống kê"}
REMEDIATION = "Đã niêm yết số điện thoại đường dây nóng tại Bộ phận Tiếp nhận và Trả kết quả ngày 09/8/2022"


def vn(d):
    return d.strftime("%d/%m/%Y")


def today_vn():
    return datetime.now(VN).date()


def screenshot(browser, width, name):
    return shot(browser, width, f"inspections-{name}")


def scroll_to(browser, element):
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)


def unit_id(base_url, name, query):
    r = requests.get(base_url + "/api/v1/units", params={"q": query}, headers=token(base_url, TEAM), timeout=30)
    assert r.status_code == 200, (r.status_code, r.text[:300])
    ids = [u["id"] for u in r.json() if u["name"] == name]
    assert len(ids) == 1, f"{name}: {r.json()}"
    return ids[0]


def demo():
    """The demo's inspection file and its units' names by code (from the demo's organisation)."""
    data = json.loads((DEMO / "nghi-xuan-2022-inspection.json").read_text(encoding="utf-8"))
    names = {}

    def walk(node):
        if isinstance(node, dict):
            if "code" in node and "name" in node:
                names[node["code"]] = node["name"]
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)
    walk(json.loads((DEMO / "organisation.json").read_text(encoding="utf-8")))
    return data, names


def iso(text):
    return date.fromisoformat(text)


def rows(browser, heading):
    """The rows of the table under `heading`, each a list of its cells' texts."""
    table = browser.find_element(By.XPATH, SECTION.format(heading))
    return [[td.text for td in tr.find_elements(By.TAG_NAME, "td")] for tr in table.find_elements(By.CSS_SELECTOR, "tbody tr")]


def fact(browser, label):
    return browser.find_element(By.XPATH, FACT.format(label)).text


def finding_card(browser):
    cards = browser.find_elements(By.XPATH, f"//div[starts-with(@id, 'f-')][contains(., '{FINDING['description']}')]")
    assert len(cards) == 1, [c.text for c in cards]
    return cards[0]


def check_overview(browser, data, names):
    """The plan card, the self-inspection table, the schedule and the findings against the demo's file."""
    plan = data["plan"]
    doc = plan["document"]
    card = browser.find_element(By.XPATH, "//div[contains(@class, 'card')][h2[starts-with(normalize-space(), 'Kế hoạch kiểm tra')]]")
    title = card.find_element(By.TAG_NAME, "h2").text
    assert title == f"Kế hoạch kiểm tra số {doc['number']} ngày {vn(iso(doc['date']))} — {DISTRICT}", title
    for r in plan["rounds"]:
        line = card.find_element(By.XPATH, f".//li[strong[normalize-space()='{r['label']}']]").text
        assert f"kiểm tra từ {vn(iso(r['from']))} đến {vn(iso(r['to']))}" in line, line
        if r.get("selfDue"):
            assert f"tự kiểm tra trước ngày {vn(iso(r['selfDue']['day']))}" in line, line
    assert f"trước {plan['preVisitDays']} ngày theo lịch kiểm tra" in card.text, card.text
    assert f"khắc phục trong {plan['remediationDays']} ngày kể từ ngày kết luận" in card.text, card.text

    # Self-inspection, round 1: strictly before the day, so the last day is the one before; judged on the day in Vietnam time.
    last = iso(plan["rounds"][0]["selfDue"]["day"]) - timedelta(days=1)
    sent = {s["unit"]: s["sentAt"] for s in data["selfReports"] if s["round"] == 1}
    table = {r[1]: r for r in rows(browser, "Báo cáo tự kiểm tra") if r[0] == "Đợt 1"}
    scope = set(plan["rounds"][1]["scope"]["units"])  # the 17 communes and towns
    assert set(table) == {names[c] for c in scope}, sorted(table)
    late_tags = {t.find_element(By.XPATH, "./ancestor::tr/td[2]").text: t.text
                 for t in browser.find_elements(By.XPATH, SECTION.format("Báo cáo tự kiểm tra") + "//span[contains(@class, 'tag late')]")}
    expected_late = {}
    for code in scope:
        name, row = names[code], table[names[code]]
        assert row[2] == vn(last), row
        at = datetime.fromisoformat(sent[code]).astimezone(VN) if sent.get(code) else None
        if at is None:
            expected_late[name] = f"Quá hạn {(today_vn() - last).days} ngày, chưa nộp"
            assert row[3] == "—", row
        else:
            assert row[3] == at.strftime("%d/%m/%Y %H:%M"), row
            days = (at.date() - last).days
            if days > 0:
                expected_late[name] = f"Nộp muộn {days} ngày"
            else:
                assert row[4] == "Đúng hạn", row
    assert late_tags == expected_late, (late_tags, expected_late)
    assert 0 < len(expected_late) < len(scope)

    # The schedule: every demo visit, the moved one marked, the pre-visit report due 3 days before, late or missing ones named.
    visits = rows(browser, "Lịch kiểm tra")
    for v in data["visits"] + data["adHoc"]:
        day = iso(v["date"])
        row = [r for r in visits if r[0].startswith(vn(day)) and r[1] == names[v["unit"]]]
        assert len(row) == 1, (v["unit"], v["date"], visits)
        row = row[0]
        assert row[2] == (f"Đợt {v['round']}" if v.get("round") else "Đột xuất"), row
        assert ("(đã dời)" in row[0]) == bool(v.get("movedFrom")), row
        due = day - timedelta(days=plan["preVisitDays"])
        at = v.get("preReportSentAt")
        status = "Quá hạn, chưa gửi" if not at else "Đúng hạn" if datetime.fromisoformat(at).astimezone(VN).date() <= due else "Gửi muộn"
        if v.get("complaint"):
            # A complaint is checked without notice: no written report is asked for before it.
            assert row[3] == "— · Không yêu cầu (kiểm tra không báo trước)", row
        else:
            assert row[3] == f"{vn(due)} · {status}", row
        assert row[4] == vn(iso(v["concludedOn"])) and row[5] == str(len(v.get("findings") or [])), row

    # The findings: due conclusion + 15 days; the open one past its day is "Quá hạn khắc phục N ngày" and its row marked.
    table = browser.find_element(By.XPATH, SECTION.format("Vấn đề phát hiện"))
    shown = {tr.find_elements(By.TAG_NAME, "td")[2].text: tr for tr in table.find_elements(By.CSS_SELECTOR, "tbody tr")}
    overdue = []
    for v in data["visits"] + data["adHoc"]:
        due = iso(v["concludedOn"]) + timedelta(days=plan["remediationDays"])
        for f in v.get("findings") or []:
            tr = shown[f["description"]]
            cells = [td.text for td in tr.find_elements(By.TAG_NAME, "td")]
            assert cells[0] == names[v["unit"]] and cells[4] == vn(due), cells
            if f.get("verifiedOn"):
                late = (iso(f["fixedOn"]) - due).days
                assert cells[5] == "Đã xác minh, kết thúc" + (f" (chậm {late} ngày)" if late > 0 else ""), cells
            elif f.get("fixedOn"):
                assert cells[5] == "Đã khắc phục, chờ xác minh", cells
            else:
                assert cells[5] == f"Quá hạn khắc phục {(today_vn() - due).days} ngày", cells
                assert "row-error" in tr.get_attribute("class"), cells
                overdue.append(cells[2])
    assert len(overdue) == 1, overdue
    assert sum(1 for tr in shown.values() if "row-error" in (tr.get_attribute("class") or "")) == 1
    return overdue[0]


@pytest.mark.parametrize("width", [DESKTOP, PHONE])
def test_the_team_inspects_a_commune_and_follows_the_finding_to_its_verification(browser, base_url, width):
    visited, specialist, query, number = VISITED[width]
    pre_report, conclusion = PRE_REPORT.format(visited.replace("Xã", "xã")), CONCLUSION.format(visited.replace("Xã", "xã"))
    data, names = demo()
    district = unit_id(base_url, DISTRICT, "nghi xuan")
    commune = unit_id(base_url, visited, query)
    overview = f"{base_url}/units/{district}/inspections?year={YEAR}"

    # 1. The standing agency: the menu's "Kiểm tra" opens the jurisdiction's inspections (this year); 2022 by its address.
    sign_in(browser, base_url, TEAM)
    browser.find_element(By.LINK_TEXT, "Kiểm tra").click()
    wait_for(browser, f"— {DISTRICT}</h1>")
    assert browser.current_url.split("?")[0] == f"{base_url}/units/{district}/inspections"
    browser.get(overview)
    wait_for(browser, f"Kiểm tra CCHC năm {YEAR} — {DISTRICT}")
    screenshot(browser, width, "1-overview")
    overdue = check_overview(browser, data, names)
    scroll_to(browser, browser.find_element(By.XPATH, f"//td[normalize-space()='{overdue}']"))
    screenshot(browser, width, "1b-findings-overdue")

    # 2. A round-1 visit to the commune: a day that does not exist is refused with everything typed kept.
    form = browser.find_element(By.XPATH, "//form[h2[normalize-space()='Lập lịch kiểm tra']]")
    Select(form.find_element(By.NAME, "unitID")).select_by_visible_text(visited)
    Select(form.find_element(By.NAME, "round")).select_by_visible_text("Đợt 1")
    form.find_element(By.NAME, "date").send_keys("31/06/2022")
    form.find_element(By.NAME, "leader").send_keys(LEADER)
    form.find_element(By.NAME, "members").send_keys("\n".join(MEMBERS))
    scroll_to(browser, form)
    screenshot(browser, width, "2-schedule-form")
    form.find_element(By.XPATH, ".//button[normalize-space()='Lập lịch']").click()
    wait_for(browser, "Chưa lưu được")
    summary = browser.find_element(By.CSS_SELECTOR, ERRORS).text
    assert "Ngày kiểm tra" in summary and "31/06/2022" in summary and "không có ngày 31" in summary, summary
    form = browser.find_element(By.XPATH, "//form[h2[normalize-space()='Lập lịch kiểm tra']]")
    assert Select(form.find_element(By.NAME, "unitID")).first_selected_option.text == visited
    assert form.find_element(By.NAME, "leader").get_attribute("value") == LEADER
    assert form.find_element(By.NAME, "members").get_attribute("value").splitlines() == MEMBERS
    date_field = form.find_element(By.NAME, "date")
    assert date_field.get_attribute("value") == "31/06/2022"
    date_field.clear()
    date_field.send_keys(vn(FIRST_DAY))
    Select(form.find_element(By.NAME, "round")).select_by_visible_text("Đợt 1")
    form.find_element(By.XPATH, ".//button[normalize-space()='Lập lịch']").click()
    wait_for(browser, f"Kiểm tra CCHC tại {visited} ngày {vn(FIRST_DAY)}")
    visit_path = browser.current_url.split(base_url, 1)[1].split("?")[0].split("#")[0]
    assert visit_path.startswith(f"/units/{commune}/inspections/visits/"), visit_path
    visit = base_url + visit_path
    assert fact(browser, "Hình thức") == "Kiểm tra định kỳ đợt 1"
    assert fact(browser, "Đoàn kiểm tra") == f"Trưởng đoàn: {LEADER}; thành viên: {', '.join(MEMBERS)}"
    first_due = FIRST_DAY - timedelta(days=3)
    assert fact(browser, "Báo cáo trước kiểm tra").startswith(f"hạn {vn(first_due)} · "), fact(browser, "Báo cáo trước kiểm tra")
    assert fact(browser, "Kết luận") == "chưa có"
    screenshot(browser, width, "3-scheduled")

    # 3. Moved: the pre-visit report's due day moves with it, the move is kept.
    move = browser.find_element(By.XPATH, "//form[h2[normalize-space()='Dời lịch kiểm tra']]")
    move.find_element(By.NAME, "date").send_keys(vn(MOVED_DAY))
    move.find_element(By.NAME, "reason").send_keys("Theo đề nghị của UBND xã")
    move.find_element(By.XPATH, ".//button[normalize-space()='Dời lịch']").click()
    wait_for(browser, f"Kiểm tra CCHC tại {visited} ngày {vn(MOVED_DAY)}")
    due = MOVED_DAY - timedelta(days=3)
    assert fact(browser, "Báo cáo trước kiểm tra").startswith(f"hạn {vn(due)} · "), fact(browser, "Báo cáo trước kiểm tra")
    moved = browser.find_element(By.XPATH, "//p[starts-with(normalize-space(), 'Đã dời lịch')]").text
    assert moved == f"Đã dời lịch: {vn(FIRST_DAY)} → {vn(MOVED_DAY)} (Theo đề nghị của UBND xã)", moved
    screenshot(browser, width, "4-moved")
    browser.get(overview)
    wait_for(browser, "Lịch kiểm tra")
    mine = [r for r in rows(browser, "Lịch kiểm tra") if r[1] == visited]
    assert mine and mine[-1][0] == f"{vn(MOVED_DAY)} (đã dời)" and mine[-1][3].startswith(vn(due) + " · "), mine

    # 4. The commune's specialist finds the visit on its own page and sends the written report (today: late, years after).
    sign_in(browser, base_url, specialist)
    browser.find_element(By.LINK_TEXT, "Kiểm tra").click()
    wait_for(browser, f"— {visited}</h1>")
    browser.get(f"{base_url}/units/{commune}/inspections?year={YEAR}")
    wait_for(browser, f"Kiểm tra CCHC năm {YEAR} — {visited}")
    assert absent(browser, By.XPATH, "//h2[normalize-space()='Lập lịch kiểm tra']"), "a commune is offered to schedule visits"
    browser.find_element(By.XPATH, f"//a[@href='{visit_path}']").click()
    wait_for(browser, "Báo cáo bằng văn bản gửi Đoàn kiểm tra")
    assert absent(browser, By.XPATH, "//button[normalize-space()='Dời lịch']"), "the commune can move its own visit"
    assert absent(browser, By.XPATH, "//button[normalize-space()='Ghi kết luận']"), "the commune can conclude its own visit"
    browser.find_element(By.NAME, "preReport").send_keys(pre_report)
    browser.find_element(By.XPATH, "//button[normalize-space()='Gửi báo cáo']").click()
    wait_for(browser, "Báo cáo trước kiểm tra của đơn vị")
    assert pre_report in browser.find_element(By.XPATH, "//h2[normalize-space()='Báo cáo trước kiểm tra của đơn vị']"
                                                        "/following-sibling::div[1]").text
    status = fact(browser, "Báo cáo trước kiểm tra")
    expected = "Đúng hạn" if today_vn() <= due else "Gửi muộn"
    assert status.startswith(f"hạn {vn(due)} · {expected} · gửi lúc {today_vn().strftime('%d/%m/%Y')}"), status
    screenshot(browser, width, "5-pre-visit-report")

    # 5. The team's conclusion with one finding: a day before the visit is refused, nothing typed lost; then concluded.
    sign_in(browser, base_url, TEAM)
    browser.get(visit)
    wait_for(browser, "Kết luận kiểm tra")
    form = browser.find_element(By.XPATH, "//form[h2[normalize-space()='Kết luận kiểm tra']]")
    form.find_element(By.NAME, "concludedOn").send_keys(vn(MOVED_DAY - timedelta(days=2)))
    form.find_element(By.NAME, "number").send_keys(number)
    form.find_element(By.NAME, "conclusion").send_keys(conclusion)
    Select(form.find_element(By.NAME, "area:1")).select_by_visible_text(FINDING["area"])
    form.find_element(By.NAME, "description:1").send_keys(FINDING["description"])
    Select(form.find_element(By.NAME, "severity:1")).select_by_visible_text(FINDING["severity"])
    form.find_element(By.NAME, "responsible:1").send_keys(FINDING["responsible"])
    form.find_element(By.NAME, "person:1").send_keys(FINDING["person"])
    scroll_to(browser, form)
    screenshot(browser, width, "6-conclusion-form")
    form.find_element(By.XPATH, ".//button[normalize-space()='Ghi kết luận']").click()
    wait_for(browser, "Chưa lưu được")
    summary = browser.find_element(By.CSS_SELECTOR, ERRORS).text
    assert f"Ngày kết luận trước ngày kiểm tra {vn(MOVED_DAY)}" in summary, summary
    form = browser.find_element(By.XPATH, "//form[h2[normalize-space()='Kết luận kiểm tra']]")
    assert form.find_element(By.NAME, "description:1").get_attribute("value") == FINDING["description"]
    assert Select(form.find_element(By.NAME, "area:1")).first_selected_option.text == FINDING["area"]
    assert form.find_element(By.NAME, "conclusion").get_attribute("value") == conclusion
    day = form.find_element(By.NAME, "concludedOn")
    day.clear()
    day.send_keys(vn(CONCLUDED))
    # The refused page shows "Thông báo kết luận" too: wait for the next page, not for the words.
    click_and_wait(browser, form.find_element(By.XPATH, ".//button[normalize-space()='Ghi kết luận']"))
    wait_for(browser, "Thông báo kết luận")
    assert fact(browser, "Kết luận") == f"ngày {vn(CONCLUDED)} · số {number}"
    assert absent(browser, By.XPATH, "//button[normalize-space()='Dời lịch']"), "a concluded visit can still be moved"
    remediation_due = CONCLUDED + timedelta(days=data["plan"]["remediationDays"])
    card = finding_card(browser)
    assert card.text.startswith(f"{FINDING['area']} · {FINDING['severity']}: {FINDING['description']}"), card.text
    assert f"Chịu trách nhiệm: {FINDING['responsible']} ({FINDING['person']}) · hạn khắc phục {vn(remediation_due)}" in card.text
    tag = card.find_element(By.CSS_SELECTOR, ".tag")
    assert tag.text == f"Quá hạn khắc phục {(today_vn() - remediation_due).days} ngày" and "overdue" in tag.get_attribute("class"), tag.text
    scroll_to(browser, card)
    screenshot(browser, width, "7-concluded")

    # 6. The commune reports it fixed, on a day before its due day; the team is not offered that form.
    assert absent(browser, By.NAME, "remediation", within=card), "the team is offered the unit's remediation report"
    sign_in(browser, base_url, specialist)
    browser.get(visit)
    wait_for(browser, "Báo cáo đã khắc phục")
    card = finding_card(browser)
    card.find_element(By.NAME, "remediation").send_keys(REMEDIATION)
    card.find_element(By.NAME, "fixedOn").send_keys(vn(FIXED))
    card.find_element(By.XPATH, ".//button[normalize-space()='Báo cáo đã khắc phục']").click()
    wait_for(browser, "Đã khắc phục, chờ xác minh")
    card = finding_card(browser)
    assert card.find_element(By.CSS_SELECTOR, ".tag").text == "Đã khắc phục, chờ xác minh", card.text
    assert f"Báo cáo khắc phục ({vn(FIXED)}): {REMEDIATION}" in card.text, card.text
    assert absent(browser, By.XPATH, ".//button[normalize-space()='Xác minh: đã khắc phục']", within=card), "the commune verifies its own fix"
    scroll_to(browser, card)
    screenshot(browser, width, "8-fixed")

    # 7. The team verifies it: closed, on time; the jurisdiction's list shows it and the visit has nothing left open.
    sign_in(browser, base_url, TEAM)
    browser.get(visit)
    wait_for(browser, "Xác minh: đã khắc phục")
    finding_card(browser).find_element(By.XPATH, ".//button[normalize-space()='Xác minh: đã khắc phục']").click()
    wait_for(browser, "Đã xác minh, kết thúc")
    tag = finding_card(browser).find_element(By.CSS_SELECTOR, ".tag")
    assert tag.text == "Đã xác minh, kết thúc" and "on_time" in tag.get_attribute("class"), tag.text
    screenshot(browser, width, "9-verified")
    browser.get(overview)
    wait_for(browser, "Vấn đề phát hiện")
    row = [r for r in rows(browser, "Vấn đề phát hiện") if r[0] == visited and r[2] == FINDING["description"]]
    assert row and row[-1] == [visited, FINDING["area"], FINDING["description"], FINDING["responsible"], vn(remediation_due),
                               "Đã xác minh, kết thúc"], row
    mine = [r for r in rows(browser, "Lịch kiểm tra") if r[1] == visited]
    assert mine[-1][4:] == [vn(CONCLUDED), "1", "0"], mine
    scroll_to(browser, browser.find_element(By.XPATH, f"//a[@href='{visit_path}']"))
    screenshot(browser, width, "10-overview-after")
