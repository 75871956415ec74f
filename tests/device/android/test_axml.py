from __future__ import annotations

from pathlib import Path

import pytest

from dynscan.device.android.apk import read_apk_info
from dynscan.device.android.axml import parse_axml
from dynscan.errors import InputError

from .axml_factory import encode, make_apk, manifest


@pytest.mark.parametrize("utf8", [True, False])
def test_manifest_round_trip(utf8: bool) -> None:
    root = parse_axml(encode(manifest("com.x.y", perms=("android.permission.CAMERA",)), utf8))
    assert root.tag == "manifest"
    assert root.attrs["package"] == "com.x.y"
    assert [e.attrs["name"] for e in root.iter("uses-permission")] == ["android.permission.CAMERA"]
    assert [a.attrs["name"] for a in root.iter("activity")] == [".Settings", ".MainActivity"]


def test_apk_info_from_binary_manifest(tmp_path: Path) -> None:
    apk = make_apk(tmp_path / "demo.apk", "com.example.demo", perms=("android.permission.READ_PHONE_STATE",))
    info = read_apk_info(apk, use_aapt=False)
    assert info.package == "com.example.demo"
    assert info.launcher_activity == "com.example.demo.MainActivity"
    assert info.permissions == ("android.permission.READ_PHONE_STATE",)
    assert info.version == "1.2"


def test_fully_qualified_activity_is_kept(tmp_path: Path) -> None:
    apk = make_apk(tmp_path / "a.apk", "com.a", activity="org.other.Launch")
    assert read_apk_info(apk, use_aapt=False).launcher_activity == "org.other.Launch"


def test_not_an_apk(tmp_path: Path) -> None:
    bad = tmp_path / "bad.apk"
    bad.write_bytes(b"not a zip")
    with pytest.raises(InputError, match="not an APK"):
        read_apk_info(bad, use_aapt=False)
    with pytest.raises(InputError, match="no such APK"):
        read_apk_info(tmp_path / "missing.apk")


def test_garbage_manifest_is_one_line_input_error() -> None:
    with pytest.raises(InputError, match="not valid binary XML") as e:
        parse_axml(b"\x03\x00\x08\x00\xff\xff\x00\x00\x01\x00")
    assert "\n" not in str(e.value)
    with pytest.raises(InputError):
        parse_axml(b"<manifest/>")


@pytest.mark.parametrize("package", ["../../x.d", "com.example\nforged", "/abs.d"])
def test_a_hostile_package_name_is_refused(tmp_path: Path, package: str) -> None:
    apk = make_apk(tmp_path / "hostile.apk", package=package)
    with pytest.raises(InputError, match="not a valid Java package name"):
        read_apk_info(apk, use_aapt=False)
