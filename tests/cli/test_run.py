"""``dynscan run`` options checked before anything starts."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest


@pytest.mark.parametrize(("extra", "needle"), [
    (["--time-scale", "0"], "--time-scale"),
    (["--time-scale", "fast"], "--time-scale"),
    (["--scenario", "nope"], "nope: no such scenario (built-in: default, quick, first-launch)"),
])
def test_bad_run_options_are_one_line_and_exit_2(tmp_path: Path, extra: list[str], needle: str) -> None:
    apk = tmp_path / "a.apk"
    apk.write_bytes(b"PK\x05\x06" + b"\0" * 18)  # an empty zip
    proc = subprocess.run([sys.executable, "-m", "dynscan", "run", "--apk", str(apk), "--out", str(tmp_path / "s"),
                           *extra], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2 and needle in proc.stderr and proc.stderr.count("\n") == 1, proc.stderr
    assert not (tmp_path / "s").exists()
