"""End-to-end checks against a running `cchc serve` (started by .ci/run on a fresh database)."""
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
