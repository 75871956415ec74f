"""The per-run temp folder: removed on exit; what a SIGKILLed run left is found and swept."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from dynscan.util import runfolder
from dynscan.util.session_lock import LOCK_NAME


@pytest.fixture(autouse=True)
def _own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DYNSCAN_CACHE_DIR", str(tmp_path / "cache"))


def test_temp_files_go_into_the_run_folder_and_are_removed(tmp_path: Path) -> None:
    with runfolder.run_folder() as folder:
        assert tempfile.gettempdir() == str(folder / "tmp") and os.environ["TMPDIR"] == str(folder / "tmp")
        made = Path(tempfile.mkdtemp(prefix="dynscan-sim-"))
        assert folder in made.parents
        child = subprocess.Popen(["sleep", "60"], start_new_session=True)  # marked by DYNSCAN_RUN_DIR
        time.sleep(0.1)
        assert runfolder.marked_processes(folder) == [child.pid]
        with runfolder.run_folder() as again:  # re-entrant
            assert again == folder
    assert not folder.exists() and os.environ.get(runfolder.ENV) is None
    assert child.wait(5) == -signal.SIGKILL  # a child left at exit is stopped


def test_a_child_is_marked_from_the_moment_popen_returns(tmp_path: Path) -> None:
    """Right after execve the kernel shows an empty environment for a moment; a sweep then must still see
    the mark (a loaded machine hit that window in ``dynscan doctor``'s test: "0 processes still running")."""
    folder = tmp_path / "run"
    for _ in range(30):
        child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"],
                                 env={runfolder.ENV: str(folder), "PATH": "/usr/bin:/bin"}, start_new_session=True)
        try:
            assert runfolder.marked_processes(folder) == [child.pid]
        finally:
            child.kill()
            child.wait()


_KILLED_RUN = """
import subprocess, sys, time
from pathlib import Path
from dynscan.util.runfolder import note_session, run_folder
from dynscan.util.session_lock import claim_new
with run_folder() as folder:
    lock = claim_new(Path(sys.argv[1]), exclusive=True)
    note_session(lock.root)
    child = subprocess.Popen(["sleep", "300"], start_new_session=True)
    print(folder, child.pid, flush=True)
    time.sleep(300)
"""


def test_sweep_cleans_up_after_a_sigkilled_run(tmp_path: Path) -> None:
    session = tmp_path / "session"
    proc = subprocess.Popen([sys.executable, "-c", _KILLED_RUN, str(session)], stdout=subprocess.PIPE, text=True,
                            env={**os.environ})
    assert proc.stdout is not None
    folder_s, child_s = proc.stdout.readline().split()
    folder, child = Path(folder_s), int(child_s)
    assert runfolder.leftovers() == []  # a live run is not a leftover
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    time.sleep(0.1)
    [left] = runfolder.leftovers()
    assert left.folder == folder and left.pid == proc.pid and left.session == session.resolve()
    assert left.processes == [child] and "killed run" in left.describe()
    (session / ".session.json.k3x9_q.tmp").write_bytes(b'{"half')  # replacing() was writing when killed
    (session / "notes.tmp").write_text("not ours")
    assert [x.folder for x in runfolder.sweep()] == [folder]
    assert sorted(p.name for p in session.iterdir()) == ["notes.tmp"]
    assert not folder.exists() and not (session / LOCK_NAME).exists() and session.is_dir()
    deadline = time.monotonic() + 5
    while not _gone(child) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _gone(child) and runfolder.leftovers() == []


def _gone(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(") ")[1].startswith(("Z", "X"))
    except (OSError, IndexError):
        return True


def test_a_read_only_cache_falls_back_to_the_system_temp_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "ro"
    cache.mkdir(mode=0o500)
    monkeypatch.setenv("DYNSCAN_CACHE_DIR", str(cache))
    monkeypatch.setattr(runfolder, "runs_root", lambda: cache / "runs" / "x")  # cannot be created
    if os.access(cache, os.W_OK):  # root ignores the mode: make the path impossible instead
        (cache / "runs").write_text("a file, not a folder")
    with runfolder.run_folder() as folder:
        assert folder.is_dir() and (folder / "tmp").is_dir() and cache not in folder.parents
    assert not folder.exists()
