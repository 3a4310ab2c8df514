"""Options of the two-instance check (scripts/scaling/two_instances.sh starts the servers and nginx, then passes them)."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def pytest_addoption(parser):
    parser.addoption("--proxy", required=True, help="nginx in front of both instances")
    parser.addoption("--instance", action="append", required=True, help="an instance, directly (given twice)")
    parser.addoption("--nginx-log", required=True, help="nginx access log: method, path, status, upstream address")
    parser.addoption("--database-url", required=True, help="the instances' PostgreSQL database (read with psql)")


@pytest.fixture(scope="session")
def proxy(request):
    return request.config.getoption("--proxy").rstrip("/")


@pytest.fixture(scope="session")
def instances(request):
    urls = [u.rstrip("/") for u in request.config.getoption("--instance")]
    assert len(urls) == 2, urls
    return urls


@pytest.fixture(scope="session")
def nginx_log(request):
    return Path(request.config.getoption("--nginx-log"))


@pytest.fixture(scope="session")
def database_url(request):
    return request.config.getoption("--database-url")
