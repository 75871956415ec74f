"""The device registry and the process-group helper."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dynscan.device.processes import group_alive, kill_group, live_processes, start_group, wait_until
from dynscan.device.registry import list_devices, open_device
from dynscan.errors import DynscanError


def test_registry_lists_and_opens_the_virtual_device(monkeypatch: pytest.MonkeyPatch) -> None:
    with socket.socket() as s:  # a port where no adb server listens
        s.bind(("127.0.0.1", 0))
        monkeypatch.setenv("ANDROID_ADB_SERVER_PORT", str(s.getsockname()[1]))
    assert [d.serial for d in list_devices()] == ["sim"]
    dev = open_device("sim")
    try:
        assert dev.info().kind == "sim"
    finally:
        dev.close()
    with pytest.raises(DynscanError, match="adb start-server"):
        open_device("emulator-5554")


def _running_in_group(pgid: int) -> bool:
    """A live (not zombie) process in the group?"""
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        if int(fields[2]) == pgid and fields[0] != "Z":
            return True
    return False


@pytest.mark.timeout(30)
def test_kill_group_kills_children_after_the_grace() -> None:
    code = "import subprocess, time; subprocess.Popen(['sleep', '60']); print('started', flush=True); time.sleep(60)"
    proc = start_group([sys.executable, "-c", code], stdout=subprocess.PIPE)
    assert proc.stdout is not None and proc.stdout.readline() == b"started\n"  # the child exists (not a fixed wait)
    assert group_alive(proc.pid)
    t0 = time.monotonic()
    kill_group(proc, grace_s=0.5)
    assert 0.4 < time.monotonic() - t0 < 5
    assert wait_until(lambda: not _running_in_group(proc.pid), 3)
    assert proc not in live_processes()
