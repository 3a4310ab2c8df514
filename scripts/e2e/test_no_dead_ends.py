"""Issue 13, "Done when" #4: from the home page of each demo role, a breadth-first walk over every GET page reachable
through the links in `<main>` and the top menu (`nav.main`) finds no broken link (a page a link leads to answers
200), no dead end (the page's `<main>` links onward or back, or offers a form), and no page of the current year that
shows an empty table, list or section without a sentence saying why ("Chưa có …", "Không có …", "… chưa …").

Every problem of every role is collected first and the test fails once, listing them all (page, role, the page that
linked to it, what is wrong), so one run shows the whole list. A summary per role (pages visited, problems) is printed.
"""
import datetime
import os
import re
from collections import deque
from html.parser import HTMLParser
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit

import pytest

from conftest import login

# (account, role) — README "Demo accounts": Sóc Trăng's and Hà Tĩnh's provincial standing agencies (Hà Tĩnh's districts
# report up to it), Lai Châu the two-tier province, the district's leader.
ROLES = [
    ("thachdai.cv", "chuyên viên xã"),
    ("thachdai.ld", "lãnh đạo xã"),
    ("thachha.noivu", "cơ quan thường trực huyện"),
    ("thachha.tp.cv", "chuyên viên phòng chuyên môn huyện"),
    ("soctrang.noivu", "cơ quan thường trực tỉnh"),
    ("laichau.noivu", "cơ quan thường trực tỉnh (hai cấp)"),
    ("hatinh.noivu", "cơ quan thường trực tỉnh Hà Tĩnh (huyện báo cáo lên)"),
    ("thachha.ld", "lãnh đạo huyện"),
    ("admin", "quản trị hệ thống"),
]
PAGE_CAP = int(os.environ.get("DEAD_ENDS_PAGE_CAP", "250"))  # a full walk: DEAD_ENDS_PAGE_CAP=100000
THIS_YEAR = datetime.date.today().year
YEARS = {THIS_YEAR - 1, THIS_YEAR, THIS_YEAR + 1, 2021, 2022}

FILE_SUFFIXES = (".xlsx", ".docx", ".csv", ".ics", ".json", ".pdf", ".svg", ".png", ".zip")
# A sentence that says why something is empty: "Chưa có …", "… chưa …", "Không có …", "Không … nào".
WHY = re.compile(r"\b(chưa|không|hết)\b", re.IGNORECASE)
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


# --- a small DOM over html.parser (no third-party parser needed) -------------------------------------------------

class Node:
    def __init__(self, tag, attrs, parent):
        self.tag, self.attrs, self.parent = tag, dict(attrs), parent
        self.children = []  # Node or str

    def classes(self):
        return (self.attrs.get("class") or "").split()

    def iter(self):
        for child in self.children:
            if isinstance(child, Node):
                yield child
                yield from child.iter()

    def find_all(self, *tags):
        return [n for n in self.iter() if n.tag in tags]

    def text(self):
        parts = []
        for child in self.children:
            parts.append(child if isinstance(child, str) else child.text())
        return " ".join(" ".join(parts).split())

    def ancestors(self):
        node = self.parent
        while node is not None:
            yield node
            node = node.parent


class TreeBuilder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", [], None)
        self.stack = [self.root]

    def handle_starttag(self, tag, attrs):
        node = Node(tag, attrs, self.stack[-1])
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag, attrs):
        self.stack[-1].children.append(Node(tag, attrs, self.stack[-1]))

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                return

    def handle_data(self, data):
        self.stack[-1].children.append(data)


def parse(html):
    builder = TreeBuilder()
    builder.feed(html)
    builder.close()
    return builder.root


# --- which links to follow ------------------------------------------------------------------------------------------

def normalise(base_url, page_url, href):
    """The site-relative path+query a link leads to, or None when the crawler does not follow it."""
    href = (href or "").strip()
    if not href or href.startswith(("#", "mailto:", "tel:", "javascript:", "data:")):
        return None
    absolute = urljoin(page_url, href)
    site, target = urlsplit(base_url), urlsplit(absolute)
    if (target.scheme, target.netloc) != (site.scheme, site.netloc):
        return None  # another site
    path = target.path or "/"
    lower = path.lower()
    if lower.rstrip("/") == "/logout" or lower.endswith(FILE_SUFFIXES) or "/export" in lower or "download" in lower:
        return None
    if lower.startswith("/assets/"):
        return None
    params = parse_qsl(target.query, keep_blank_values=True)
    keys = {k for k, _ in params}
    if "edit" in keys or "_csrf" in keys or "download" in keys or params and dict(params).get("format") in ("xlsx", "csv", "docx", "ics", "json"):
        return None
    for k, v in params:
        if k == "year" and not (v.isdigit() and int(v) in YEARS):
            return None
    for segment in path.split("/"):
        if re.fullmatch(r"20\d\d", segment) and int(segment) not in YEARS:
            return None
    query = urlencode(sorted(params))
    return path + ("?" + query if query else "")


def links_to_follow(doc):
    """The `<a href>` of `<main>` and of the top menu (`nav.main`)."""
    hrefs = []
    for node in doc.iter():
        if node.tag == "main" or (node.tag == "nav" and "main" in node.classes()):
            hrefs += [a.attrs.get("href") for a in node.find_all("a") if a.attrs.get("href")]
    return hrefs


# --- what is wrong with a page ------------------------------------------------------------------------------------

def main_of(doc):
    mains = doc.find_all("main")
    return mains[0] if mains else None


def page_year(path_query, main):
    """The year a page is about: its `year=` parameter, a year in its path, or the year its heading names."""
    target = urlsplit(path_query)
    params = dict(parse_qsl(target.query))
    if params.get("year", "").isdigit():
        return int(params["year"])
    years = [int(s) for s in target.path.split("/") if re.fullmatch(r"20\d\d", s)]
    if years:
        return years[0]
    h1 = main.find_all("h1") if main is not None else []
    heading = h1[0].text() if h1 else ""
    return THIS_YEAR if str(THIS_YEAR) in heading else None


def explains(node):
    """True when `node` is a sentence that says why something is empty."""
    if node.tag not in ("p", "span", "div", "small", "em", "strong", "caption"):
        return False
    return bool(WHY.search(node.text()))


def is_heading(node):
    return isinstance(node, Node) and re.fullmatch(r"h[1-6]", node.tag) is not None


def region_of(node, main):
    """The part of the page an explanation of an empty `node` must be in: in its section, card, details (or main), the
    run of siblings from the heading before it to the next heading — so "Chưa có …" under another heading does not count."""
    scope = main
    for a in node.ancestors():
        if a is main or a.tag in ("section", "article", "details", "fieldset") or "card" in a.classes():
            scope = a
            break
    top = node
    while top.parent is not scope and top.parent is not None:
        top = top.parent
    siblings = [c for c in scope.children if isinstance(c, Node)]
    i = siblings.index(top) if top in siblings else 0
    start = next((j for j in range(i, -1, -1) if is_heading(siblings[j])), 0)
    end = next((j for j in range(i + 1, len(siblings)) if is_heading(siblings[j])), len(siblings))
    return siblings[start:end]


def explained(node, main):
    around = set(map(id, node.ancestors()))
    for part in region_of(node, main):
        for n in [part, *part.iter()]:
            if n is not node and id(n) not in around and node not in n.ancestors() and explains(n):
                return True
    # A caption or note inside the table itself.
    return any(explains(n) for n in node.iter() if n.tag in ("caption", "p", "span"))


def empty_parts(main):
    """Tables with an empty `<tbody>`, empty lists, and sections/cards holding nothing but their heading."""
    found = []
    for node in main.iter():
        if node.tag == "tbody" and not node.find_all("tr"):
            table = next((a for a in node.ancestors() if a.tag == "table"), node)
            found.append((table, "bảng trống (<tbody> không có dòng)"))
        elif node.tag in ("ul", "ol") and not node.find_all("li"):
            found.append((node, f"danh sách <{node.tag}> trống"))
        elif node.tag == "section" or (node.tag == "div" and "card" in node.classes()):
            kids = [c for c in node.children if isinstance(c, Node) or c.strip()]
            if kids and all(isinstance(c, Node) and re.fullmatch(r"h[1-6]", c.tag) for c in kids):
                found.append((node, "phần chỉ có tiêu đề, không có nội dung"))
    return found


def label(node):
    """A short name of a part of the page: its caption or heading, else the nearest heading before it."""
    heads = [h for h in node.children if isinstance(h, Node) and (re.fullmatch(r"h[1-6]", h.tag) or h.tag == "caption")]
    if heads:
        return heads[0].text()[:80]
    for a in [node, *node.ancestors()]:
        parent = a.parent
        if parent is None or a.tag == "main":
            break
        for sibling in reversed(parent.children[:parent.children.index(a)]):
            if isinstance(sibling, Node) and re.fullmatch(r"h[1-6]", sibling.tag):
                return sibling.text()[:80]
    return node.tag


def problems_of_page(path_query, doc):
    """What is wrong with a page that answered 200."""
    main = main_of(doc)
    if main is None:
        return ["trang không có <main>"]
    wrong = []
    here = "http://site" + path_query
    onward = [h for h in (a.attrs.get("href", "").strip() for a in main.find_all("a"))
              if h and not h.startswith("#") and urljoin(here, h).split("#")[0] != here]
    if not onward and not main.find_all("form"):
        anchors = len(main.find_all("a"))
        wrong.append("ngõ cụt: <main> không có liên kết (<a href>) hay biểu mẫu nào"
                     + (f" (chỉ có {anchors} thẻ <a> không dẫn đi đâu)" if anchors else ""))
    if page_year(path_query, main) != THIS_YEAR:
        return wrong
    parts = empty_parts(main)
    for node, what in parts:
        if not explained(node, main):
            wrong.append(f"năm {THIS_YEAR}: {what} — «{label(node)}» — mà không có câu giải thích (Chưa có …)")
    # No content at all: nothing but the heading, breadcrumbs and navigation.
    content = [n for n in main.children if isinstance(n, Node) and n.tag not in ("h1", "nav", "script")
               and "crumbs" not in n.classes()]
    if not content and not any(explains(n) for n in main.iter()):
        wrong.append(f"năm {THIS_YEAR}: trang không có nội dung mà không có câu giải thích")
    return wrong


# --- the walk --------------------------------------------------------------------------------------------------------

def shape(path_query):
    """The kind of a page: its path with numbers as N and its query's names (/units/N/reports?year)."""
    target = urlsplit(path_query)
    names = "&".join(sorted({k for k, _ in parse_qsl(target.query, keep_blank_values=True)}))
    return re.sub(r"\d+", "N", target.path) + ("?" + names if names else "")


class Frontier:
    """Breadth-first within each kind of page, and across kinds the least visited kind first: within the page cap
    the walk sees every kind of page (a unit's reports, plans, timeliness, …) before the 50th user page."""

    def __init__(self):
        self.queues, self.visits = {}, {}

    def push(self, page, linked_from):
        self.queues.setdefault(shape(page), deque()).append((page, linked_from))

    def pop(self):
        kind = min((k for k, q in self.queues.items() if q), key=lambda k: self.visits.get(k, 0))
        self.visits[kind] = self.visits.get(kind, 0) + 1
        return self.queues[kind].popleft()

    def __bool__(self):
        return any(self.queues.values())

    def __len__(self):
        return sum(len(q) for q in self.queues.values())


def fetch(session, base_url, page):
    """GET a page, following redirects inside the site (not to /login, which is reported)."""
    r = session.get(base_url + page, timeout=60, allow_redirects=False)
    for _ in range(5):
        if not r.is_redirect:
            break
        location = r.headers.get("Location", "")
        target = normalise(base_url, base_url + page, location)
        if target is None or urlsplit(target).path.rstrip("/") == "/login":
            break
        page = target
        r = session.get(base_url + page, timeout=60, allow_redirects=False)
    return page, r


def walk(base_url, username, cap=PAGE_CAP):
    """The walk for one account: (pages visited, [(page, linked from, problem)], pages left unvisited by the cap)."""
    session = login(base_url, username)
    frontier = Frontier()
    frontier.push("/", "(đăng nhập)")
    seen = {"/"}
    visited, problems = 0, []
    while frontier and visited < cap:
        page, linked_from = frontier.pop()
        landed, r = fetch(session, base_url, page)
        seen.add(landed)
        visited += 1
        if r.is_redirect:
            where = r.headers.get("Location", "")
            if urlsplit(where).path.rstrip("/") == "/login":
                problems.append((page, linked_from, "chuyển về trang đăng nhập (mất phiên hoặc không có quyền)"))
            continue
        if r.status_code != 200:
            why = main_of(parse(r.text)) if "html" in r.headers.get("Content-Type", "") else None
            said = " ".join(p.text() for p in why.find_all("p") if not p.find_all("a"))[:160] if why is not None else ""
            problems.append((page, linked_from, f"HTTP {r.status_code}" + (f" «{said}»" if said else "")))
            continue
        if not r.headers.get("Content-Type", "").startswith("text/html"):
            continue  # a file behind an ordinary-looking link: nothing to check
        doc = parse(r.text)
        problems += [(page, linked_from, p) for p in problems_of_page(landed, doc)]
        for href in links_to_follow(doc):
            target = normalise(base_url, base_url + landed, href)
            if target is not None and target not in seen:
                seen.add(target)
                frontier.push(target, landed)
    return visited, problems, len(frontier)


def test_every_page_reachable_from_each_role_home_links_onward_and_explains_emptiness(base_url, capsys):
    report, summary = [], []
    for username, role in ROLES:
        visited, problems, left = walk(base_url, username)
        capped = f" (giới hạn {PAGE_CAP}; còn {left} trang chưa đi)" if left else ""
        summary.append(f"{username:16} ({role}): {visited} trang{capped}, {len(problems)} vấn đề")
        report += [f"[{username}] {page}  ← từ {linked_from}: {what}" for page, linked_from, what in problems]
    with capsys.disabled():
        print("\nĐi qua các trang từ trang chủ của từng vai trò:")
        print("\n".join("  " + line for line in summary))
    if report:
        pytest.fail(f"{len(report)} vấn đề:\n" + "\n".join(report), pytrace=False)


# --- the rules themselves, on small pages (no server needed) ---------------------------------------------------------

def page(body, title=f"Báo cáo năm {THIS_YEAR}"):
    return parse(f'<html><body><nav class="main"><a href="/">Việc của tôi</a></nav><main><h1>{title}</h1>{body}</main></body></html>')


def test_the_rules_flag_dead_ends_but_not_a_page_that_rightly_has_only_a_form():
    assert any("ngõ cụt" in p for p in problems_of_page("/x", page("<p>Xong.</p>")))
    assert any("ngõ cụt" in p for p in problems_of_page("/x", page("<p><a>không có đích</a></p>")))
    assert any("ngõ cụt" in p for p in problems_of_page("/x?y=1", page('<p><a href="#top">Lên đầu</a> <a href="/x?y=1">Tải lại</a></p>')))
    assert problems_of_page("/x", page('<form method="post" action="/x"><button>Gửi</button></form>')) == []
    assert problems_of_page("/x", page('<p><a href="/units">Đơn vị</a></p>')) == []


def test_the_rules_want_a_reason_beside_an_empty_table_of_this_year_only():
    empty = '<h2>Phụ lục</h2><table><thead><tr><th>STT</th></tr></thead><tbody></tbody></table><p><a href="/">Về</a></p>'
    flagged = problems_of_page(f"/r?year={THIS_YEAR}", page(empty))
    assert len(flagged) == 1 and "Phụ lục" in flagged[0]
    assert problems_of_page("/r?year=2021", page(empty)) == []  # history may be empty
    assert problems_of_page("/r", page(empty, title="Báo cáo năm 2021")) == []
    said = empty.replace("<tbody></tbody></table>", '<tbody></tbody></table><p class="muted">Chưa có văn bản nào.</p>')
    assert problems_of_page(f"/r?year={THIS_YEAR}", page(said)) == []
    # "Chưa có …" under another heading does not explain this table.
    elsewhere = '<h2>Khác</h2><p class="muted">Chưa có cơ quan chuyên môn.</p>' + empty
    assert len(problems_of_page(f"/units/4/plans/{THIS_YEAR}/cchc", page(elsewhere))) == 1
    bare_card = '<section class="card"><h2>Nhắc hạn</h2></section><p><a href="/units">Đơn vị</a></p>'
    assert len(problems_of_page("/", page(bare_card, title=f"Việc năm {THIS_YEAR}"))) == 1


def test_the_walk_follows_pages_not_files_edits_logout_or_far_years():
    base = "http://127.0.0.1:1"
    follow = [normalise(base, base + "/units/4", h) for h in
              ["/units/4/reports?year=2021", f"reports?year={THIS_YEAR}", f"/units/4/timeliness?year={THIS_YEAR}&sort=late#top"]]
    assert follow == ["/units/4/reports?year=2021", f"/units/reports?year={THIS_YEAR}", f"/units/4/timeliness?sort=late&year={THIS_YEAR}"]
    skipped = ["/logout", "/units/4/reports/1.docx", "/units/4/timeliness/export?year=2026", "/x?edit=3", "/x?_csrf=a",
               "/units/4/reports?year=2015", f"/units/4/plans/{THIS_YEAR + 3}/cchc", "https://example.org/", "mailto:a@b.vn",
               "/files/7/download", "#top"]
    assert [normalise(base, base + "/", h) for h in skipped] == [None] * len(skipped)
