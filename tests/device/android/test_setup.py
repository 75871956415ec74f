from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from dynscan.device.android import AdbClient, DeviceSetup, Journal, Terminated, restore_from_journal
from dynscan.errors import SetupError

from .adb_server import FakePhone, ScriptedAdbServer
from .conftest import make_ca

pytestmark = pytest.mark.integration

SET = ["settings get global http_proxy", "settings put global http_proxy 127.0.0.1:8080"]
APEX = "/apex/com.android.conscrypt/cacerts"
STORE = "/system/etc/security/cacerts"
CLEARED = ["settings put global http_proxy :0", "settings delete global http_proxy"]


def _setup(client: AdbClient, **kw: object) -> DeviceSetup:
    return DeviceSetup("PHONE1", client, proxy_port=8080, start_frida=False, **kw)  # type: ignore[arg-type]


def test_proxy_set_and_restored_on_normal_exit(client: AdbClient, phone: FakePhone,
                                               server: ScriptedAdbServer) -> None:
    with _setup(client) as s:
        assert phone.settings["global/http_proxy"] == "127.0.0.1:8080"
        assert s.journal.path.is_file()
    assert phone.commands == SET + CLEARED
    assert "global/http_proxy" not in phone.settings
    assert server.forwards == ["reverse:forward:tcp:8080;tcp:8080", "reverse:killforward:tcp:8080"]
    assert not s.journal.path.exists()


def test_previous_proxy_is_put_back_after_exception(client: AdbClient, phone: FakePhone) -> None:
    phone.settings["global/http_proxy"] = "10.0.0.2:3128"
    with pytest.raises(RuntimeError, match="boom"), _setup(client):
        raise RuntimeError("boom")
    assert phone.commands == [*SET, "settings put global http_proxy 10.0.0.2:3128"]
    assert phone.settings["global/http_proxy"] == "10.0.0.2:3128"


def test_restored_after_keyboard_interrupt(client: AdbClient, phone: FakePhone) -> None:
    with pytest.raises(KeyboardInterrupt), _setup(client):
        raise KeyboardInterrupt
    assert phone.commands == SET + CLEARED


def test_sigterm_in_process_raises_terminated_and_restores(client: AdbClient, phone: FakePhone) -> None:
    before = signal.getsignal(signal.SIGTERM)
    with pytest.raises(Terminated) as e, _setup(client):
        os.kill(os.getpid(), signal.SIGTERM)
    assert e.value.code == 143
    assert phone.commands == SET + CLEARED
    assert signal.getsignal(signal.SIGTERM) == before


def test_failed_setup_undoes_what_it_did(client: AdbClient, phone: FakePhone) -> None:
    phone.script["settings put global http_proxy 127.0.0.1:8080"] = ("", "Permission denial\n", 1)
    with pytest.raises(SetupError, match="Permission denial"), _setup(client):
        pass
    assert phone.commands == SET + CLEARED
    assert not Journal("PHONE1").path.exists()


def test_refuses_to_start_over_an_unrestored_journal(client: AdbClient, phone: FakePhone) -> None:
    Journal("PHONE1").record({"op": "proxy", "previous": None})
    with pytest.raises(SetupError, match="--restore"), _setup(client):
        pass
    assert phone.commands == []


CHILD = textwrap.dedent("""
    import sys, time
    from dynscan.device.android import AdbClient, DeviceSetup
    with DeviceSetup("PHONE1", AdbClient("127.0.0.1", int(sys.argv[1])), proxy_port=8080, start_frida=False):
        print("ready", flush=True)
        time.sleep(60)
""")


def _child(port: int) -> subprocess.Popen[str]:
    proc = subprocess.Popen([sys.executable, "-c", CHILD, str(port)], stdout=subprocess.PIPE, text=True,
                            env=dict(os.environ))
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "ready"
    return proc


@pytest.mark.timeout(60)
def test_sigterm_to_a_child_running_the_setup_restores(phone: FakePhone, server: ScriptedAdbServer) -> None:
    proc = _child(server.port)
    try:
        assert phone.settings["global/http_proxy"] == "127.0.0.1:8080"
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=20) == 143
    finally:
        proc.kill()
        proc.wait()
    assert phone.commands == SET + CLEARED
    assert server.forwards[-1] == "reverse:killforward:tcp:8080"
    assert not Journal("PHONE1").path.exists()


@pytest.mark.timeout(60)
def test_killed_child_is_restored_from_the_journal(client: AdbClient, phone: FakePhone,
                                                   server: ScriptedAdbServer) -> None:
    phone.settings["global/http_proxy"] = "10.0.0.2:3128"
    proc = _child(server.port)
    proc.kill()
    proc.wait(timeout=20)
    assert phone.commands == SET
    journal = Journal("PHONE1")
    assert [s["op"] for s in journal.steps()] == ["proxy", "reverse"]
    assert restore_from_journal("PHONE1", client) == ["reverse", "proxy"]
    assert phone.commands == [*SET, "settings put global http_proxy 10.0.0.2:3128"]
    assert server.forwards[-1] == "reverse:killforward:tcp:8080"
    assert not journal.path.exists()
    assert restore_from_journal("PHONE1", client) == []


def test_journal_kept_when_restore_fails(client: AdbClient, phone: FakePhone) -> None:
    Journal("PHONE1").record({"op": "proxy", "previous": None})
    phone.script["settings put global http_proxy :0"] = ("", "device busy\n", 1)
    with pytest.raises(SetupError, match="could not restore proxy"):
        restore_from_journal("PHONE1", client)
    assert Journal("PHONE1").steps() == [{"op": "proxy", "previous": None}]


def test_ca_installed_on_tmpfs_and_removed(client: AdbClient, phone: FakePhone, ca_pem: Path) -> None:
    phone.files[f"{STORE}/00000000.0"] = b"shipped CA"
    with DeviceSetup("PHONE1", client, ca_pem=ca_pem, start_frida=False):
        assert phone.files[f"{STORE}/c8750f0d.0"] == ca_pem.read_bytes()  # on the tmpfs, beside ...
        assert phone.files[f"{STORE}/00000000.0"] == b"shipped CA"  # ... the store's own CAs
    cmds = phone.commands
    assert cmds[:5] == ["id", "su -c id", "getprop ro.build.version.sdk", f"<pull {STORE}/c8750f0d.0>",
                        "<push /data/local/tmp/dynscan-c8750f0d.0>"]
    assert cmds[5].startswith("su -c 'sh -c '") and f"mount -t tmpfs tmpfs {STORE}" in cmds[5]
    assert f"cp /data/local/tmp/dynscan-c8750f0d.0 {STORE}/c8750f0d.0" in cmds[5]
    assert f"chcon u:object_r:system_file:s0 {STORE};" in cmds[5]  # the directory is labelled too
    assert f"chcon u:object_r:system_file:s0 {STORE}/*;" in cmds[5] and "|| true" not in cmds[5]
    assert cmds[6:] == [f"su -c 'umount {STORE}'", "su -c 'rm -f /data/local/tmp/dynscan-c8750f0d.0'"]
    assert phone.files == {f"{STORE}/00000000.0": b"shipped CA"} and not phone.mounts


def test_our_ca_already_present_is_left_alone(client: AdbClient, phone: FakePhone, ca_pem: Path) -> None:
    phone.files[f"{STORE}/c8750f0d.0"] = ca_pem.read_bytes() + b"\n(openssl x509 -text output)\n"
    with DeviceSetup("PHONE1", client, ca_pem=ca_pem, start_frida=False) as s:
        pass
    assert phone.commands == ["id", "su -c id", "getprop ro.build.version.sdk", f"<pull {STORE}/c8750f0d.0>"]
    assert "already installed" in s.notes[0]


def test_a_different_ca_under_the_same_name_is_replaced_for_the_session(client: AdbClient, phone: FakePhone,
                                                                       ca_pem: Path, tmp_path: Path) -> None:
    theirs = make_ca(tmp_path / "theirs.pem").read_bytes()
    phone.files[f"{STORE}/c8750f0d.0"] = theirs
    with DeviceSetup("PHONE1", client, ca_pem=ca_pem, start_frida=False) as s:
        assert phone.files[f"{STORE}/c8750f0d.0"] == ca_pem.read_bytes()
        assert any("a different CA is installed as c8750f0d.0" in n for n in s.notes)
    assert phone.files[f"{STORE}/c8750f0d.0"] == theirs  # theirs is back when the tmpfs goes


def test_a_failed_selinux_label_fails_loudly_and_undoes_the_mount(client: AdbClient, phone: FakePhone,
                                                                  ca_pem: Path) -> None:
    phone.script[f"chcon u:object_r:system_file:s0 {STORE}"] = ("", "chcon: Operation not supported\n", 1)
    with pytest.raises(SetupError, match=r"installing the proxy CA as a system CA failed \(exit 1\): chcon: "
                                         "Operation not supported") as e, \
            DeviceSetup("PHONE1", client, ca_pem=ca_pem, start_frida=False):
        pass
    assert "\n" not in str(e.value)
    assert not phone.mounts and Journal("PHONE1").steps() == [] and f"{STORE}/c8750f0d.0" not in phone.files


def test_a_failed_ca_push_is_one_line_and_undone(client: AdbClient, phone: FakePhone, ca_pem: Path) -> None:
    phone.push_fails = "open failed: Read-only file system"
    with pytest.raises(SetupError, match=r"adb push /data/local/tmp/dynscan-c8750f0d.0") as e, \
            DeviceSetup("PHONE1", client, ca_pem=ca_pem, start_frida=False, proxy_port=8080):
        pass
    assert "\n" not in str(e.value)
    assert not phone.mounts and Journal("PHONE1").steps() == [] and "global/http_proxy" not in phone.settings


@pytest.mark.parametrize(("rooted", "sdk", "match"), [(False, "33", "not rooted"), (False, "34", "not rooted"),
                                                      (True, "34", "no zygote process found")])
def test_ca_install_refused_with_a_reason(client: AdbClient, phone: FakePhone, ca_pem: Path,
                                          rooted: bool, sdk: str, match: str) -> None:
    phone.rooted = rooted
    phone.props["ro.build.version.sdk"] = sdk
    with pytest.raises(SetupError, match=match), DeviceSetup("PHONE1", client, ca_pem=ca_pem, start_frida=False):
        pass
    assert Journal("PHONE1").steps() == [] and not phone.mounts




def _android_14(phone: FakePhone) -> None:
    """Zygotes 600 and 601, an app (700) already running, the APEX store with one shipped CA."""
    phone.props["ro.build.version.sdk"] = "34"
    phone.pids.update({"zygote": 601, "zygote64": 600})
    phone.ppids.update({1: 0, 600: 1, 601: 1, 700: 600, 900: 1})
    phone.files[f"{APEX}/00000000.0"] = b"shipped CA"


def test_android_14_ca_goes_into_every_zygote_namespace_and_comes_out(client: AdbClient, phone: FakePhone,
                                                                      ca_pem: Path) -> None:
    _android_14(phone)
    with DeviceSetup("PHONE1", client, ca_pem=ca_pem, start_frida=False):
        assert phone.binds == {600: {APEX: STORE}, 601: {APEX: STORE}, 700: {APEX: STORE}}  # not 900: no app
        assert phone.files[f"{STORE}/c8750f0d.0"] == ca_pem.read_bytes()  # the tmpfs holds ours ...
        assert phone.files[f"{STORE}/00000000.0"] == b"shipped CA"  # ... and the APEX's own CAs
        assert Journal("PHONE1").steps() == [{"op": "ca_apex", "dir": STORE, "apex": APEX,
                                               "tmp": "/data/local/tmp/dynscan-c8750f0d.0", "zygotes": [600, 601]}]
        phone.ppids[701] = 601  # an app started during the session inherits the bind from its zygote
        phone.binds[701] = {APEX: STORE}
    assert all(b == {} for b in phone.binds.values()), phone.binds
    assert not phone.mounts and f"{STORE}/c8750f0d.0" not in phone.files
    assert "/data/local/tmp/dynscan-c8750f0d.0" not in phone.files and Journal("PHONE1").steps() == []


def test_android_14_ca_restored_from_the_journal_after_a_kill(client: AdbClient, phone: FakePhone,
                                                              ca_pem: Path) -> None:
    _android_14(phone)
    setup = DeviceSetup("PHONE1", client, ca_pem=ca_pem, start_frida=False)
    setup.__enter__()  # ... and the host process dies: no __exit__
    assert phone.binds[600] == {APEX: STORE}
    assert restore_from_journal("PHONE1", client) == ["ca_apex"]
    assert all(b == {} for b in phone.binds.values()) and not phone.mounts
    assert restore_from_journal("PHONE1", client) == []  # replaying is harmless


def test_android_14_bind_refused_in_zygote_undoes_everything(client: AdbClient, phone: FakePhone,
                                                             ca_pem: Path) -> None:
    _android_14(phone)
    phone.script[f"nsenter --mount=/proc/601/ns/mnt -- /system/bin/mount --bind {STORE} {APEX}"] = (
        "", "mount: Permission denied\n", 1)
    with pytest.raises(SetupError, match=r"Android 14\+ .* zygotes 600, 601\) failed \(exit 1\): mount: Permission"), \
            DeviceSetup("PHONE1", client, ca_pem=ca_pem, start_frida=False):
        pass
    assert all(b == {} for b in phone.binds.values()) and not phone.mounts and Journal("PHONE1").steps() == []


def test_unplugged_mid_run_is_one_line_and_the_journal_waits_for_the_device(
        client: AdbClient, phone: FakePhone, server: ScriptedAdbServer) -> None:
    with pytest.raises(SetupError) as e, _setup(client):
        del server.phones["PHONE1"]  # the cable is pulled while the app runs
        client.shell("PHONE1", "pidof com.example")
    assert str(e.value) == "device PHONE1 not found: see `adb devices` (or `dynscan devices`)"
    # adb drops a device's reverses with the device; the proxy setting stays journalled for later
    assert [s["op"] for s in Journal("PHONE1").steps()] == ["proxy"]
    server.phones["PHONE1"] = phone  # plugged back in: `dynscan doctor --device PHONE1 --restore`
    assert restore_from_journal("PHONE1", client) == ["proxy"]
    assert "global/http_proxy" not in phone.settings
