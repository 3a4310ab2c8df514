"""Browser journeys (headless Chromium) against a running `cchc serve`."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from cchc_client import login, token, wait_for  # noqa: E402,F401  (the tests import login and token from here)


def pytest_addoption(parser):
    parser.addoption("--base-url", default="http://127.0.0.1:8080")


@pytest.fixture(scope="session")
def base_url(request):
    url = request.config.getoption("--base-url").rstrip("/")
    try:
        return wait_for(url)
    except RuntimeError as exc:
        pytest.fail(str(exc))


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
