"""Issue 13 on a fresh start with the real clock: the demo lives in the present (this year's regime, plans and inspections
around today), the work lists show it, and the calendar feed parses with the `icalendar` package and holds every duty."""
import datetime

import icalendar
import requests

from conftest import login, token


def my_work(base_url, username):
    r = requests.get(base_url + "/api/v1/my-work", headers=token(base_url, username), timeout=60)
    assert r.status_code == 200, r.text
    return r.json()


def test_the_demo_lives_in_the_present(base_url):
    work = my_work(base_url, "thachdai.cv")
    owed = work["owed"]
    year = datetime.date.today().year
    this_year = [d for d in owed if d["duty"]["dueDay"].startswith(str(year))]
    assert this_year, "no duty of this year on Thạch Đài's work list"
    kinds = {d["duty"]["kind"] for d in owed}
    assert {"report", "planTask", "selfInspection"} <= kinds, kinds
    # Due soon (within a week), overdue, and returned with its reason: the present in every state.
    statuses = {d["status"] for d in owed}
    assert "dueSoon" in statuses and "overdue" in statuses, statuses
    assert any("Bị trả lại" in (d["duty"].get("note") or "") for d in work["returned"])
    # Soonest first.
    dues = [d["duty"]["due"] for d in owed]
    assert dues == sorted(dues)


def test_each_role_sees_its_work_on_the_first_page(base_url):
    for username, heading in [("thachdai.cv", "Việc phải làm"), ("thachdai.ld", "Chờ bạn ký"), ("thachha.noivu", "Chờ cơ quan thường trực xem xét")]:
        page = login(base_url, username).get(base_url + "/", timeout=60).text
        assert "Việc của tôi" in page and heading in page, username
    officer = my_work(base_url, "thachha.noivu")
    assert any(line["title"].startswith("Tiếp nhận báo cáo") for line in officer["toReview"])


def test_the_calendar_feed_parses_and_holds_every_duty_and_revoked_is_gone(base_url):
    headers = token(base_url, "thachdai.cv")
    me = requests.get(base_url + "/api/v1/me", headers=headers, timeout=30).json()
    unit_id = me["unit"]["id"]
    made = requests.post(base_url + "/api/v1/calendar/feeds", json={"unitID": unit_id}, headers=headers, timeout=30)
    assert made.status_code == 201, made.text
    feed = made.json()
    path = "/" + feed["url"].split("/", 3)[3]
    r = requests.get(base_url + path, timeout=60)
    assert r.status_code == 200 and r.headers["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(r.content)
    events = calendar.walk("VEVENT")
    year = datetime.date.today().year
    expected = set()
    for y in (year - 1, year, year + 1):
        duties = requests.get(base_url + f"/api/v1/units/{unit_id}/duties?year={y}", headers=headers, timeout=60).json()["duties"]
        expected |= {d["duty"]["id"] + "@cchc" for d in duties}
    assert expected and {str(e["UID"]) for e in events} == expected
    for e in events:
        assert str(e["SUMMARY"]).strip() and e["DTSTART"].dt
    revoked = requests.post(base_url + f"/api/v1/calendar/feeds/{feed['id']}/revoke", headers=headers, timeout=30)
    assert revoked.status_code == 200 and revoked.json()["revokedAt"]
    assert requests.get(base_url + path, timeout=30).status_code == 404
