import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import serverproc  # noqa: E402


def pytest_addoption(parser):
    serverproc.add_options(parser, default_port=18500)


@pytest.fixture
def server(request):
    o = request.config.getoption
    s = serverproc.Server(o("--binary"), o("--port"), o("--database-url"))
    yield s.start()
    s.close()
    print(f"\nserver folder (logs, database): {s.dir}")
