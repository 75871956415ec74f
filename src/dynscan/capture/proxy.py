"""Runs ``mitmdump`` with dynscan's addons for one session, on loopback, and always stops it."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from dynscan.capture.wireguard import WireGuardFiles, WireGuardListen, free_udp_port, mode_spec, udp_in_use
from dynscan.device.processes import kill_group, start_group
from dynscan.errors import SetupError
from dynscan.proxy_addons import proxy_script, sinkhole_script, wireguard_conf_script

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
    """``with ProxyProcess(session_dir, sinkhole=True) as p: p.port, p.ca_pem``.

    With ``wireguard``, mitmdump runs in WireGuard mode instead (``--capture wireguard``): ``port`` is
    then its UDP port, and ``wireguard_files.client_conf`` the configuration the device imports.
    """

    def __init__(self, session_dir: Path, *, sinkhole: bool = False, host: str = "127.0.0.1",
                 port: int | None = None, confdir: Path | None = None, identity: Path | None = None,
                 attribution: str = "unknown", package: str | None = None,
                 first_party_domains: Sequence[str] = (), sdk_signatures: Sequence[Path] = (),
                 wireguard: WireGuardListen | None = None) -> None:
        self.session_dir, self.sinkhole, self.host = session_dir, sinkhole, host
        self.wireguard = wireguard
        self.wireguard_files = WireGuardFiles(session_dir / "wireguard")
        if wireguard is not None:
            self.host = wireguard.host
            self.port = wireguard.port or free_udp_port(wireguard.host)
        else:
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
        if self.wireguard is not None:
            listen = ["--mode", mode_spec(self.wireguard_files.keys, self.host, self.port),
                      "-s", str(wireguard_conf_script()),
                      "--set", f"dynscan_wireguard_conf={self.wireguard_files.client_conf}",
                      "--set", f"dynscan_wireguard_endpoint={self.wireguard.endpoint(self.port)}"]
        else:
            listen = ["--listen-host", self.host, "--listen-port", str(self.port)]
        cmd = [mitmdump_path(), "--quiet", *listen,
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
        if self.wireguard is not None:
            if udp_in_use(self.host, self.port):
                raise SetupError(f"cannot start mitmdump: UDP {self.host}:{self.port} is already in use")
            self.wireguard_files.create_keys()
        elif _listening(self.host, self.port):
            raise SetupError(f"cannot start mitmdump: {self.host}:{self.port} is already in use")
        self.confdir.mkdir(parents=True, exist_ok=True)
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        with self.log_path.open("ab") as log:  # own process group, remembered: stopped on every exit path
            self.proc = start_group(self.command(), stdin=subprocess.DEVNULL, stdout=log, stderr=log)
        try:
            return self._wait_listening()
        except BaseException:  # Ctrl-C or SIGTERM while mitmdump starts: stop it before unwinding
            self.stop()
            raise

    def _wait_listening(self) -> ProxyProcess:
        assert self.proc is not None
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                tail = self.log_path.read_text(errors="replace").strip().splitlines()[-1:]
                raise SetupError(f"mitmdump exited at start: {tail[0] if tail else 'no output'}")
            if self.ca_pem.exists() and self._ready():
                return self
            time.sleep(0.1)
        raise SetupError(f"mitmdump did not listen on {self.host}:{self.port} within {START_TIMEOUT_S:.0f}s")

    def _ready(self) -> bool:
        if self.wireguard is not None:  # written by mitmdump once its WireGuard server runs
            return self.wireguard_files.client_conf.exists()
        return _listening(self.host, self.port)

    def stop(self) -> None:
        proc, self.proc = self.proc, None
        if proc is None or proc.poll() is not None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGTERM)  # mitmdump writes its last flows, its worker its last events
        kill_group(proc, grace_s=10)  # then SIGKILL whatever of the group is left

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
