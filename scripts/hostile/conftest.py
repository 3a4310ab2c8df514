import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import serverproc  # noqa: E402

ROWS = []  # one per upload, printed at the end whatever the outcome


def pytest_addoption(parser):
    serverproc.add_options(parser, default_port=18550)
    parser.addoption("--upload-timeout", type=float, default=120.0, help="give up on one upload after this many seconds")


@pytest.fixture(scope="module")
def server(request):
    o = request.config.getoption
    s = serverproc.Server(o("--binary"), o("--port"), o("--database-url"))
    yield s
    s.close()
    print(f"\nserver folder (logs, database, files): {s.dir}")


def pytest_terminal_summary(terminalreporter):
    if not ROWS:
        return
    w = terminalreporter
    w.section("hostile uploads")
    w.line(f"{'file':<24}{'size MB':>9}{'status':>12}{'seconds':>9}{'base RSS':>10}{'peak RSS MB':>13}{'growth':>8}  alive  message")
    for r in ROWS:
        w.line(f"{r['file']:<24}{r['sizeMB']:>9.2f}{str(r['status']):>12}{r['seconds']:>9.2f}{r['baseMB']:>10.0f}"
               f"{r['peakMB']:>13.0f}{r['growthMB']:>8.0f}  {'yes' if r['alive'] else 'NO ':<5}  {r['message'][:70]}")
