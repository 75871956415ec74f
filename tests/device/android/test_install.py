"""pm installs: one APK with -r -t -d, splits in one session that is abandoned when a write fails."""

from __future__ import annotations

from pathlib import Path

import pytest

from dynscan.device.android import AdbClient
from dynscan.errors import SetupError

from .adb_server import FakePhone
from .axml_factory import make_apk

pytestmark = pytest.mark.integration  # the scripted adb server


def test_single_apk_gets_replace_test_and_downgrade_flags(client: AdbClient, phone: FakePhone,
                                                          tmp_path: Path) -> None:
    client.install("PHONE1", [make_apk(tmp_path / "a.apk")])
    assert "pm install -r -t -d /data/local/tmp/dynscan-install-0.apk" in phone.commands
    assert phone.installs == [["/data/local/tmp/dynscan-install-0.apk"]]
    assert not any(p.startswith("/data/local/tmp/dynscan-install") for p in phone.files)


def test_a_failed_split_write_abandons_the_session(client: AdbClient, phone: FakePhone, tmp_path: Path) -> None:
    apks = [make_apk(tmp_path / "base.apk"), make_apk(tmp_path / "s.apk", split="config.xxhdpi")]
    phone.script[f"pm install-write -S {apks[1].stat().st_size} 1000 1_split.apk "
                 "/data/local/tmp/dynscan-install-1.apk"] = ("Failure [INSTALL_FAILED_INVALID_APK]\n", "", 1)
    with pytest.raises(SetupError, match=r"installing base\.apk, s\.apk failed: Failure \[INSTALL_FAILED_INV"):
        client.install("PHONE1", apks)
    assert "pm install-abandon 1000" in phone.commands and phone.installs == []
    assert not any(p.startswith("/data/local/tmp/dynscan-install") for p in phone.files)


def test_unreadable_apk_is_one_line(client: AdbClient, tmp_path: Path) -> None:
    with pytest.raises(SetupError, match=r"cannot read .*missing\.apk"):
        client.install("PHONE1", [tmp_path / "missing.apk"])
