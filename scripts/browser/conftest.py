"""Browser journeys (headless Chromium) against a running `cchc serve`.

Widths: the `browser` fixture opens a desktop viewport (1366 × 768) unless the test asks for another with
`@pytest.mark.parametrize("width", [DESKTOP, PHONE])` (or `[PHONE]`): the `width` fixture names the viewport
and `browser` emulates it exactly (the phone as a mobile device: the viewport meta tag applies, 375 × 812)."""
import os
import shutil
import sys
import tempfile
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from cchc_client import login, token, wait_for  # noqa: E402,F401  (the tests import login and token from here)

DESKTOP = 1366
PHONE = 375
# The viewport height that goes with each width: an office laptop's screen, a phone's.
HEIGHTS = {DESKTOP: 768, PHONE: 812}


def pytest_addoption(parser):
    parser.addoption("--base-url", default="http://127.0.0.1:8080")


@pytest.fixture(scope="session")
def base_url(request):
    url = request.config.getoption("--base-url").rstrip("/")
    try:
        return wait_for(url)
    except RuntimeError as exc:
        pytest.fail(str(exc))


def screenshot_dir(*parts):
    """Where screenshots go: $CCHC_SCREENSHOTS (CI keeps them as the run's artefacts) or the temp folder."""
    out = os.path.join(os.environ.get("CCHC_SCREENSHOTS") or tempfile.gettempdir(), *parts)
    os.makedirs(out, exist_ok=True)
    return out


def set_viewport(driver, width, height=None):
    """The viewport exactly `width` × `height` CSS pixels. A phone (below 600 px) is emulated as a mobile device
    (the viewport meta tag applies, touch; a window cannot be narrower than 500 px in headless Chromium); a
    desktop is the window itself, sized so that the page gets `width` × `height` (a test may still resize it
    with set_window_size). On an emulated phone window.innerWidth grows with a page too wide: compare widths
    with `width`."""
    height = height or HEIGHTS.get(width, 800)
    if width < 600:
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                               {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": True})
        return
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    driver.set_window_size(width, height)
    inner_width, inner_height = driver.execute_script("return [window.innerWidth, window.innerHeight]")
    driver.set_window_size(2 * width - inner_width, 2 * height - inner_height)


def make_driver(width=DESKTOP, height=None):
    """Headless Chromium (Debian's chromium + chromium-driver) driven by Selenium, its viewport `width` wide."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.add_argument("--headless=new")
    options.add_argument("--no-sandbox")
    options.add_argument("--disable-gpu")
    options.add_argument("--window-size=%d,%d" % (max(width, 500), height or HEIGHTS.get(width, 800)))
    binary = shutil.which("chromium") or shutil.which("chromium-browser")
    if binary:
        options.binary_location = binary
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver")), options=options)
    set_viewport(driver, width, height)
    driver.implicitly_wait(5)
    return driver


@pytest.fixture
def width():
    """The viewport width of `browser`; a test parametrized on `width` overrides it."""
    return DESKTOP


@pytest.fixture
def browser(width):
    driver = make_driver(width)
    yield driver
    driver.quit()
