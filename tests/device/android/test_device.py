from __future__ import annotations

import socket
import subprocess
from pathlib import Path
from typing import Any

import pytest

from dynscan.device.android import AdbClient, AndroidDevice, list_android_devices
from dynscan.device.android.cacert import cert_file_name, subject_hash_old
from dynscan.device.android.device import UI_DUMP
from dynscan.device.base import SensorSample
from dynscan.errors import InputError, SetupError

from .adb_server import FakePhone, ScriptedAdbServer
from .axml_factory import make_apk
from .conftest import make_ca

pytestmark = pytest.mark.integration

IMEI_PARCEL = """Result: Parcel(
  0x00000000: 00000000 0000000f 00350033 00340035 '........3.5.5.4.'
  0x00000010: 00310031 00300030 00300030 00300030 '1.1.0.0.0.0.0.0.'
  0x00000020: 00310030 00000030                   '0.1.0...        ')
"""


@pytest.fixture
def dev(client: AdbClient) -> AndroidDevice:
    return AndroidDevice("PHONE1", client)


def test_install_pushes_then_pm_install_replace_test_downgrade_without_grant(
        dev: AndroidDevice, phone: FakePhone, tmp_path: Path) -> None:
    phone.script["pm install -r -t -d /data/local/tmp/dynscan-install-0.apk"] = ("Success\n", "", 0)
    info = dev.install(make_apk(tmp_path / "demo.apk", "com.example.demo"))
    assert (info.package, info.launcher_activity) == ("com.example.demo", "com.example.demo.MainActivity")
    assert phone.commands == ["<push /data/local/tmp/dynscan-install-0.apk>",
                              "pm install -r -t -d /data/local/tmp/dynscan-install-0.apk",
                              "rm -f /data/local/tmp/dynscan-install-0.apk"]
    dev.launch("com.example.demo")
    assert phone.commands[-1] == "am start -n com.example.demo/com.example.demo.MainActivity"


def test_install_failure_is_setup_error(dev: AndroidDevice, phone: FakePhone, tmp_path: Path) -> None:
    phone.script["pm install -r -t -d /data/local/tmp/dynscan-install-0.apk"] = (
        "Failure [INSTALL_FAILED_OLDER_SDK]\n", "", 1)
    with pytest.raises(SetupError, match="INSTALL_FAILED_OLDER_SDK"):
        dev.install(make_apk(tmp_path / "demo.apk"))
    assert phone.commands[-1] == "rm -f /data/local/tmp/dynscan-install-0.apk"


def test_driving_commands(dev: AndroidDevice, phone: FakePhone) -> None:
    events: list[dict[str, Any]] = []
    dev.set_event_sink(events.append)
    phone.script["pm clear com.x"] = ("Success\n", "", 0)
    phone.script[f"uiautomator dump {UI_DUMP}"] = (
        lambda c: (phone.files.__setitem__(UI_DUMP, b"<hierarchy rotation=\"0\"/>"),
                   (f"UI hierchary dumped to: {UI_DUMP}\n", "", 0))[1])
    dev.tap(120, 640)
    dev.key("HOME")
    dev.key("BACK")
    dev.stop("com.x")
    dev.clear("com.x")
    assert dev.dump_ui() == '<hierarchy rotation="0"/>'
    assert phone.commands == ["input tap 120 640", "input keyevent KEYCODE_HOME", "input keyevent KEYCODE_BACK",
                              "am force-stop com.x", "pm clear com.x", f"rm -f {UI_DUMP}",
                              f"uiautomator dump {UI_DUMP}", f"<pull {UI_DUMP}>", f"rm -f {UI_DUMP}"]
    assert UI_DUMP not in phone.files
    assert events[0]["kind"] == "app_state" and events[0]["cause"] == "driver"
    with pytest.raises(InputError):
        dev.key("MENU")  # type: ignore[arg-type]
    with pytest.raises(SetupError, match=r"pm clear com\.y"):
        dev.clear("com.y")


def test_grant_asks_dumpsys_then_pm_grant(dev: AndroidDevice, phone: FakePhone, tmp_path: Path) -> None:
    phone.script["pm install -r /data/local/tmp/dynscan-demo.apk"] = ("Success\n", "", 0)
    dev.install(make_apk(tmp_path / "demo.apk", "com.example.demo",
                         perms=("android.permission.CAMERA", "android.permission.READ_PHONE_STATE",
                                "android.permission.INTERNET")))
    phone.script["dumpsys package com.example.demo"] = (
        "    runtime permissions:\n      android.permission.CAMERA: granted=true, flags=[ USER_SET ]\n"
        "      android.permission.READ_PHONE_STATE: granted=false, flags=[ USER_SET ]\n", "", 0)
    phone.script["pm grant com.example.demo android.permission.READ_PHONE_STATE"] = ("", "", 0)
    assert dev.grant("com.example.demo", "android.permission.READ_PHONE_STATE") is True
    assert dev.grant("com.example.demo", "android.permission.CAMERA") is False  # already granted
    assert dev.grant("com.example.demo", "android.permission.INTERNET") is False  # not a runtime permission
    assert dev.grant("com.example.demo", "android.permission.READ_CONTACTS") is False  # not declared
    assert [c for c in phone.commands if c.startswith("pm grant")] == [
        "pm grant com.example.demo android.permission.READ_PHONE_STATE"]


def test_info_properties_and_packages(dev: AndroidDevice, phone: FakePhone, ca_pem: Path) -> None:
    phone.running.add("frida-server")
    phone.rooted = False
    dev.ca_pem = ca_pem
    name = cert_file_name(ca_pem.read_bytes())
    phone.files[f"/data/misc/user/0/cacerts-added/{name}"] = ca_pem.read_bytes()  # apps don't trust the user store
    assert not dev.info().ca_installed
    phone.files[f"/system/etc/security/cacerts/{name}"] = ca_pem.read_bytes()
    info = dev.info()
    assert (info.kind, info.model, info.sdk_int, info.rooted, info.frida_server, info.ca_installed) == (
        "phone", "Google Pixel 6", 33, False, True, True)
    assert dev.properties()["ro.build.version.release"] == "13"
    phone.packages.append("com.example.demo")
    assert dev.list_packages() == ["android", "com.android.settings", "com.example.demo"]


def test_identity_best_effort(dev: AndroidDevice, phone: FakePhone) -> None:
    phone.files["/sys/class/net/wlan0/address"] = b"AA:BB:CC:00:11:22\n"
    phone.script["service call iphonesubinfo 1 s16 com.android.shell"] = (IMEI_PARCEL, "", 0)
    assert dev.identity() == {"android_id": "9774d56d682e549c", "serial": "1A2B3C4D",
                              "mac": "aa:bb:cc:00:11:22", "imei": "355411000000010"}
    assert "su -c 'service call iphonesubinfo 1 s16 com.android.shell'" in phone.commands


def test_subject_hash_old_matches_openssl(ca_pem: Path) -> None:
    out = subprocess.run(["openssl", "x509", "-subject_hash_old", "-noout", "-in", str(ca_pem)],
                         capture_output=True, text=True, check=True).stdout.strip()
    assert subject_hash_old(ca_pem.read_bytes()) == out


def test_sensor_injection_needs_an_injector(dev: AndroidDevice) -> None:
    s = [SensorSample("accelerometer", (0.0, 9.8, 0.0), 0.0)]
    with pytest.raises(SetupError, match="goes through the agent"):
        dev.inject_sensor(s)
    got: list[list[SensorSample]] = []
    dev.set_sensor_injector(got.append)
    dev.inject_sensor(s)
    assert got == [s]


@pytest.mark.timeout(30)
def test_spawn_forwards_frida_port_and_fails_cleanly_without_frida_server(
        client: AdbClient, server: ScriptedAdbServer) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = int(s.getsockname()[1])
    dev = AndroidDevice("PHONE1", client, frida_port=port)
    with pytest.raises(SetupError, match=r"frida-server not reachable|cannot spawn") as e:
        dev.spawn("com.example.demo")
    assert "\n" not in str(e.value)
    assert server.forwards == [f"forward:tcp:{port};tcp:27042"]
    dev.close()
    assert server.forwards[-1] == f"killforward:tcp:{port}"


def test_list_android_devices() -> None:
    good, bad = FakePhone(serial="emulator-5554"), FakePhone(serial="X9", state="unauthorized")
    good.props["ro.kernel.qemu"] = "1"
    with ScriptedAdbServer(good, bad) as srv:
        found = list_android_devices(AdbClient("127.0.0.1", srv.port))
    assert [(d.serial, d.kind, d.rooted) for d in found] == [
        ("emulator-5554", "emulator", True), ("X9", "phone", False)]
    assert "unauthorized" in found[1].notes[0]
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = int(s.getsockname()[1])
    assert list_android_devices(AdbClient("127.0.0.1", port)) == []
    with pytest.raises(SetupError, match="adb start-server"):
        list_android_devices(AdbClient("127.0.0.1", port), missing_ok=False)


def test_is_running_asks_pidof(dev: AndroidDevice, phone: FakePhone) -> None:
    phone.script["pidof com.x"] = ("4242\n", "", 0)
    phone.script["pidof com.gone"] = ("", "", 1)
    assert dev.is_running("com.x") is True
    assert dev.is_running("com.gone") is False


def test_ca_installed_means_dynscans_own_ca_by_fingerprint(dev: AndroidDevice, phone: FakePhone, ca_pem: Path,
                                                          tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from dynscan.device.android.cacert import dynscan_ca

    monkeypatch.setenv("DYNSCAN_CACHE_DIR", str(tmp_path / "dc"))
    assert dynscan_ca() == tmp_path / "dc" / "mitmproxy" / "mitmproxy-ca-cert.pem"
    info = dev.info()
    assert not info.ca_installed and any("`dynscan run` creates and installs it" in n for n in info.notes)
    dynscan_ca().parent.mkdir(parents=True)
    dynscan_ca().write_bytes(ca_pem.read_bytes())
    other = make_ca(tmp_path / "other.pem").read_bytes()  # same name on the phone, another certificate
    phone.files[f"/system/etc/security/cacerts/{cert_file_name(ca_pem.read_bytes())}"] = other
    info = dev.info()
    assert not info.ca_installed and any("a different CA is installed as" in n for n in info.notes)


def test_a_stale_dump_is_never_read_as_the_current_screen(dev: AndroidDevice, phone: FakePhone) -> None:
    phone.files[UI_DUMP] = b'<hierarchy rotation="0"><node text="the previous screen"/></hierarchy>'
    phone.script[f"uiautomator dump {UI_DUMP}"] = ("ERROR: could not get idle state.\n", "", 0)  # exit 0 anyway
    with pytest.raises(SetupError, match="uiautomator could not dump the screen: ERROR: could not get idle") as e:
        dev.dump_ui()
    assert "\n" not in str(e.value) and f"<pull {UI_DUMP}>" not in phone.commands
