"""The phone's side of ``--capture wireguard``, against the scripted adb server."""

from __future__ import annotations

import pytest

from dynscan.device.android import AdbClient, DeviceSetup, Journal, restore_from_journal
from dynscan.device.android.shell import DeviceShell
from dynscan.device.android.wireguard import REMOTE_CONF, tunnel_up, wait_tunnel
from dynscan.errors import SetupError

from .adb_server import FakePhone, Reply

pytestmark = pytest.mark.integration

CONF = b"[Interface]\nPrivateKey = x=\nAddress = 10.0.0.1/32\n"
IP_UP = "12: tun0    inet 10.0.0.1/32 scope global tun0\\       valid_lft forever preferred_lft forever\n"


def _setup(client: AdbClient) -> DeviceSetup:
    return DeviceSetup("PHONE1", client, start_frida=False, wireguard_conf=CONF)


def test_conf_pushed_proxy_cleared_and_both_restored(client: AdbClient, phone: FakePhone) -> None:
    phone.settings["global/http_proxy"] = "10.1.1.1:3128"
    with _setup(client) as s:
        assert phone.files[REMOTE_CONF] == CONF
        assert "global/http_proxy" not in phone.settings  # both paths would capture the same requests
        assert any("WireGuard app" in n for n in s.notes)  # com.wireguard.android is not installed
    assert REMOTE_CONF not in phone.files
    assert phone.settings["global/http_proxy"] == "10.1.1.1:3128"
    assert f"<push {REMOTE_CONF}>" in phone.commands and f"rm -f {REMOTE_CONF}" in phone.commands
    assert not Journal("PHONE1").path.exists()


def test_no_previous_proxy_leaves_the_setting_alone(client: AdbClient, phone: FakePhone) -> None:
    phone.packages.append("com.wireguard.android")
    with _setup(client) as s:
        assert s.notes == []
    assert not [c for c in phone.commands if c.startswith("settings put") or c.startswith("settings delete")]


def test_killed_run_is_restored_from_the_journal(client: AdbClient, phone: FakePhone) -> None:
    s = _setup(client)
    s._apply()  # as if dynscan were killed with SIGKILL inside the session
    assert REMOTE_CONF in phone.files
    assert restore_from_journal("PHONE1", client) == ["wireguard_conf"]
    assert REMOTE_CONF not in phone.files


def test_tunnel_recognised_by_the_client_address(client: AdbClient, phone: FakePhone) -> None:
    shell = DeviceShell(client, "PHONE1")
    assert not tunnel_up(shell)
    answers: list[Reply] = [("1: lo    inet 127.0.0.1/8 scope host lo\n", "", 0), (IP_UP, "", 0)]
    phone.script["ip -o -4 addr show"] = lambda _cmd: answers.pop(0) if len(answers) > 1 else answers[0]
    wait_tunnel(shell, timeout_s=5, poll_s=0.01)
    assert tunnel_up(shell)
    phone.script["ip -o -4 addr show"] = ("", "", 0)
    with pytest.raises(SetupError, match="did not come up within 0s"):
        wait_tunnel(shell, timeout_s=0, poll_s=0.01)
