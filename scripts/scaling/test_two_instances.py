"""Two `cchc serve` instances on one PostgreSQL database behind nginx: the app keeps no state of its own.

Run by scripts/scaling/two_instances.sh, which starts both instances and nginx. A commune specialist signs in
through nginx; the one session cookie is then sent to each instance directly and through nginx (whose log shows
both instances answering it); a report saved through one instance is read back through the other, with a CSRF
token the other instance made; signing out on one ends the session on both.
"""
import html.parser
import random
import subprocess
import uuid

import requests

from cchc_client import post_login, token

USER = "thachdai.cv"
FULL_NAME = "Chuyên viên UBND xã Thạch Đài"
COOKIE = "cchc-session"
CODE = "1.1.1"
RUN = uuid.uuid4().hex[:8]
STATE = {}


class FormFields(html.parser.HTMLParser):
    """The fields a browser would send with the form posting to `action`: inputs, textareas, selects."""

    def __init__(self, action):
        super().__init__(convert_charrefs=True)
        self.action, self.inside, self.fields = action, False, []
        self.textarea = self.select = None
        self.options = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.inside = a.get("action") == self.action and a.get("method") == "post"
        elif not self.inside or "name" not in a and tag != "option":
            return
        elif tag == "input" and a.get("type", "text") not in ("submit", "button", "file", "checkbox", "radio"):
            self.fields.append([a["name"], a.get("value", "")])
        elif tag == "input" and a.get("type") in ("checkbox", "radio") and "checked" in a:
            self.fields.append([a["name"], a.get("value", "on")])
        elif tag == "textarea":
            self.textarea = [a["name"], ""]
        elif tag == "select":
            self.select, self.options = a["name"], []
        elif tag == "option" and self.select is not None:
            self.options.append((a.get("value", ""), "selected" in a))

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "textarea" and self.textarea is not None:
            self.fields.append([self.textarea[0], self.textarea[1].removeprefix("\n")])
            self.textarea = None
        elif tag == "select" and self.select is not None:
            chosen = [v for v, selected in self.options if selected] or [v for v, _ in self.options[:1]]
            self.fields.append([self.select, chosen[0] if chosen else ""])
            self.select = None


def form_of(page, action):
    parser = FormFields(action)
    parser.feed(page)
    assert parser.fields, f"no form posting to {action} on the page"
    return parser.fields


def field(fields, name):
    values = [v for k, v in fields if k == name]
    assert len(values) == 1, f"{name}: {values}"
    return values[0]


def get(base, path, **kw):
    """A request that carries the session cookie by hand: no cookie jar decides where it goes."""
    return requests.get(base + path, headers={"Cookie": f"{COOKIE}={STATE['cookie']}"}, allow_redirects=False, timeout=60, **kw)


def post(base, path, data):
    headers = {"Cookie": f"{COOKIE}={STATE['cookie']}", "Origin": base}
    return requests.post(base + path, data=data, headers=headers, allow_redirects=False, timeout=60)


def signed_in_as_user(r):
    return r.status_code == 200 and FULL_NAME in r.text


def test_sign_in_through_nginx_stores_the_session_in_the_database(proxy, database_url):
    session, r = post_login(proxy, USER)
    assert r.status_code == 303, f"sign-in through nginx: {r.status_code} {r.text[:300]}"
    STATE["cookie"] = session.cookies.get(COOKIE)
    assert STATE["cookie"], f"no {COOKIE} cookie after sign-in: {session.cookies.get_dict()}"
    rows = subprocess.run(["psql", database_url, "-Atc", "SELECT count(*) FROM _fluent_sessions"],
                          capture_output=True, text=True, check=True).stdout.strip()
    assert int(rows) >= 1, "sessions are not in the database (_fluent_sessions is empty)"


def test_the_session_is_valid_on_each_instance_directly(instances):
    for base in instances:
        assert signed_in_as_user(get(base, "/")), f"{base}: the session cookie made through nginx is not valid here"
        without = requests.get(base + "/", allow_redirects=False, timeout=60)
        assert without.status_code in (302, 303) and "/login" in without.headers.get("Location", ""), \
            f"{base}: without the cookie the home page must send to /login, got {without.status_code}"


def test_nginx_alternates_and_both_instances_know_the_session(proxy, instances, nginx_log):
    before = len(nginx_log.read_text().splitlines())
    for _ in range(6):
        assert signed_in_as_user(get(proxy, "/")), "through nginx the session was refused"
    lines = [ln.split() for ln in nginx_log.read_text().splitlines()[before:]]
    served = {ln[3] for ln in lines if ln[:3] == ["GET", "/", "200"]}
    wanted = {b.removeprefix("http://") for b in instances}
    assert served == wanted, f"nginx sent the signed-in requests to {served}, expected both of {wanted}"


def editable_report(proxy):
    """A 2021 draft report of the user's commune that the user may save, with row 1.1.1."""
    headers = token(proxy, USER)
    unit = requests.get(proxy + "/api/v1/me", headers=headers, timeout=60).json()["unit"]["id"]
    periods = requests.get(f"{proxy}/api/v1/units/{unit}/reports", params={"year": 2021}, headers=headers, timeout=60).json()
    for p in periods:
        report = requests.get(f"{proxy}/api/v1/units/{unit}/reports/{p['periodID']}", headers=headers, timeout=60).json()
        if "save" in report["availableActions"] and CODE in report["editableCodes"]:
            return f"/units/{unit}/reports/{p['periodID']}"
    raise AssertionError(f"{USER} has no editable 2021 report")


def save(base, path, fields, number, marker):
    data = [[k, v] for k, v in fields]
    for pair in data:
        if pair[0] == f"v:{CODE}":
            pair[1] = str(number)
        elif pair[0] == "narrative:khoKhan":
            pair[1] = marker
    r = post(base, path, data)
    assert r.status_code == 303 and "saved=1" in r.headers.get("Location", ""), \
        f"save through {base}: {r.status_code} {r.headers.get('Location')} {r.text[:500]}"


def saved(base, path):
    page = get(base, path)
    assert page.status_code == 200, f"{base}{path}: {page.status_code}"
    fields = form_of(page.text, path)
    return fields, field(fields, f"v:{CODE}"), field(fields, "narrative:khoKhan"), int(field(fields, "revision"))


def test_a_report_saved_through_one_instance_reads_back_through_the_other(proxy, instances):
    a, b = instances
    path = editable_report(proxy)
    fields, _, _, revision = saved(a, path)
    first = random.randint(100, 9999)
    marker = f"Lưu qua máy chủ A ({RUN}): thiếu cán bộ, số liệu {first}"
    save(a, path, fields, first, marker)

    fields_b, number, text, revision_b = saved(b, path)
    assert (number, text) == (str(first), marker), f"instance B reads {number!r}, {text!r}"
    assert revision_b == revision + 1

    # Read the form (and its CSRF token) through A, post it to B: the token A put in the session is B's too.
    fields_a, _, _, _ = saved(a, path)
    second = first + 1
    marker_b = f"Lưu qua máy chủ B ({RUN}): đã khắc phục, số liệu {second}"
    save(b, path, fields_a, second, marker_b)
    for base in (a, proxy):
        _, number, text, rev = saved(base, path)
        assert (number, text, rev) == (str(second), marker_b, revision + 2), f"{base} reads {number!r}, {text!r}, revision {rev}"

    # A page read before B's save is stale on A too: 409, nothing overwritten.
    stale = post(a, path, [[k, "1" if k == f"v:{CODE}" else v] for k, v in fields_b])
    assert stale.status_code == 409, f"a stale save through A: {stale.status_code}"
    assert saved(b, path)[1] == str(second)


def test_signing_out_on_one_instance_ends_the_session_on_the_other(instances):
    a, b = instances
    page = get(b, "/")
    r = post(b, "/logout", {"_csrf": field(form_of(page.text, "/logout"), "_csrf")})
    assert r.status_code in (302, 303), f"sign-out through B: {r.status_code}"
    after = get(a, "/")
    assert after.status_code in (302, 303) and "/login" in after.headers.get("Location", ""), \
        f"after signing out on B, A still accepts the session: {after.status_code}"
