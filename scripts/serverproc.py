"""Start and kill a real `cchc serve` process, for the crash and hostile-upload checks.

The binary is copied into the run's own folder first, so a rebuild of .build/debug/cchc while the
checks run cannot swap it underneath them.
"""
import os
import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path

import requests

REPO = Path(__file__).resolve().parents[1]
DEFAULT_BINARY = REPO / ".build" / "debug" / "cchc"


def add_options(parser, default_port):
    parser.addoption("--binary", default=str(DEFAULT_BINARY), help="cchc executable (copied before use)")
    parser.addoption("--database-url", default=None, help="default: a fresh SQLite file in a temp folder")
    parser.addoption("--port", type=int, default=default_port)


class Server:
    """One database, any number of successive server processes on it."""

    def __init__(self, binary, port, database_url=None):
        self.dir = Path(tempfile.mkdtemp(prefix="cchc-check-"))
        self.binary = self.dir / "cchc"
        shutil.copy2(binary, self.binary)
        self.port = port
        self.database_url = database_url or f"sqlite://{self.dir}/cchc.sqlite"
        self.base_url = f"http://127.0.0.1:{port}"
        self.proc = None
        self.starts = 0

    @property
    def pid(self):
        return self.proc.pid

    def start(self, timeout=240):
        assert self.proc is None or self.proc.poll() is not None, "server already running"
        self.starts += 1
        env = dict(os.environ, DATABASE_URL=self.database_url, CCHC_PORT=str(self.port), CCHC_HOST="127.0.0.1")
        log = open(self.dir / f"server-{self.starts}.log", "wb")
        self.proc = subprocess.Popen([str(self.binary), "serve", "--hostname", "127.0.0.1", "--port", str(self.port)],
                                     cwd=self.dir, env=env, stdout=log, stderr=subprocess.STDOUT)
        deadline = time.time() + timeout  # the first start migrates and loads the demo
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited with {self.proc.returncode}; see {log.name}")
            try:
                if requests.get(self.base_url + "/login", timeout=2).status_code == 200:
                    return self
            except requests.RequestException:
                pass
            time.sleep(0.3)
        self.stop()
        raise RuntimeError(f"server did not answer within {timeout} s; see {log.name}")

    def kill9(self):
        """SIGKILL: no shutdown hooks, no flushing — a power cut as far as the process is concerned."""
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=30)

    def stop(self):
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.kill9()

    def close(self):
        """Stops the server and removes the binary's copy; logs and database stay in `dir`."""
        self.stop()
        self.binary.unlink(missing_ok=True)

    def alive(self):
        return self.proc is not None and self.proc.poll() is None

    def memory_kb(self):
        """(VmRSS, VmHWM) of the server process, in kB."""
        fields = {}
        with open(f"/proc/{self.pid}/status") as f:
            for line in f:
                key, _, rest = line.partition(":")
                if key in ("VmRSS", "VmHWM"):
                    fields[key] = int(rest.split()[0])
        return fields.get("VmRSS", 0), fields.get("VmHWM", 0)


def token(base_url, username, password="cchc-demo"):
    r = requests.post(base_url + "/api/v1/auth/token", json={"username": username, "password": password}, timeout=60)
    r.raise_for_status()
    return {"Authorization": "Bearer " + r.json()["token"]}
