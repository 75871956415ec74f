from __future__ import annotations

import socket
import sys
from pathlib import Path

import pytest

from dynscan.batch.devices import Slot
from dynscan.batch.health import health_gate
from dynscan.instrument.doctor_checks import Check

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "device"))  # the scripted adb server

pytestmark = pytest.mark.integration  # the gate runs `java -version` and `mitmdump --version`


def test_the_virtual_device_passes_when_the_host_tools_are_there() -> None:
    assert health_gate(Slot("sim-1", "sim")) is None


def test_a_phone_with_no_adb_server_fails_the_gate_in_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed once the block ends: nothing listens there
    monkeypatch.setenv("ANDROID_ADB_SERVER_PORT", str(port))
    problem = health_gate(Slot("emulator-5554", "emulator-5554"))
    assert problem is not None and problem.startswith("adb: ") and "\n" not in problem


def test_an_extra_failing_check_names_its_fix() -> None:
    problem = health_gate(Slot("sim-1", "sim"), extra=lambda s: [Check("ca", "fail", "CA missing", "re-run setup")])
    assert problem == "ca: CA missing (fix: re-run setup)"


@pytest.mark.timeout(60)
def test_a_phone_without_a_usable_frida_server_fails_the_gate_with_the_download(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from android.adb_server import FakePhone, ScriptedAdbServer

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))  # no cached frida-server, no journal
    with ScriptedAdbServer(FakePhone()) as server:
        monkeypatch.setenv("ANDROID_ADB_SERVER_PORT", str(server.port))
        problem = health_gate(Slot("PHONE1", "PHONE1"))
    assert problem is not None and problem.startswith("frida-server: PHONE1: no frida-server ")
    assert "(fix: download frida-server-" in problem and "\n" not in problem
