"""The screenshots of docs/SCREENSHOTS.md: the main pages at 1366 × 768 and 375 × 812, against a fresh demo.

    CCHC_SCREENSHOTS=/tmp/shots python3 -m pytest -q scripts/browser/test_widths.py --base-url URL -p no:cacheprovider
    python3 scripts/browser/screenshots.py --base-url URL --raw /tmp/shots --docs docs/screenshots

The first command is the page tour of test_widths.py (22 pages as a commune, a district and the administrator; it
saves <raw>/<width>/<page>.png). This script adds the pages the tour does not visit (the sign-in page, a form, its
editor and its preview, a PAR framework's editor and its preview, a commune's PAR self-assessment and a plan's task
editor being typed into, a consolidation with no report yet, a dashboard with nothing due, a report whose save was
refused, the audit log filtered to reports) into the same folders and, with --docs, writes the viewport shots that
docs/SCREENSHOTS.md shows into that folder as palette PNGs (256 colours, optimised). Nothing typed is saved, except
that the refused report's save is tried (and refused)."""
import argparse
import os
import re
import sys
import time
from pathlib import Path

import requests

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from conftest import DESKTOP, PHONE, make_driver, token  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402
from test_edit_tables import open_self_assessment, open_task_editor  # noqa: E402
from test_plans import unit_id  # noqa: E402
from test_journeys import sign_in  # noqa: E402

WIDTHS = [DESKTOP, PHONE]
YEAR = 2021

# The shots docs/SCREENSHOTS.md shows, in its order: (name, what the section is called).
DOCS = [
    "login", "home-commune", "reports-commune", "report-form", "report-refused", "report-refused-row",
    "plan-commune", "plan-task-editor", "home-district", "dashboard", "dashboard-empty", "units", "unit",
    "reports-district", "timeliness", "consolidation", "consolidation-empty", "plans", "plan", "inspections",
    "regime", "par", "par-framework", "par-framework-edit", "par-framework-preview", "par-round",
    "par-self-assessment", "par-assessment", "par-ranking", "forms", "form", "form-edit", "form-preview",
    "audit-reports",
]


def wait_for(driver, text, timeout=20):
    WebDriverWait(driver, timeout).until(lambda d: text in d.page_source,
                                         f"“{text}” not on {driver.current_url} ({driver.title})")


def shoot(driver, raw, width, name):
    out = os.path.join(raw, str(width))
    os.makedirs(out, exist_ok=True)
    time.sleep(0.3)  # app.js has laid the page out (section index, menu scrolled to its item)
    assert driver.save_screenshot(os.path.join(out, f"{name}.png"))


def visit(driver, base_url, raw, width, pages):
    """Opens each (name, path, text it waits for) of `pages` and shoots it as it opens."""
    for name, path, ready in pages:
        driver.get(base_url + path)
        wait_for(driver, ready)
        shoot(driver, raw, width, name)


def commune_q3_report(base_url):
    """Xã Thạch Đài's Q3/2021 report (the tour's report page: editable, no journey sends it on)."""
    headers = token(base_url, "thachdai.cv")
    units = requests.get(base_url + "/api/v1/units", params={"q": "thach dai"}, headers=headers, timeout=30).json()
    commune = next(u["id"] for u in units if u["name"] == "Xã Thạch Đài")
    periods = requests.get(f"{base_url}/api/v1/units/{commune}/reports", params={"year": YEAR},
                           headers=headers, timeout=30).json()
    return commune, next(p["periodID"] for p in periods if p["kind"] == "Q3")


def capture(base_url, raw):
    commune, period = commune_q3_report(base_url)
    an_khe = unit_id(base_url, "ankhe.noivu", "Thị xã An Khê", "an khe")
    for width in WIDTHS:
        driver = make_driver(width)
        try:
            driver.get(base_url + "/login")
            driver.delete_all_cookies()
            driver.get(base_url + "/login")
            wait_for(driver, 'id="password"')
            shoot(driver, raw, width, "login")

            sign_in(driver, base_url, "admin")
            driver.get(base_url + "/forms")
            form = re.search(r'href="/forms/(\d+)"', driver.page_source).group(1)
            visit(driver, base_url, raw, width, [
                ("form", f"/forms/{form}", "CCHC-TK-2021"),
                ("form-edit", f"/forms/{form}/edit", "Sửa biểu mẫu"),
                ("form-preview", f"/forms/{form}/preview", "Xem trước"),
                # The log filtered to reports: the tour's own sign-ins and API tokens otherwise come first.
                ("audit-reports", "/audit?kind=report", "báo cáo")])

            # The PAR framework the index lists first (Huyện Quảng Điền's newest, used by no published round, so
            # editable), as the district's standing agency edits it and as a unit will fill it in.
            sign_in(driver, base_url, "quangdien.noivu")
            driver.get(base_url + "/par")
            framework = re.search(r'href="/par/frameworks/(\d+)"', driver.page_source).group(1)
            visit(driver, base_url, raw, width, [
                ("par-framework-edit", f"/par/frameworks/{framework}/edit", "Sửa bộ tiêu chí"),
                ("par-framework-preview", f"/par/frameworks/{framework}/preview", "Xem trước:")])

            # The two editing tables of test_edit_tables.py, opened as their users open them and typed into (not
            # saved): Xã Quảng Vinh's 2020 self-assessment and Xã Thạch Xuân's 2022 task editor. The shot starts at
            # the table's heading: a grid at 1366 px, a card a row at 375 px.
            for name, open_page, heading in [("par-self-assessment", open_self_assessment, "Các tiêu chí"),
                                             ("plan-task-editor", open_task_editor, "Sửa bảng nhiệm vụ")]:
                open_page(driver, base_url)
                driver.execute_script("document.activeElement.blur()")
                driver.execute_script("arguments[0].scrollIntoView()",
                                      driver.find_element(By.XPATH, f"//main//h2[normalize-space()='{heading}']"))
                shoot(driver, raw, width, name)

            # Empty states of Thị xã An Khê, whose units have no regime this year and sent nothing for Q3/2021.
            sign_in(driver, base_url, "ankhe.noivu")
            visit(driver, base_url, raw, width, [
                ("consolidation-empty", f"/units/{an_khe}/consolidation/{YEAR}/Q3", "Chưa có báo cáo nào gửi lên"),
                ("dashboard-empty", f"/units/{an_khe}/dashboard", "Ban hành chế độ báo cáo")])

            # A count typed with a decimal point: the save is refused, the typing kept, the row named.
            sign_in(driver, base_url, "thachdai.cv")
            driver.get(f"{base_url}/units/{commune}/reports/{period}")
            wait_for(driver, "Báo cáo Quý III/2021")
            driver.execute_script("localStorage.clear()")
            field = driver.find_element(By.NAME, "v:1.1.2")
            field.clear()
            field.send_keys("12.5")
            driver.find_element(By.CSS_SELECTOR, ".sticky-save button").click()
            wait_for(driver, "error-summary")
            assert driver.find_element(By.NAME, "v:1.1.2").get_attribute("value") == "12.5"
            driver.execute_script("window.scrollTo(0, 0)")
            shoot(driver, raw, width, "report-refused")
            # The row itself, as the message's link (or a scroll) brings it into view.
            links = driver.find_elements(By.CSS_SELECTOR, ".error-summary a[href^='#']")
            if links:
                links[0].click()
            else:
                driver.execute_script("arguments[0].closest('tr').scrollIntoView({block: 'center'})",
                                      driver.find_element(By.NAME, "v:1.1.2"))
            shoot(driver, raw, width, "report-refused-row")
            driver.execute_script("localStorage.clear()")
        finally:
            driver.quit()


def publish(raw, docs):
    """The viewport shots of DOCS as 256-colour optimised PNGs in `docs` (<name>-<width>.png)."""
    from PIL import Image

    os.makedirs(docs, exist_ok=True)
    total = 0
    for name in DOCS:
        for width in WIDTHS:
            source = os.path.join(raw, str(width), f"{name}.png")
            target = os.path.join(docs, f"{name}-{width}.png")
            image = Image.open(source).convert("RGB")
            image.quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE).save(
                target, optimize=True)
            total += os.path.getsize(target)
    print(f"{2 * len(DOCS)} screenshots in {docs}: {total / 1e6:.1f} MB")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base-url", default="http://127.0.0.1:8080")
    parser.add_argument("--raw", default=os.environ.get("CCHC_SCREENSHOTS") or "/tmp/cchc-screenshots",
                        help="the tour's screenshot folder ($CCHC_SCREENSHOTS of test_widths.py)")
    parser.add_argument("--docs", help="write the documentation's shots here (docs/screenshots)")
    parser.add_argument("--no-capture", action="store_true", help="only --docs, from shots already taken")
    args = parser.parse_args()
    base_url = args.base_url.rstrip("/")
    if not args.no_capture:
        capture(base_url, args.raw)
    if args.docs:
        publish(args.raw, args.docs)


if __name__ == "__main__":
    main()
