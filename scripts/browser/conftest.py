"""End-to-end checks against a running `cchc serve` (started by .ci/run on a fresh database)."""
import time

import pytest
import requests


def pytest_addoption(parser):
    parser.addoption("--base-url", default="http://127.0.0.1:8080")


@pytest.fixture(scope="session")
def base_url(request):
    url = request.config.getoption("--base-url").rstrip("/")
    deadline = time.time() + 180  # first start migrates and loads the demo
    last = None
    while time.time() < deadline:
        try:
            if requests.get(url + "/login", timeout=5).status_code == 200:
                return url
        except requests.RequestException as exc:  # server still starting
            last = exc
        time.sleep(1)
    pytest.fail(f"server at {url} did not start: {last}")


def login(base_url, username, password="cchc-demo"):
    s = requests.Session()
    r = s.post(base_url + "/login", data={"username": username, "password": password}, allow_redirects=False, timeout=30)
    assert r.status_code == 303, f"{username}: {r.status_code}"
    return s


def token(base_url, username, password="cchc-demo"):
    r = requests.post(base_url + "/api/v1/auth/token", json={"username": username, "password": password}, timeout=30)
    assert r.status_code == 201, f"{username}: {r.status_code} {r.text}"
    return {"Authorization": "Bearer " + r.json()["token"]}


@pytest.fixture
def browser():
    """Headless Chromium (Debian's chromium + chromium-driver) driven by Selenium."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.add_argument("--headless=new")
    options.add_argument("--no-sandbox")
    options.add_argument("--disable-gpu")
    options.add_argument("--window-size=1280,900")
    import shutil
    binary = shutil.which("chromium") or shutil.which("chromium-browser")
    if binary:
        options.binary_location = binary
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver")), options=options)
    driver.implicitly_wait(5)
    yield driver
    driver.quit()
