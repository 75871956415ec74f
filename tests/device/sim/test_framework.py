"""The framework's first compile, interrupted: no half-built classes and no javac left behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = [pytest.mark.integration, pytest.mark.timeout(300)]


def test_ctrl_c_during_the_first_compile_leaves_no_litter(tmp_path: Path) -> None:
    env = {**os.environ, "DYNSCAN_CACHE_DIR": str(tmp_path)}
    proc = subprocess.Popen([sys.executable, "-c", "from dynscan.device.sim.framework import framework_classes; "
                             "framework_classes()"], env=env, stderr=subprocess.PIPE, text=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))  # also under `cmd &`
    deadline = time.monotonic() + 60
    while not list(tmp_path.glob("sim/*/classes-*")):  # the compile is starting: javac spawned, or being spawned
        assert proc.poll() is None and time.monotonic() < deadline, "the compile never started"
        time.sleep(0.05)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode != 0 and "KeyboardInterrupt" in err
    [root] = [p for p in (tmp_path / "sim").iterdir() if p.is_dir()]
    assert list(root.iterdir()) == [], "half-built classes were left in the cache"
    javacs = subprocess.run(["pgrep", "-f", f"javac.*{tmp_path}"], capture_output=True, text=True).stdout.split()
    assert javacs == []
