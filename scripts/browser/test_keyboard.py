"""A commune's whole Q1/2021 report filled and saved with the keyboard alone (issue 15 §3), at 1366 px and 375 px.

Sign-in by typing and Enter; the report is opened by its address (navigation only); from there on the test only
presses keys, sent to whatever has the focus (document.activeElement): Tab to move, digits into every empty
number field (numerator and denominator of a ratio too), the arrow key on every choice left at "—", a sentence into
every empty narrative box, then Tab to "Lưu báo cáo" and Enter. The page and the API must then hold every value, with
no consistency warning: the values are chosen so that every rule of the form and every "of which ≤ total" holds.
Focus must be visible (the computed outline or box-shadow of a focused input and of the save button) and never hidden
under the sticky save bar.

Each width fills its own commune, touched by no other suite: Xã Thạch Trị (Thạch Hà) at 1366 px, Xã Song An (An Khê,
the same form) at 375 px."""
import os
import re

import pytest
import requests
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from conftest import DESKTOP, PHONE, screenshot_dir, token

COMMUNE = {DESKTOP: ("thachtri.cv", "Xã Thạch Trị"), PHONE: ("songan.cv", "Xã Song An")}
NUMBER_FIELD = re.compile(r"^(v|n|d):(.+)$")
MAX_TABS = 800
# What each test learnt about the focus while it tabbed, for the test after it (per width).
FOCUS_SEEN = {}

ACTIVE = r"""
const e = document.activeElement;
if (!e || e === document.body) return null;
const r = e.getBoundingClientRect(), s = getComputedStyle(e);
const vw = arguments[0], vh = window.innerHeight;
let covered = null;
if (r.width > 0 && r.height > 0) {
  const x = Math.min(Math.max(r.left + r.width / 2, 0), vw - 1), y = r.top + r.height / 2;
  if (y < 0 || y >= vh) covered = 'outside the viewport (' + Math.round(r.top) + '…' + Math.round(r.bottom) + ' px)';
  else {
    const hit = document.elementFromPoint(x, y);
    if (hit && hit !== e && !e.contains(hit)) {
      const box = hit.closest('.sticky-save') || hit;
      covered = 'under ' + box.tagName.toLowerCase() + (box.className ? '.' + String(box.className).trim().split(/\s+/).join('.') : '');
    }
  }
}
return {
  tag: e.tagName.toLowerCase(), name: e.getAttribute('name') || '', id: e.id || '',
  type: (e.getAttribute('type') || '').toLowerCase(), value: e.value === undefined ? null : e.value,
  text: (e.textContent || '').replace(/\s+/g, ' ').trim().slice(0, 60),
  formaction: e.getAttribute('formaction'), inReport: !!e.closest('form.report-form'),
  options: e.tagName === 'SELECT' ? [...e.options].map(o => o.value) : null,
  outline: [s.outlineStyle, s.outlineWidth, s.outlineColor], boxShadow: s.boxShadow, covered: covered,
};
"""

FIELD_VALUES = r"""
const out = {};
document.querySelectorAll('form.report-form input[name], form.report-form select[name], form.report-form textarea[name]')
  .forEach(el => { out[el.getAttribute('name')] = el.value; });
return out;
"""


def press(browser, *keys):
    """Key presses to whatever has the focus: nothing is clicked, no element is addressed."""
    ActionChains(browser).send_keys(*keys).perform()


def focused(browser, width):
    return browser.execute_script(ACTIVE, width)


def focus_visible(info):
    style, width, _ = info["outline"]
    outline = style != "none" and float(re.sub(r"[^0-9.]", "", width) or 0) > 0
    return outline or (info["boxShadow"] or "none") != "none"


def api(base_url, headers, path, **params):
    r = requests.get(base_url + "/api/v1" + path, params=params, headers=headers, timeout=30)
    assert r.status_code == 200, (path, r.status_code, r.text[:300])
    return r.json()


def sides(expr):
    """A rule "[a] + [b] <= [c] + 100" as ([terms], [terms]), a term being a code or a number; None for any other shape."""
    if expr.count("<=") != 1:
        return None
    out = []
    for side in expr.split("<="):
        terms = []
        for part in side.split("+"):
            part = part.strip()
            m = re.fullmatch(r"\[([^\]]+)\]", part)
            if m:
                terms.append(m.group(1))
            elif re.fullmatch(r"\d+(\.\d+)?", part):
                terms.append(float(part))
            else:
                return None
        out.append(terms)
    return out


def plan_values(form, present):
    """What to type into each empty number field (name → text), so that the form's rules and "of which ≤ total"
    all hold with the values already there (the figures the system computes). Distinct values, so a value landing
    in the wrong field shows."""
    kinds = {i["code"]: i for i in form["indicators"]}
    fixed, free, fractions = {}, {}, {}
    for name, text in present.items():
        m = NUMBER_FIELD.match(name)
        if not m or m.group(2) not in kinds:
            continue
        code = m.group(2)
        if text.strip():
            if m.group(1) == "v":
                fixed[code] = float(text.replace(",", "."))
        elif m.group(1) == "v" and kinds[code]["kind"] in ("count", "number"):
            free[code] = 3 + len(free)
        elif m.group(1) == "n":
            i = len(fractions)
            fractions[code] = (1 + i % 7, 4 + i % 7 + i % 5)  # numerator < denominator: under 100 %
    rules = [sides(r["expr"]) for r in form["rules"]]
    for parent in kinds.values():  # "of which" rows: the parts add up to no more than their total
        parts = [c for c, i in kinds.items() if i.get("parent") == parent["code"] and i.get("partOf") and i["kind"] in ("count", "number")]
        if parts and parent["kind"] in ("count", "number"):
            rules.append((parts, [parent["code"]]))
    rules = [r for r in rules if r]

    def value(term):
        if isinstance(term, float):
            return term
        if term in free:
            return free[term]
        if term in fractions:
            n, d = fractions[term]
            return 100 * n / d
        return fixed.get(term)

    for _ in range(100):
        changed = False
        for lhs, rhs in rules:
            left, right = [value(t) for t in lhs], [value(t) for t in rhs]
            if None in left or None in right or sum(left) <= sum(right):
                continue
            raise_ = [t for t in rhs if t in free]
            if raise_:
                free[raise_[0]] += sum(left) - sum(right)
            else:  # the total is fixed: the parts we type go down
                for t in lhs:
                    if t in free:
                        free[t] = 0
                    elif t in fractions:
                        fractions[t] = (0, 10)
            changed = True
        if not changed:
            break
    typed = {f"v:{c}": str(int(v)) for c, v in free.items()}
    for c, (n, d) in fractions.items():
        typed[f"n:{c}"], typed[f"d:{c}"] = str(n), str(d)
    return typed


@pytest.mark.parametrize("width", [DESKTOP, PHONE])
def test_the_whole_report_is_filled_and_saved_with_the_keyboard(browser, base_url, width):
    username, commune = COMMUNE[width]
    shots = screenshot_dir(str(width))
    headers = token(base_url, username)
    unit = api(base_url, headers, "/me")["unit"]["id"]
    period = next(p["periodID"] for p in api(base_url, headers, f"/units/{unit}/reports", year=2021) if p["kind"] == "Q1")
    path = f"/units/{unit}/reports/{period}"

    # Sign in: typed, Enter.
    browser.get(base_url + "/login")
    browser.delete_all_cookies()
    browser.get(base_url + "/login")
    for _ in range(20):
        if (focused(browser, width) or {}).get("id") == "username":
            break
        press(browser, Keys.TAB)
    assert focused(browser, width)["id"] == "username", "Tab never reached the user name"
    press(browser, username, Keys.TAB)
    assert focused(browser, width)["id"] == "password"
    press(browser, "cchc-demo", Keys.ENTER)
    WebDriverWait(browser, 20).until(lambda b: "Xin chào" in b.page_source)

    # The report, by its address.
    browser.get(base_url + path)
    WebDriverWait(browser, 20).until(lambda b: f"Báo cáo Quý I/2021 — {commune}" in b.page_source)
    present = browser.execute_script(FIELD_VALUES)
    report = api(base_url, headers, path)
    assert report["state"] == "none", f"{commune}'s Q1/2021 is {report['state']}: run on a fresh demo database"
    forms = {f["code"]: f["id"] for f in api(base_url, headers, "/forms")}
    form = api(base_url, headers, f"/forms/{forms[report['formCode']]}")
    plan = plan_values(form, present)
    assert len(plan) > 60, f"only {len(plan)} empty number fields on the form"

    typed, chosen, narrative, covered = {}, {}, {}, []
    input_focus = save_focus = None
    for _ in range(MAX_TABS):
        press(browser, Keys.TAB)
        info = focused(browser, width)
        if info is None:
            continue
        if info["inReport"] and info["covered"]:
            covered.append(f"{info['name'] or info['text']} {info['covered']}")
        name = info["name"]
        if info["inReport"] and info["tag"] == "button" and not info["formaction"] and info["text"] == "Lưu báo cáo":
            save_focus = info
            break
        if not info["inReport"]:
            continue
        if name in plan and info["tag"] == "input" and not info["value"]:
            input_focus = input_focus or info
            press(browser, plan[name])
            typed[name] = plan[name]
        elif info["tag"] == "select" and name.startswith("v:") and not info["value"]:
            press(browser, Keys.ARROW_DOWN)
            chosen[name] = focused(browser, width)["value"]
            assert chosen[name] != "", f"the arrow key chose nothing in {name}"
        elif info["tag"] == "textarea" and name.startswith("narrative:") and not info["value"].strip():
            text = f"Mục {name.split(':', 1)[1]}: nhập bằng bàn phím, không dùng chuột."
            press(browser, text)
            narrative[name.split(":", 1)[1]] = text
    else:
        raise AssertionError(f"{MAX_TABS} presses of Tab never reached “Lưu báo cáo”")

    FOCUS_SEEN[width] = {"input": input_focus, "save": save_focus, "covered": covered}
    missing = sorted(set(plan) - set(typed))
    assert not missing, f"Tab never reached these empty fields: {missing[:10]}"
    assert browser.save_screenshot(os.path.join(shots, "keyboard-1-save-focused.png"))
    press(browser, Keys.ENTER)
    WebDriverWait(browser, 30).until(lambda b: "Đã lưu báo cáo." in b.page_source)
    assert browser.save_screenshot(os.path.join(shots, "keyboard-2-saved.png"))

    # The page shows every value back …
    shown = browser.execute_script(FIELD_VALUES)
    wrong = {k: (v, shown.get(k)) for k, v in {**typed, **chosen}.items() if shown.get(k) != v}
    assert not wrong, f"saved page shows other values (typed, shown): {dict(list(wrong.items())[:8])}"
    # … and the API holds them, with no warning.
    saved = api(base_url, headers, path)
    values = {v["code"]: v for v in saved["values"]}
    for name, text in typed.items():
        kind, code = NUMBER_FIELD.match(name).groups()
        field = {"v": "number", "n": "numerator", "d": "denominator"}[kind]
        assert code in values and values[code].get(field) == float(text), (name, text, values.get(code))
    for name, choice in chosen.items():
        assert values[name[2:]].get("number") == float(choice), (name, choice, values.get(name[2:]))
    for section, text in narrative.items():
        assert saved["narrative"].get(section) == text, (section, saved["narrative"].get(section))
    assert saved["state"] == "draft", saved["state"]
    assert saved["warnings"] == [], saved["warnings"]


@pytest.mark.parametrize("width", [DESKTOP, PHONE])
def test_focus_is_visible_and_never_hidden_under_the_save_bar(width):
    seen = FOCUS_SEEN.get(width)
    if seen is None:
        pytest.skip("runs after the keyboard filling at the same width")
    for what in ("input", "save"):
        info = seen[what]
        assert info is not None, f"no {what} was focused"
        assert focus_visible(info), f"focused {what} {info['name'] or info['text']}: outline {info['outline']}, box-shadow {info['boxShadow']}"
    assert not seen["covered"], f"{len(seen['covered'])} focused fields were hidden: {seen['covered'][:8]}"
