"""Root in every way a device offers it: adbd already root, ``su -c`` (Magisk), ``su 0 sh -c`` (AOSP),
``adb root`` + wait (undone with ``adb unroot``), and an ``adb root`` whose adbd never comes back."""

from __future__ import annotations

from pathlib import Path

import pytest

from dynscan.device.android import AdbClient, AndroidDevice, DeviceSetup
from dynscan.device.android import shell as shell_module
from dynscan.device.android.frida_server import host_version
from dynscan.device.android.shell import DeviceShell
from dynscan.errors import SetupError

from .adb_server import FakePhone, ScriptedAdbServer
from .frida_fake import put_in_cache

pytestmark = pytest.mark.integration  # the scripted adb server


@pytest.mark.parametrize(("phone", "mode", "wrapped"), [
    (FakePhone(adbd_root=True), "adbd", "ls /data"),
    (FakePhone(su_style="magisk"), "su", "su -c 'ls /data'"),
    (FakePhone(su_style="aosp"), "su0", "su 0 sh -c 'ls /data'"),
    (FakePhone(rooted=False), "none", "ls /data"),
], ids=["adbd", "magisk", "aosp", "none"])
def test_root_mode_is_probed_without_changing_the_device(phone: FakePhone, mode: str, wrapped: str) -> None:
    with ScriptedAdbServer(phone) as srv:
        client = AdbClient("127.0.0.1", srv.port, timeout_s=5)
        sh = DeviceShell(client, "PHONE1")
        assert sh.root_mode == mode
        assert sh.as_root("ls /data") == wrapped
        if mode != "none":
            assert "uid=0(root)" in sh.run_root("id").stdout
        assert DeviceShell(client, "PHONE1").root_mode == mode  # found once per client and device
        assert "root:" not in srv.requests


def test_adb_root_restarts_adbd_waits_and_is_undone(tmp_path: Path, _isolated_cache: Path) -> None:
    put_in_cache(_isolated_cache, host_version())
    phone = FakePhone(rooted=False)
    phone.props["ro.debuggable"] = "1"
    with ScriptedAdbServer(phone) as srv:
        client = AdbClient("127.0.0.1", srv.port, timeout_s=5)
        with DeviceSetup("PHONE1", client, start_frida=True, journal_dir=tmp_path) as setup:
            assert setup.root_mode == "adb_root" and phone.adbd_root
            assert [s["op"] for s in setup.journal.steps()] == ["adb_root", "remove", "frida_server"]
            info = AndroidDevice("PHONE1", client).info()
            assert (info.rooted, info.root_method) == (True, "adb_root")
        assert srv.requests.count("root:") == 1 and "host-serial:PHONE1:wait-for-any-device" in srv.requests
        assert "unroot:" in srv.requests and not phone.adbd_root
        assert not setup.journal.path.exists()


def test_production_build_is_not_rooted_and_says_so(client: AdbClient, phone: FakePhone) -> None:
    phone.rooted = False
    info = AndroidDevice("PHONE1", client).info()
    assert (info.rooted, info.root_method) == (False, "none")
    assert "not rooted: no system CA install, no frida-server" in info.notes
    phone.props["ro.debuggable"] = "1"
    client.root_modes.clear()
    info = AndroidDevice("PHONE1", client).info()  # listing never runs `adb root`
    assert info.rooted and info.root_method == "none" and not phone.adbd_root


def test_adb_root_that_never_comes_back_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shell_module, "ADB_ROOT_WAIT_S", 0.5)
    phone = FakePhone(rooted=False, adbd_restarts="hang")
    phone.props["ro.debuggable"] = "1"
    with ScriptedAdbServer(phone) as srv:
        client = AdbClient("127.0.0.1", srv.port, timeout_s=5)
        with pytest.raises(SetupError) as e, DeviceSetup("PHONE1", client, journal_dir=tmp_path):
            pass
        msg = str(e.value)
        assert "`adb root` restarted adbd and it did not come back within 0 s: replug the device" in msg
        assert "\n" not in msg
        assert "unroot:" in srv.requests  # the restore tried; the device is gone, so the journal stays
