from __future__ import annotations

import socket

import pytest

from dynscan.device.android import AdbClient
from dynscan.errors import SetupError

from .adb_server import FakePhone, ScriptedAdbServer

pytestmark = pytest.mark.integration


def test_version_and_devices(client: AdbClient, server: ScriptedAdbServer) -> None:
    assert client.version() == 41
    [d] = client.devices()
    assert (d.serial, d.state, d.attrs["model"], d.attrs["transport_id"]) == ("PHONE1", "device", "Pixel_6", "1")
    assert server.requests == ["host:version", "host:devices-l"]


def test_shell_v2_returns_exit_status_and_streams(client: AdbClient, phone: FakePhone,
                                                  server: ScriptedAdbServer) -> None:
    phone.script["false-ish"] = ("out\n", "err\n", 3)
    r = client.shell("PHONE1", "false-ish")
    assert (r.stdout, r.stderr, r.exit_code) == ("out\n", "err\n", 3)
    # adbutils: features, then the server's version decides host:tport (41+) over host:transport
    assert server.requests[-4:] == ["host-serial:PHONE1:features", "host:version", "host:tport:serial:PHONE1",
                                    "shell,v2:false-ish"]


def test_legacy_shell_uses_exit_marker() -> None:
    old = FakePhone(features="cmd")
    old.script["ls /nope"] = ("", "ls: /nope: No such file or directory\n", 2)
    old.script["echo hi"] = ("hi\n", "", 0)
    with ScriptedAdbServer(old) as srv:
        c = AdbClient("127.0.0.1", srv.port)
        r = c.shell("PHONE1", "ls /nope")
        assert r.exit_code == 2
        assert c.shell("PHONE1", "echo hi").stdout == "hi\n"
        assert "shell:ls /nope; echo X4EXIT:$?" in srv.requests
        with pytest.raises(SetupError, match=r"`ls /nope` failed \(exit 2\)"):
            c.check("PHONE1", "ls /nope")


def test_push_uses_chunks_of_at_most_64k_and_pull_reads_back(client: AdbClient, phone: FakePhone) -> None:
    data = bytes(range(256)) * 800  # 204800 bytes
    client.push("PHONE1", data, "/data/local/tmp/blob")
    assert max(phone.chunks) <= 65536 and sum(phone.chunks) == len(data)
    assert phone.files["/data/local/tmp/blob"] == data
    assert client.pull("PHONE1", "/data/local/tmp/blob") == data
    client.push("PHONE1", b"", "/data/local/tmp/empty")
    assert phone.files["/data/local/tmp/empty"] == b""


def test_pull_missing_file_is_one_line_error(client: AdbClient) -> None:
    with pytest.raises(SetupError, match="adb pull /sdcard/none: No such file or directory"):
        client.pull("PHONE1", "/sdcard/none")


def test_forward_and_reverse(client: AdbClient, server: ScriptedAdbServer) -> None:
    client.forward("PHONE1", "tcp:27042", "tcp:27042")
    client.reverse("PHONE1", "tcp:8080", "tcp:8080")
    client.reverse_remove("PHONE1", "tcp:8080")
    assert server.forwards == ["forward:tcp:27042;tcp:27042", "reverse:forward:tcp:8080;tcp:8080",
                               "reverse:killforward:tcp:8080"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_no_server_says_how_to_start_one() -> None:
    with pytest.raises(SetupError) as e:
        AdbClient("127.0.0.1", _free_port()).devices()
    assert "adb start-server" in str(e.value)
    assert "\n" not in str(e.value)


def test_adb_server_port_env(server: ScriptedAdbServer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ANDROID_ADB_SERVER_PORT", str(server.port))
    assert AdbClient().port == server.port
    assert AdbClient().version() == 41
    monkeypatch.setenv("ANDROID_ADB_SERVER_PORT", "abc")
    with pytest.raises(SetupError, match="ANDROID_ADB_SERVER_PORT"):
        AdbClient()


@pytest.mark.parametrize(("state", "expect"), [
    ("offline", "device BAD is offline"),
    ("unauthorized", "device BAD is unauthorized: accept the USB debugging prompt"),
    ("no permissions", "device BAD: no permissions for its USB device: add a udev rule"),
])
def test_unusable_device_is_one_line_setup_error(state: str, expect: str) -> None:
    with ScriptedAdbServer(FakePhone(serial="BAD", state=state)) as srv:
        c = AdbClient("127.0.0.1", srv.port)
        with pytest.raises(SetupError, match=expect) as e:
            c.shell("BAD", "id")
        assert "\n" not in str(e.value)
        with pytest.raises(SetupError, match=expect):
            c.device("BAD")._features = {"shell_v2"}  # the transport itself refuses, not only features
            c.shell("BAD", "id")


def test_unknown_serial(client: AdbClient) -> None:
    with pytest.raises(SetupError, match="device NOPE not found"):
        client.shell("NOPE", "id")


def test_no_permissions_state_is_kept_whole_and_listed_with_its_fix() -> None:
    from dynscan.device.android import list_android_devices

    with ScriptedAdbServer(FakePhone(serial="USB1", state="no permissions")) as srv:
        c = AdbClient("127.0.0.1", srv.port)
        [entry] = c.devices()
        assert entry.state == "no permissions"
        assert "plugdev" in entry.attrs["detail"] and entry.attrs["model"] == "Pixel_6"
        [info] = list_android_devices(c)
        assert info.notes == ["no permissions: add a udev rule for this USB device (or join the plugdev group), "
                              "replug it and run `adb kill-server`"]


def test_no_adb_server_is_never_started_for_us() -> None:
    """adbutils alone would run `adb start-server`; dynscan must not leave a daemon behind."""
    port = _free_port()
    with pytest.raises(SetupError, match=f"no adb server at 127.0.0.1:{port}"):
        AdbClient("127.0.0.1", port).version()
    with socket.socket() as s:
        assert s.connect_ex(("127.0.0.1", port)) != 0
