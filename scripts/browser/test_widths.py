"""Every main page at a phone's width (375 × 812) and an office laptop's (1366 × 768), as the role that uses it
(issue 15 §2, §3): no page wider than the screen, the report's inputs on screen, every field named, the headings
in order; a screenshot of each page at each width in $CCHC_SCREENSHOTS/<width>/<page>.png (and <page>-full.png,
the whole page).

Each page is loaded once per width (one signed-in browser per width, one sign-in per role) and measured; the
tests below assert on that measurement, so a failure names the check, the width and the page. Read-only: the
pages are looked at, nothing is changed."""
import base64
import os
import re
from dataclasses import dataclass

import pytest
import requests

from conftest import DESKTOP, PHONE, login, make_driver, screenshot_dir, set_viewport, token
from test_journeys import sign_in

WIDTHS = [PHONE, DESKTOP]
ROLES = {"commune": "thachdai.cv", "district": "thachha.noivu", "admin": "admin"}
YEAR = 2021
FULL_PAGE_CAP = 12_000  # px: the full-page screenshot stops there (the report form at 375 px is far taller)


@dataclass(frozen=True)
class Page:
    name: str
    role: str
    path: str  # a template: {commune}, {district}, {report} … filled from the demo by `addresses`
    ready: str  # text the page shows once loaded (its heading, mostly)


# Grouped by role, so that each width signs in once per role.
PAGES = [
    Page("home-commune", "commune", "/", "Việc phải làm"),
    Page("reports-commune", "commune", "/units/{commune}/reports?year=2021", "Báo cáo CCHC định kỳ của Xã Thạch Đài"),
    Page("report-form", "commune", "/units/{commune}/reports/{report}", "Báo cáo Quý III/2021 — Xã Thạch Đài"),
    Page("plan-commune", "commune", "/units/{commune}/plans/2021/cchc", "Kế hoạch cải cách hành chính năm 2021 — Xã Thạch Đài"),
    Page("home-district", "district", "/", "Việc phải làm"),
    Page("dashboard", "district", "/units/{district}/dashboard?year=2021", "Theo dõi thực hiện nhiệm vụ năm 2021"),
    Page("units", "district", "/units", "Đơn vị"),
    Page("unit", "district", "/units/{district}", "Huyện Thạch Hà"),
    Page("reports-district", "district", "/units/{district}/reports?year=2021", "Huyện Thạch Hà"),
    Page("timeliness", "district", "/units/{district}/timeliness?year=2021", "Theo dõi nộp báo cáo CCHC năm 2021"),
    Page("consolidation", "district", "/units/{district}/consolidation/2021/Q1", "Số liệu tổng hợp — Báo cáo Quý I/2021"),
    Page("plans", "district", "/units/{district}/plans?year=2021", "Huyện Thạch Hà"),
    Page("plan", "district", "/units/{district}/plans/2021/cchc", "Kế hoạch cải cách hành chính năm 2021 — Huyện Thạch Hà"),
    Page("inspections", "district", "/units/{district}/inspections", "Kiểm tra CCHC năm"),
    Page("regime", "district", "/units/{district}/regimes/2021", "Chế độ báo cáo CCHC năm 2021"),
    Page("par", "admin", "/par", "Chỉ số cải cách hành chính"),
    Page("par-framework", "admin", "/par/frameworks/{framework}", "Bộ tiêu chí"),
    Page("par-round", "admin", "/par/rounds/{round}", "Đánh giá chỉ số CCHC năm 2019"),
    Page("par-assessment", "admin", "/par/rounds/{round}/units/{par_commune}", "Xã Quảng Thọ"),
    Page("par-ranking", "admin", "/par/rounds/{round}/results", "Kết quả chỉ số CCHC năm 2019"),
    Page("forms", "admin", "/forms", "Biểu mẫu"),
    Page("audit", "admin", "/audit", "Nhật ký"),
]
CASES = [pytest.param(w, p, id=f"{w}-{p.name}") for w in WIDTHS for p in PAGES]


def unit_id(base_url, username, name, query):
    r = requests.get(base_url + "/api/v1/units", params={"q": query}, headers=token(base_url, username), timeout=30)
    assert r.status_code == 200, r.text
    return next(u["id"] for u in r.json() if u["name"] == name)


@pytest.fixture(scope="module")
def addresses(base_url):
    """The demo's ids the page templates need (they differ between databases only if the demo's order does)."""
    commune = unit_id(base_url, "thachdai.cv", "Xã Thạch Đài", "thach dai")
    headers = token(base_url, "thachdai.cv")
    periods = requests.get(f"{base_url}/api/v1/units/{commune}/reports", params={"year": YEAR}, headers=headers, timeout=30).json()
    # Q3/2021: an editable report (draft or not yet made) that no journey sends on.
    report = next(p["periodID"] for p in periods if p["kind"] == "Q3")
    admin = login(base_url, "admin")
    par = admin.get(base_url + "/par", timeout=30).text
    framework = re.search(r'href="/par/frameworks/(\d+)"', par).group(1)
    # The published 2019 round of Huyện Quảng Điền: its ranking, and Xã Quảng Thọ's assessment in it.
    round_id = re.search(r'href="/par/rounds/(\d+)"[^>]*>[^<]*Năm 2019', par).group(1)
    return {
        "commune": commune,
        "report": report,
        "district": unit_id(base_url, "thachha.noivu", "Huyện Thạch Hà", "thach ha"),
        "framework": framework,
        "round": round_id,
        "par_commune": unit_id(base_url, "admin", "Xã Quảng Thọ", "quang tho"),
    }


class Browsers:
    """One headless Chromium per width, signed in as one role at a time; each page measured once per width."""

    def __init__(self, base_url):
        self.base_url = base_url
        self.drivers = {}
        self.roles = {}
        self.measured = {}

    def driver(self, width, role):
        if width not in self.drivers:
            self.drivers[width] = make_driver(width)
        d = self.drivers[width]
        if self.roles.get(width) != role:
            sign_in(d, self.base_url, ROLES[role])
            self.roles[width] = role
        return d

    def close(self):
        for d in self.drivers.values():
            d.quit()


@pytest.fixture(scope="module")
def browsers(base_url):
    b = Browsers(base_url)
    yield b
    b.close()


# What the tests assert on, measured in the page once: the page's and the viewport's width, what sticks out,
# the form fields without a name, the headings, the report's value inputs.
MEASURE = r"""
const iw = arguments[0];  // the emulated viewport's width (a phone's window.innerWidth grows with a page too wide)
const visible = el => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
const describe = el => {
  let s = el.tagName.toLowerCase();
  if (el.id) s += '#' + el.id;
  if (el.getAttribute('name')) s += '[name="' + el.getAttribute('name') + '"]';
  if (typeof el.className === 'string' && el.className.trim()) s += '.' + el.className.trim().split(/\s+/).join('.');
  return s;
};
const clips = el => ['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(el).overflowX);
const beyond = el => { const r = el.getBoundingClientRect(); return r.right > iw + 0.5 || r.left < -0.5; };
// What sticks out of the viewport, outside any box that scrolls or clips sideways: the outermost such
// elements (whose parent fits) and the innermost (none of whose children stick out).
const outermost = [], innermost = [];
const walk = (el, parentBeyond) => {
  for (const c of el.children) {
    if (!visible(c)) continue;
    const b = beyond(c);
    if (b && !parentBeyond) outermost.push(c);
    if (!clips(c)) walk(c, b);
    if (b && ![...c.children].some(k => visible(k) && beyond(k))) innermost.push(c);
  }
};
walk(document.body, false);
const where = el => { const r = el.getBoundingClientRect(); return describe(el) + ' (' + Math.round(r.left) + '…' + Math.round(r.right) + ' px)'; };

const text = el => (el ? el.textContent : '').replace(/\s+/g, ' ').trim();
const fields = [...document.querySelectorAll('input, select, textarea')]
  .filter(el => !['hidden', 'submit', 'button', 'image', 'reset'].includes((el.getAttribute('type') || '').toLowerCase()));
const nameOf = el => {
  const aria = (el.getAttribute('aria-label') || '').trim();
  if (aria) return 'aria-label';
  const by = (el.getAttribute('aria-labelledby') || '').split(/\s+/).filter(Boolean);
  if (by.some(id => text(document.getElementById(id)))) return 'aria-labelledby';
  if (el.id && [...document.querySelectorAll('label')].some(l => l.htmlFor === el.id && text(l))) return 'label[for]';
  const wrap = el.closest('label');
  if (wrap) {
    const copy = wrap.cloneNode(true);
    copy.querySelectorAll('input, select, textarea').forEach(x => x.remove());
    if (text(copy)) return 'label';
  }
  return null;
};
const unnamed = fields.filter(el => !nameOf(el)).map(el =>
  describe(el) + (el.getAttribute('placeholder') ? ' placeholder="' + el.getAttribute('placeholder') + '"' : '')
  + (el.getAttribute('title') ? ' title="' + el.getAttribute('title') + '"' : ''));

const headings = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].filter(visible)
  .map(h => [Number(h.tagName[1]), text(h).slice(0, 70)]);

const values = [...document.querySelectorAll('form.report-form [name^="v:"], form.report-form [name^="n:"], form.report-form [name^="d:"]')]
  .filter(el => el.matches('input:not([type=hidden]), select') && visible(el))
  .map(el => { const r = el.getBoundingClientRect(); return [el.getAttribute('name'), r.left, r.right]; });
const bar = document.querySelector('.sticky-save');
return {
  url: location.pathname + location.search,
  innerWidth: window.innerWidth, innerHeight: window.innerHeight,
  scrollWidth: document.documentElement.scrollWidth,
  scrollHeight: document.documentElement.scrollHeight,
  outermost: outermost.slice(0, 6).map(where), innermost: innermost.slice(0, 8).map(where),
  fields: fields.length, unnamed: unnamed,
  headings: headings,
  values: values,
  saveBarHeight: bar && visible(bar) ? bar.getBoundingClientRect().height : null,
};
"""


def save_full_page(driver, path, width):
    """The whole page (up to FULL_PAGE_CAP px tall): the viewport stretched to the page's height for the shot (so a
    bar fixed to the bottom of the screen is drawn at the bottom of the page, not across it), then put back."""
    metrics = driver.execute_cdp_cmd("Page.getLayoutMetrics", {})
    size = metrics.get("cssContentSize") or metrics["contentSize"]
    height = min(int(size["height"]), FULL_PAGE_CAP)
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600})
    try:
        shot = driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png"})
        with open(path, "wb") as f:
            f.write(base64.b64decode(shot["data"]))
    finally:
        set_viewport(driver, width)


def measure(browsers, addresses, width, page):
    key = (width, page.name)
    if key not in browsers.measured:
        driver = browsers.driver(width, page.role)
        driver.get(browsers.base_url + page.path.format(**addresses))
        source = driver.page_source
        assert page.ready in source, f"{page.name} at {width} px: “{page.ready}” not on the page ({driver.title} at {driver.current_url})"
        browsers.measured[key] = driver.execute_script(MEASURE, width)
        out = screenshot_dir(str(width))
        assert driver.save_screenshot(os.path.join(out, f"{page.name}.png"))
        save_full_page(driver, os.path.join(out, f"{page.name}-full.png"), width)
    return browsers.measured[key]


@pytest.mark.parametrize("width,page", CASES)
def test_no_page_is_wider_than_the_screen(browsers, addresses, width, page):
    m = measure(browsers, addresses, width, page)
    # Against the emulated width: on a phone, window.innerWidth grows to a page that is too wide.
    assert m["scrollWidth"] <= width and m["innerWidth"] == width, (
        f"{page.name} at {width} px is {m['scrollWidth']} px wide (window.innerWidth {m['innerWidth']}); "
        f"sticking out: {m['outermost']}; innermost: {m['innermost']}")


@pytest.mark.parametrize("width,page", [c for c in CASES if c.values[1].name == "report-form"])
def test_every_value_input_of_the_report_is_on_screen(browsers, addresses, width, page):
    m = measure(browsers, addresses, width, page)
    assert len(m["values"]) > 50, f"only {len(m['values'])} value inputs seen"
    off = [f"{name} ({round(left)}…{round(right)} px)" for name, left, right in m["values"]
           if left < 0 or right > width + 0.5]
    assert not off, f"{len(off)} of {len(m['values'])} value inputs lie outside the {width} px screen: {off[:6]}"


@pytest.mark.parametrize("width,page", CASES)
def test_every_field_has_an_accessible_name(browsers, addresses, width, page):
    m = measure(browsers, addresses, width, page)
    assert not m["unnamed"], (
        f"{page.name}: {len(m['unnamed'])} of {m['fields']} fields have no label[for], wrapping label, aria-label "
        f"or aria-labelledby: {m['unnamed'][:8]}")


@pytest.mark.parametrize("width,page", CASES)
def test_headings_are_in_order(browsers, addresses, width, page):
    m = measure(browsers, addresses, width, page)
    levels = [level for level, _ in m["headings"]]
    assert levels.count(1) == 1, f"{page.name}: {levels.count(1)} h1 (one expected): {m['headings'][:6]}"
    skips, previous = [], 0
    for level, title in m["headings"]:
        if level > previous + 1:
            skips.append(f"h{previous} → h{level} “{title}”")
        previous = level
    assert not skips, f"{page.name}: heading levels skipped going down: {skips[:6]}"
