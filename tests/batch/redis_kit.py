"""A real redis-server on a free loopback port, for the tests of the Celery path."""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from pathlib import Path


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class RedisServer:
    """``redis-server`` without persistence: a restart loses every queued job, as a crash would."""

    def __init__(self, workdir: Path) -> None:
        server = shutil.which("redis-server")
        assert server, "redis-server is missing: run scripts/bootstrap (it installs Debian's redis-server)"
        self.cmd = [server, "--port", str(_free_port()), "--bind", "127.0.0.1", "--save", "", "--appendonly",
                    "no", "--dir", str(workdir)]
        self.port = int(self.cmd[2])
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        self.proc = subprocess.Popen(self.cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.2) as c:
                    c.sendall(b"PING\r\n")
                    if c.recv(16).startswith(b"+PONG"):
                        return
            except OSError:
                time.sleep(0.05)
        raise AssertionError("redis-server did not start")

    def stop(self) -> None:
        if self.proc is not None:
            self.proc.terminate()
            self.proc.wait(10)
            self.proc = None

    def restart(self) -> None:
        self.stop()
        self.start()
