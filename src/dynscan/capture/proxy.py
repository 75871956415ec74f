"""Runs ``mitmdump`` with dynscan's addons for one session, on loopback, and always stops it."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from dynscan.errors import SetupError
from dynscan.proxy_addons import proxy_script, sinkhole_script

START_TIMEOUT_S = 30.0


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as s:
        s.bind((host, 0))
        return int(s.getsockname()[1])


def mitmdump_path() -> str:
    beside = Path(sys.executable).with_name("mitmdump")
    found = str(beside) if beside.exists() else shutil.which("mitmdump")
    if not found:
        raise SetupError("mitmdump not found: install dynscan with its dependencies (scripts/bootstrap)")
    return found


def default_confdir() -> Path:
    base = Path(os.environ.get("DYNSCAN_CACHE_DIR", Path.home() / ".cache" / "dynscan"))
    return base / "mitmproxy"


class ProxyProcess:
    """``with ProxyProcess(session_dir, sinkhole=True) as p: p.port, p.ca_pem``."""

    def __init__(self, session_dir: Path, *, sinkhole: bool = False, host: str = "127.0.0.1",
                 port: int | None = None, confdir: Path | None = None, identity: Path | None = None,
                 attribution: str = "unknown", package: str | None = None,
                 first_party_domains: Sequence[str] = (), sdk_signatures: Sequence[Path] = ()) -> None:
        self.session_dir, self.sinkhole, self.host = session_dir, sinkhole, host
        self.port = port or free_port(host)
        self.confdir = confdir or default_confdir()
        self.identity = identity
        self.attribution = attribution
        self.package = package
        self.first_party_domains, self.sdk_signatures = list(first_party_domains), list(sdk_signatures)
        self.proc: subprocess.Popen[bytes] | None = None
        self.log_path = session_dir / "logs" / "mitmdump.log"

    @property
    def ca_pem(self) -> Path:
        return self.confdir / "mitmproxy-ca-cert.pem"

    def command(self) -> list[str]:
        cmd = [mitmdump_path(), "--quiet", "--listen-host", self.host, "--listen-port", str(self.port),
               "--set", f"confdir={self.confdir}", "-s", str(proxy_script()),
               "--set", f"dynscan_session={self.session_dir}", "--set", f"dynscan_attribution={self.attribution}"]
        if self.identity is not None:
            cmd += ["--set", f"dynscan_identity={self.identity}"]
        # What the session's destination classifier is built from (the config's part of it, as data).
        if self.package:
            cmd += ["--set", f"dynscan_package={self.package}"]
        if self.first_party_domains:
            cmd += ["--set", f"dynscan_first_party_domains={','.join(self.first_party_domains)}"]
        if self.sdk_signatures:
            cmd += ["--set", f"dynscan_sdk_signatures={os.pathsep.join(str(p) for p in self.sdk_signatures)}"]
        if self.sinkhole:
            cmd += ["-s", str(sinkhole_script()), "--set", "dynscan_sinkhole=true"]
        return cmd

    def start(self) -> ProxyProcess:
        if _listening(self.host, self.port):
            raise SetupError(f"cannot start mitmdump: {self.host}:{self.port} is already in use")
        self.confdir.mkdir(parents=True, exist_ok=True)
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        with self.log_path.open("ab") as log:
            self.proc = subprocess.Popen(self.command(), stdin=subprocess.DEVNULL, stdout=log, stderr=log,
                                         start_new_session=True)
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                tail = self.log_path.read_text(errors="replace").strip().splitlines()[-1:]
                raise SetupError(f"mitmdump exited at start: {tail[0] if tail else 'no output'}")
            if self.ca_pem.exists() and _listening(self.host, self.port):
                return self
            time.sleep(0.1)
        self.stop()
        raise SetupError(f"mitmdump did not listen on {self.host}:{self.port} within {START_TIMEOUT_S:.0f}s")

    def stop(self) -> None:
        proc, self.proc = self.proc, None
        if proc is None or proc.poll() is not None:
            return
        try:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=5)
        except ProcessLookupError:
            pass

    def __enter__(self) -> ProxyProcess:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def _listening(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=0.2):
            return True
    except OSError:
        return False
