"""Waiting for an emulator to boot, against the scripted adb server: absent, offline, booting, booted."""

from __future__ import annotations

import threading

import pytest

from dynscan.device.android import AdbClient
from dynscan.device.android.boot import boot_state, wait_for_boot
from dynscan.errors import SetupError

from .adb_server import FakePhone, ScriptedAdbServer

pytestmark = pytest.mark.integration

SERIAL = "emulator-5554"


def _emulator() -> FakePhone:
    phone = FakePhone(serial=SERIAL, state="offline")
    phone.props["sys.boot_completed"] = ""
    return phone


def test_states_in_boot_order(server: ScriptedAdbServer, client: AdbClient) -> None:
    assert boot_state(client, SERIAL) == "absent"
    phone = _emulator()
    server.phones[SERIAL] = phone
    assert boot_state(client, SERIAL) == "offline"
    phone.state = "device"
    assert boot_state(client, SERIAL) == "booting"
    phone.props["sys.boot_completed"] = "1"
    assert boot_state(client, SERIAL) == "booted"


def test_no_adb_server_is_a_state_not_an_error() -> None:
    import socket

    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    assert boot_state(AdbClient("127.0.0.1", port, timeout_s=1), SERIAL) == "no adb server"


@pytest.mark.timeout(30)
def test_waits_until_boot_completed(server: ScriptedAdbServer, client: AdbClient) -> None:
    phone = _emulator()
    polls: list[str] = []

    def boot_later(_cmd: str) -> tuple[str, str, int]:  # the third getprop sees the boot completed
        polls.append("getprop")
        return ("1\n" if len(polls) >= 3 else "\n"), "", 0

    phone.script["getprop sys.boot_completed"] = boot_later
    threading.Timer(0.3, lambda: server.phones.__setitem__(SERIAL, phone)).start()
    threading.Timer(0.6, lambda: setattr(phone, "state", "device")).start()
    notes: list[str] = []
    took = wait_for_boot(client, SERIAL, 20, progress=notes.append, poll_s=0.1)
    assert len(polls) == 3 and 0.6 <= took < 20


@pytest.mark.timeout(30)
def test_timeout_and_early_exit_are_one_line_errors(server: ScriptedAdbServer, client: AdbClient) -> None:
    server.phones[SERIAL] = _emulator()
    with pytest.raises(SetupError, match=r"^emulator-5554 did not finish booting within 1 s \(last state: offline\)$"):
        wait_for_boot(client, SERIAL, 1, poll_s=0.1)
    with pytest.raises(SetupError, match=r"exited \(code 3\) before it booted"):
        wait_for_boot(client, SERIAL, 20, exited=lambda: 3, poll_s=0.1)
