"""The sample-app scans the capture tests share (the ``scans`` fixture of conftest.py): every app of
``examples/apps/expectations.json`` (what the emulator CI checks on real Android) through the default
scenario, plus a few runs tests ask for by name. (A module of its own: tests import its tables, and a
conftest.py is not imported by name.)

Each is built and run once per session, ``dynscan run`` as a subprocess with its waits scaled down
(``--time-scale``), several side by side. A test names the runs it reads with ``@pytest.mark.scans(NAME,
...)`` (or as the value of a parameter); when the first such test starts, every run a collected test
names starts, so ``pytest -k`` on one test scans only what it reads. A sample added to expectations.json
is scanned and checked with no other change
(``test_sample_apps.py::test_every_sample_gets_what_the_emulator_ci_expects``).
"""

from __future__ import annotations

import http.server
import json
import os
import ssl
import subprocess
import sys
import threading
import time
from collections.abc import Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any, NamedTuple

import trustme

from dynscan.util.runfolder import ENV

ROOT = Path(__file__).resolve().parents[2]
APPS = ROOT / "examples" / "apps"
DYNSCAN = [sys.executable, "-m", "dynscan"]
TIME_SCALE = 0.2
PARALLEL = 4
#: In a run's options: the https URL of pushy_updater/policy.html on a local server (``--policy URL``).
POLICY_URL = "{policy_url}"
POLICY_GETS: list[str] = []  # the paths the policy server was asked for
RUN_DIR_VAR = f"{ENV}=".encode()

#: app directory under examples/apps -> the rules its report must hold (the emulator CI's list)
EXPECTATIONS: dict[str, set[str]] = {
    app: set(rules) for app, rules in json.loads((APPS / "expectations.json").read_text(encoding="utf-8")).items()}


class Scan(NamedTuple):
    src: Path
    #: more ``dynscan run`` options
    extra: tuple[str, ...] = ("-f", "json")


#: Started first, in this order, as the sample tests started them before they shared one pool (the order of the
#: first wave of cold starts, kept as it was measured).
_EARLY = ("remembered_refusal", "remembered_denial", "asks_first", "two_step_refusal", "exits_on_denial",
          "sdk_after_grant", "own_backend", "custom_dialog", "bundled_sdk", "plugin_sdk")

#: run name -> what to scan: every sample under its own name, then the runs tests add.
SCANS: dict[str, Scan] = {
    **{app: Scan(APPS / app) for app in [*(a for a in _EARLY if a in EXPECTATIONS), *sorted(set(EXPECTATIONS) -
                                                                                             set(_EARLY))]},
    "leaky": Scan(APPS / "leaky", ()),  # every report format (test_scan.py reads them all)
    "pushy_with_policy": Scan(APPS / "pushy_updater", ("-f", "json", "--policy", POLICY_URL)),
    "grant_crash": Scan(Path(__file__).parent / "sim_apps" / "grant_crash"),
    "crash_always": Scan(Path(__file__).parent / "sim_apps" / "crash_always"),
}


def run_processes(pids: Iterable[int]) -> list[str]:
    """Live processes of the ``dynscan run`` processes with these pids: their JVMs, mitmdumps and workers carry
    the run's folder ``runs/<pid>-<random>`` in ``DYNSCAN_RUN_DIR`` (:mod:`dynscan.util.runfolder`). Only these
    runs' own: another test, or another pytest on the machine, may be running JVMs of its own meanwhile."""
    prefixes = tuple(f"{pfx}{pid}-".encode() for pid in pids for pfx in ("", "dynscan-run-"))
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            env = (entry / "environ").read_bytes().split(b"\0")
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        for var in env:
            if var.startswith(RUN_DIR_VAR) and var[len(RUN_DIR_VAR):].rsplit(b"/", 1)[-1].startswith(prefixes):
                found.append(f"{entry.name} {cmdline}")
    return found


def no_run_processes(pids: Iterable[int], timeout: float = 10) -> list[str]:
    """:func:`run_processes` once they are gone, or those still there after ``timeout`` seconds (a JVM killed
    a moment ago may take a while to end on a loaded machine; one that stays is what a test looks for)."""
    pids = list(pids)
    deadline = time.monotonic() + timeout
    while (left := run_processes(pids)) and time.monotonic() < deadline:
        time.sleep(0.2)
    return left


_BUILT: dict[Path, threading.Lock] = {}
PIDS: list[int] = []  # of every ``dynscan run`` started here


def _build(src: Path, work: Path) -> Path:
    """The app's apk, built by the first run that needs it (in its own worker: a build competes with at most
    the runs under way, as a run's own build would)."""
    apk = work / "apks" / f"{src.name}.apk"
    with _BUILT.setdefault(src, threading.Lock()):
        if not apk.exists():
            apk.parent.mkdir(exist_ok=True)
            subprocess.run([*DYNSCAN, "sim", "build", str(src), "-o", str(apk)], check=True, capture_output=True,
                           timeout=300)
    return apk


class _Policy(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        POLICY_GETS.append(self.path)
        body = (APPS / "pushy_updater" / "policy.html").read_bytes()
        self.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nConnection: close\r\n"
                         b"Content-Length: %d\r\n\r\n" % len(body) + body)

    def log_message(self, *args: object) -> None:
        pass


def _policy_server(work: Path) -> tuple[str, dict[str, str]]:
    """pushy_updater's policy over https, and the environment that trusts its CA (SSL_CERT_FILE)."""
    ca = trustme.CA()
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Policy)
    ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1").configure_cert(ctx)
    httpd.socket = ctx.wrap_socket(httpd.socket, server_side=True)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    ca.cert_pem.write_to_path(str(work / "ca.pem"))
    return (f"https://127.0.0.1:{httpd.server_address[1]}/privacy/policy.html",
            {**os.environ, "SSL_CERT_FILE": str(work / "ca.pem")})


def _scan(name: str, scan: Scan, work: Path, policy: tuple[str, dict[str, str]]) -> dict[str, Any]:
    apk = _build(scan.src, work)
    session = work / name
    start = time.monotonic()
    extra = [policy[0] if a == POLICY_URL else a for a in scan.extra]
    with subprocess.Popen([*DYNSCAN, "run", "--apk", str(apk), "--out", str(session), "--time-scale", str(TIME_SCALE),
                           *extra], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=policy[1]) as proc:
        PIDS.append(proc.pid)
        try:
            _, stderr = proc.communicate(timeout=400)
        except subprocess.TimeoutExpired:
            proc.kill()
            _, stderr = proc.communicate()
    report = json.loads((session / "report.json").read_text()) if (session / "report.json").is_file() else {}
    events = [json.loads(line) for line in (session / "events.jsonl").read_text(encoding="utf-8").splitlines()] \
        if (session / "events.jsonl").is_file() else []
    return {"rc": proc.returncode, "stderr": stderr, "report": report, "events": events, "session": session,
            "wall": time.monotonic() - start}


class Scans:
    """Runs of :data:`SCANS` under way; ``scans[name]`` waits for one and checks it wrote a report."""

    def __init__(self, work: Path, names: list[str]) -> None:
        self.work = work
        self._policy = _policy_server(work)
        self._pool = ThreadPoolExecutor(PARALLEL)
        self.runs: dict[str, Future[dict[str, Any]]] = {}
        for name in names:
            self._start(name)

    def _start(self, name: str) -> Future[dict[str, Any]]:
        if name not in self.runs:
            self.runs[name] = self._pool.submit(_scan, name, SCANS[name], self.work, self._policy)
        return self.runs[name]

    def __getitem__(self, name: str) -> dict[str, Any]:
        res = (self.runs.get(name) or self._start(name)).result(timeout=1200)
        assert res["report"], res["stderr"][-3000:]
        return res

    def settle(self) -> None:
        """Wait until every run started has ended (before a test counts the processes left running)."""
        for run in list(self.runs.values()):
            run.exception(timeout=1200)

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)
