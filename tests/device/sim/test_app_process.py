"""An app JVM whose start is interrupted (Ctrl-C while it comes up) is stopped, not left behind."""

from __future__ import annotations

import os
import signal
import threading
from pathlib import Path

import pytest

from dynscan.device.processes import live_processes
from dynscan.device.sim.app_process import AppProcess


def test_an_interrupted_start_leaves_no_process(tmp_path: Path) -> None:
    java = tmp_path / "java"  # stands in for a JVM that takes its time to announce itself
    java.write_text("#!/bin/sh\necho $$ > \"$(dirname \"$0\")/pid\"\nexec sleep 60\n")
    java.chmod(0o755)
    timer = threading.Timer(0.5, os.kill, (os.getpid(), signal.SIGINT))  # a real Ctrl-C
    timer.start()
    with pytest.raises(KeyboardInterrupt):
        AppProcess.start(str(java), [], [], tmp_path, tmp_path, "com.example.slow", tmp_path / "app.log",
                         lambda _exit: None, ready_timeout_s=30)
    pid = int((tmp_path / "pid").read_text())
    assert live_processes() == []
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)
