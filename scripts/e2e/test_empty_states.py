"""Issue 15 §4, "a clear empty state on every list": on a fresh demo, each list that can be empty says, in Vietnamese,
that it is empty and what to do next (or why there is nothing to do) — a sentence and the link or button that leads
on, never a bare table header.

Each case names the account, the page and what must be there: the sentence (a pattern over the visible text of
`<main>`), the links or buttons that lead on (by their text), and no table in `<main>` without a row in its body.
Read-only (GET): the browser journeys that run after this suite on the same database find the demo untouched."""
import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

import pytest
import requests

from conftest import login, token
from test_no_dead_ends import parse

ACCOUNTS = {}


def session(base_url, username):
    if username not in ACCOUNTS:
        ACCOUNTS[username] = login(base_url, username)
    return ACCOUNTS[username]


def unit_id(base_url, name, query):
    r = requests.get(base_url + "/api/v1/units", params={"q": query}, headers=token(base_url, "admin"), timeout=30)
    assert r.status_code == 200, (r.status_code, r.text[:300])
    ids = [u["id"] for u in r.json() if u["name"] == name]
    assert len(ids) == 1, f"{name}: {r.json()}"
    return ids[0]


@dataclass(frozen=True)
class Empty:
    name: str
    username: str
    path: str  # a template: {cuu_an}, {an_khe}, {round_2020}, {this_year} filled by `places`
    says: str  # a regular expression over the visible text of <main>
    leads_to: list = field(default_factory=list)  # texts of links or buttons in <main> that lead on


CASES = [
    Empty("nothing to do: the work list", "cuuan.cv", "/",
          r"Việc phải làm Đơn vị không còn việc nào đến hạn hay quá hạn trong năm nay và năm sau"),
    Empty("nothing to sign", "cuuan.ld", "/", r"Chờ bạn ký Không có văn bản nào chờ bạn ký\."),
    Empty("a unit's year without a duty", "cuuan.cv", "/units/{cuu_an}/duties",
          r"chưa có việc nào có hạn trong hệ thống: chưa có chế độ báo cáo, kế hoạch, kế hoạch kiểm tra hay đợt đánh giá "
          r"chỉ số CCHC nào áp dụng cho đơn vị", leads_to=["Năm"]),
    Empty("no round of the PAR index for the unit", "thachdai.cv", "/par",
          r"Chưa có đợt đánh giá nào: cơ quan thường trực CCHC mở đợt tự đánh giá, thẩm định chỉ số CCHC khi đến kỳ; "
          r"hạn tự đánh giá sẽ hiện ở Việc của tôi", leads_to=["Việc của tôi"]),
    Empty("a PAR round no unit has sent yet: its results", "quangdien.noivu", "/par/rounds/{round_2020}/results",
          r"Chưa có kết quả: chưa đơn vị nào gửi tự đánh giá\.", leads_to=["Tiến độ các đơn vị"]),
    Empty("a plan without a task", "cuuan.cv", "/units/{cuu_an}/plans/2021/communications",
          r"Kế hoạch chưa có nhiệm vụ nào\.", leads_to=["Sửa bảng nhiệm vụ", "Nhập vào dự thảo"]),
    Empty("no document in the register", "cuuan.cv", "/units/{cuu_an}/documents?year=2021",
          r"Không có văn bản nào trong năm 2021\.", leads_to=["Vào sổ văn bản mới"]),
    Empty("no inspection plan, as the district's standing agency", "ankhe.noivu", "/units/{an_khe}/inspections",
          r"Chưa có kế hoạch kiểm tra CCHC năm \d{4}\. Lập kế hoạch ở mục dưới\.", leads_to=["Lưu kế hoạch kiểm tra"]),
    Empty("no regime for the units below this year: timeliness", "ankhe.noivu", "/units/{an_khe}/timeliness",
          r"Chưa có chế độ báo cáo năm \d{4} cho các đơn vị trực thuộc\. Ban hành chế độ báo cáo ?\. Các năm đã có chế độ báo cáo: 2021 ?\.",
          leads_to=["Ban hành chế độ báo cáo", "2021"]),
    Empty("a consolidated figure no report carries yet", "ankhe.noivu", "/units/{an_khe}/consolidation/2021/Q3?code=2.3",
          r"Chưa có số liệu: chưa có báo cáo nào gửi lên có số liệu này\."),
    Empty("no calendar address yet", "thanhan.ld", "/calendar",
          r"Bạn chưa tạo đường dẫn lịch nào\.", leads_to=["Tạo đường dẫn"]),
    Empty("the audit log filtered to nothing", "admin", "/audit?from=01/01/2001&to=02/01/2001",
          r"Không có thao tác nào khớp bộ lọc\. Hãy bỏ bớt điều kiện lọc hoặc chọn khoảng ngày rộng hơn\."),
    Empty("a unit search with no result", "admin", "/units?q=khongcodonvinaoten",
          r"Không tìm thấy đơn vị nào khớp với “khongcodonvinaoten”"),
    Empty("an account search with no result", "admin", "/users?q=khongcotaikhoannao",
          r"Không tìm thấy tài khoản nào khớp với “khongcotaikhoannao”"),
    Empty("the register filtered to nothing", "cuuan.cv", "/units/{cuu_an}/documents?year=2021&q=khongcovanbannao",
          r"Không có văn bản nào khớp bộ lọc trong năm 2021\. Hãy bỏ bớt điều kiện lọc"),
    Empty("a unit without any plan of the year", "cuuan.cv", "/units/{cuu_an}/plans?year=2021",
          r"Xã Cửu An chưa lập kế hoạch nào năm 2021", leads_to=["Kế hoạch cải cách hành chính"]),
    Empty("no inspection plan, as a unit below", "cuuan.cv", "/units/{cuu_an}/inspections",
          r"Chưa có kế hoạch kiểm tra CCHC năm \d{4}\. Kế hoạch kiểm tra do"),
    Empty("no regime for the unit this year: its reports", "cuuan.cv", "/units/{cuu_an}/reports?year={this_year}",
          r"Chưa có chế độ báo cáo năm \d{4} áp dụng cho đơn vị này\. Chế độ báo cáo do"),
    Empty("a period no unit has reported yet: the consolidation", "ankhe.noivu", "/units/{an_khe}/consolidation/2021/Q3",
          r"Chưa có báo cáo nào gửi lên cho kỳ này", leads_to=["Theo dõi nộp báo cáo"]),
    Empty("nothing due this year: the dashboard", "ankhe.noivu", "/units/{an_khe}/dashboard",
          r"chưa có việc nào có hạn.*Ban hành chế độ báo cáo", leads_to=["Ban hành chế độ báo cáo", "Xem năm 2021"]),
]



@pytest.fixture(scope="module")
def places(base_url):
    r = session(base_url, "quangdien.noivu").get(base_url + "/par", timeout=30)
    rounds = re.findall(r'href="/par/rounds/(\d+)"[^>]*>Năm 2020 — Huyện Quảng Điền', r.text)
    assert len(rounds) == 1, rounds
    return {"cuu_an": unit_id(base_url, "Xã Cửu An", "cuu an"), "an_khe": unit_id(base_url, "Thị xã An Khê", "an khe"),
            "round_2020": rounds[0], "this_year": datetime.now(timezone(timedelta(hours=7))).year}


def problems(base_url, places, case):
    """What the page lacks to be a clear empty state ([] when it is one)."""
    url = base_url + case.path.format(**places)
    r = session(base_url, case.username).get(url, timeout=60)
    assert r.status_code == 200, (case.name, url, r.status_code)
    main = parse(r.text).find_all("main")
    assert len(main) == 1, f"{case.name}: {len(main)} <main>"
    main = main[0]
    text = main.text()
    found = []
    if not re.search(case.says, text):
        found.append(f"no “{case.says}” in: {text[:600]}")
    leads = [n.text() for n in main.find_all("a", "button")] + [n.attrs.get("value", "") for n in main.find_all("input")
                                                                 if n.attrs.get("type") == "submit"]
    for wanted in case.leads_to:
        if not any(wanted in lead for lead in leads):
            found.append(f"no link or button “{wanted}” (there are: {sorted(set(leads))[:20]})")
    for table in main.find_all("table"):
        bodies = table.find_all("tbody")
        if bodies and not any(b.find_all("tr") for b in bodies):
            heads = [th.text() for th in table.find_all("th")]
            found.append(f"a table with no row under its header {heads[:8]}")
    return found


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_an_empty_list_says_so_and_what_to_do(base_url, places, case):
    found = problems(base_url, places, case)
    assert not found, f"{case.name} ({case.username} {case.path}): " + "; ".join(found)
