"""What every Python suite needs to talk to a running `cchc serve`: wait for it, sign in through the
login form as a browser does (CSRF cookie and field), read a page's CSRF token, get an API token."""
import re
import time

import requests

DEMO_PASSWORD = "cchc-demo"


def wait_for(url, timeout=180):
    """Waits until the server answers /login (the first start migrates and loads the demo)."""
    deadline = time.time() + timeout
    last = None
    while time.time() < deadline:
        try:
            if requests.get(url + "/login", timeout=5).status_code == 200:
                return url
        except requests.RequestException as exc:  # still starting
            last = exc
        time.sleep(1)
    raise RuntimeError(f"server at {url} did not start: {last}")


def hidden(page_html, name):
    """The value of a hidden field of a page (None when there is none)."""
    m = re.search(r'name="%s" value="([^"]*)"' % re.escape(name), page_html)
    return m.group(1) if m else None


def csrf(session, base_url, path="/"):
    """The CSRF token a signed-in page carries in its forms."""
    return hidden(session.get(base_url + path, timeout=30).text, "_csrf")


def post_login(base_url, username, password=DEMO_PASSWORD, session=None):
    """Posts the login form like a browser: the page first (its CSRF cookie and field), then the form."""
    s = session or requests.Session()
    page = s.get(base_url + "/login", timeout=30)
    token = hidden(page.text, "_csrf") or ""
    r = s.post(base_url + "/login", data={"username": username, "password": password, "_csrf": token},
               allow_redirects=False, timeout=30)
    return s, r


def login(base_url, username, password=DEMO_PASSWORD):
    s, r = post_login(base_url, username, password)
    assert r.status_code == 303, f"{username}: {r.status_code}"
    s.csrf = csrf(s, base_url)
    return s


def token(base_url, username, password=DEMO_PASSWORD):
    r = requests.post(base_url + "/api/v1/auth/token", json={"username": username, "password": password}, timeout=30)
    assert r.status_code == 201, f"{username}: {r.status_code} {r.text}"
    return {"Authorization": "Bearer " + r.json()["token"]}
