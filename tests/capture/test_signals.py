"""Signal harness: ``dynscan run`` (the real CLI, on the virtual device) killed at ten points.

Each case starts ``dynscan run --scenario quick`` and sends the signal as soon as the progress line
that opens the point appears on stderr (so it lands inside that phase). After SIGINT or SIGTERM:
exit 130 with one ``dynscan:`` line about it, no process and no temp file left, the reports complete or
absent, the session lock released and the session readable by ``dynscan analyze``. After SIGKILL
(exit -9, i.e. 137 in a shell) the next ``dynscan run`` start sweeps what was left.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from dynscan.util.runfolder import ENV
from dynscan.util.session_lock import LOCK_NAME

pytestmark = [pytest.mark.integration, pytest.mark.timeout(600)]
ROOT = Path(__file__).resolve().parents[2]
DYNSCAN = [sys.executable, "-m", "dynscan"]

#: (progress line that opens the point, signal)
POINTS = [
    ("opening device", signal.SIGTERM),
    ("starting the proxy", signal.SIGINT),                 # mitmdump is starting
    ("phase 1/6: first_launch", signal.SIGTERM),          # the JVM spawns, the agent attaches
    ("phase 2/6: decline", signal.SIGINT),
    ("phase 3/6: deny", signal.SIGTERM),
    ("phase 4/6: grant", signal.SIGKILL),
    ("phase 5/6: shake_probe", signal.SIGINT),
    ("phase 6/6: ad_probe", signal.SIGTERM),
    ("events in events.jsonl", signal.SIGKILL),          # the export after the device closed
    ("correlating and writing reports", signal.SIGINT),  # report writing
]


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """A private cache (the compiled framework shared, the runs folder not) and a private TMPDIR."""
    base = tmp_path_factory.mktemp("signals")
    cache, tmp = base / "cache", base / "tmp"
    cache.mkdir()
    tmp.mkdir()
    shared = Path(os.environ.get("DYNSCAN_CACHE_DIR", Path.home() / ".cache" / "dynscan"))
    for sub in ("sim", "mitmproxy"):
        if (shared / sub).is_dir():
            (cache / sub).symlink_to(shared / sub)
    yield {**os.environ, "DYNSCAN_CACHE_DIR": str(cache), "TMPDIR": str(tmp), "PYTHONUNBUFFERED": "1"}


@pytest.fixture(scope="module")
def apk(tmp_path_factory: pytest.TempPathFactory, env: dict[str, str]) -> Path:
    out = tmp_path_factory.mktemp("apk") / "leaky.apk"
    subprocess.run([*DYNSCAN, "sim", "build", str(ROOT / "examples" / "apps" / "leaky"), "-o", str(out)],
                   check=True, capture_output=True, timeout=300, env=env)
    return out


def _marked(cache: Path) -> list[int]:
    """Processes carrying a run folder of this cache in their environment."""
    needle = f"{ENV}={cache / 'runs'}".encode()
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                environ = Path(f"/proc/{entry}/environ").read_bytes()
                state = Path(f"/proc/{entry}/stat").read_text().split(") ")[1][:1]
            except (OSError, IndexError):
                continue
            if needle in environ and state not in "ZX":
                found.append(int(entry))
    return found


def _ctrl_c_as_from_a_terminal() -> None:
    """In the child: SIGINT back to its default, so Python turns it into KeyboardInterrupt even when this
    pytest was started in the background (``cmd &`` in a script ignores SIGINT, and children inherit that)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _run_until(apk: Path, out: Path, env: dict[str, str], line: str, sig: int) -> tuple[int, list[str]]:
    proc = subprocess.Popen([*DYNSCAN, "run", "--apk", str(apk), "--scenario", "quick", "--out", str(out),
                             "--fail-on", "never"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            text=True, env=env, preexec_fn=_ctrl_c_as_from_a_terminal)
    assert proc.stderr is not None
    lines: list[str] = []
    sent = threading.Event()

    def read() -> None:
        assert proc.stderr is not None
        for ln in proc.stderr:
            lines.append(ln.rstrip("\n"))
            if not sent.is_set() and line in ln:
                proc.send_signal(sig)
                sent.set()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    code = proc.wait(timeout=180)
    reader.join(10)
    assert sent.is_set(), f"the point {line!r} never came: {lines}"
    return code, lines


def _wait_gone(cache: Path, timeout_s: float = 15.0) -> list[int]:
    deadline = time.monotonic() + timeout_s
    while (left := _marked(cache)) and time.monotonic() < deadline:
        time.sleep(0.2)
    return left


def _check_session(out: Path, env: dict[str, str]) -> None:
    for report in out.glob("report.*"):
        if report.suffix == ".json":
            json.loads(report.read_text())  # complete, or it would not be there
    assert not [p.name for p in out.rglob("*.tmp")], "a temporary file was left in the session"
    if (out / "session.db").exists():
        r = subprocess.run([*DYNSCAN, "analyze", str(out), "--fail-on", "never"], capture_output=True, env=env,
                           timeout=120)
        assert r.returncode == 0, r.stderr
        assert json.loads(r.stdout)["package"] == "com.example.leaky"


@pytest.mark.parametrize(("line", "sig"), POINTS, ids=[f"{p[0].split(':')[0]}-{p[1].name}" for p in POINTS])
def test_run_interrupted_at_each_point(apk: Path, env: dict[str, str], tmp_path: Path, line: str, sig: int) -> None:
    cache, tmp = Path(env["DYNSCAN_CACHE_DIR"]), Path(env["TMPDIR"])
    out = tmp_path / "session"
    code, lines = _run_until(apk, out, env, line, sig)
    if sig == signal.SIGKILL:
        assert code == -signal.SIGKILL  # 137 in a shell
        # the next start sweeps: a run that fails its input checks at once still cleans up first
        r = subprocess.run([*DYNSCAN, "run", "--apk", str(tmp_path / "missing.apk")], capture_output=True,
                           text=True, env=env, timeout=120)
        assert r.returncode == 2 and "cleaned up after a killed run" in r.stderr, r.stderr
        assert str(out.resolve()) in r.stderr
    else:
        assert code == 130, lines
        last = lines[-1]
        assert last.startswith("dynscan: interrupted"), lines
        assert not [ln for ln in lines if "Traceback" in ln or "internal error" in ln], lines
    assert _wait_gone(cache) == [], "a process of the run is still there"
    assert list((cache / "runs").iterdir()) == [], "the run's temp folder is still there"
    assert list(tmp.iterdir()) == [], f"temp files left in TMPDIR: {list(tmp.iterdir())}"
    assert not (out / LOCK_NAME).exists()
    _check_session(out, env)
    shutil.rmtree(out, ignore_errors=True)
