"""Session directories: unique default names, exclusive creation, one run per directory."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dynscan.errors import InputError
from dynscan.scan import _claim_out
from dynscan.util.session_lock import LOCK_NAME, claim_default, claim_new, default_session_name, held_by_nobody


def test_default_names_in_the_same_second_differ() -> None:
    t = 1_700_000_000.5
    names = {default_session_name(t) for _ in range(50)}
    assert len(names) == 50 and all(n.startswith("dynscan-") and "-500000-" in n for n in names)


def test_default_directories_are_created_exclusively_and_0700(tmp_path: Path) -> None:
    a, b = claim_default(tmp_path), claim_default(tmp_path)
    try:
        assert a.root != b.root and a.root.is_dir() and b.root.is_dir()
        assert a.root.stat().st_mode & 0o777 == 0o700
        with pytest.raises(InputError, match="already exists"):
            claim_new(a.root, exclusive=True)
    finally:
        a.release()
        b.release()
    assert not (a.root / LOCK_NAME).exists()  # released: the lock file goes


def test_a_second_run_on_the_same_out_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "same"
    first = _claim_out(out)
    try:
        with pytest.raises(InputError, match=f"in use by another dynscan run \\(pid {os.getpid()}\\)"):
            _claim_out(out)
    finally:
        first.release()
    second = _claim_out(out)  # free again once the first run ended
    second.release()


def test_a_session_that_holds_a_database_is_not_reused(tmp_path: Path) -> None:
    (tmp_path / "s").mkdir()
    (tmp_path / "s" / "session.db").write_bytes(b"")
    with pytest.raises(InputError, match="already holds a session"):
        _claim_out(tmp_path / "s")
    assert not (tmp_path / "s" / LOCK_NAME).exists()


def test_the_lock_of_a_killed_run_is_held_by_nobody(tmp_path: Path) -> None:
    code = ("import sys, time; from pathlib import Path; from dynscan.util.session_lock import claim_new; "
            "claim_new(Path(sys.argv[1]), exclusive=True); print('locked', flush=True); time.sleep(60)")
    proc = subprocess.Popen([sys.executable, "-c", code, str(tmp_path / "s")], stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "locked"
        assert not held_by_nobody(tmp_path / "s" / LOCK_NAME)
        with pytest.raises(InputError, match="in use"):
            _claim_out(tmp_path / "s")
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    time.sleep(0.05)
    assert held_by_nobody(tmp_path / "s" / LOCK_NAME)  # the kernel dropped the lock with the process
