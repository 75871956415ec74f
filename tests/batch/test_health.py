from __future__ import annotations

import socket

import pytest

from dynscan.batch.devices import Slot
from dynscan.batch.health import health_gate
from dynscan.instrument.doctor_checks import Check

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
