"""APKs read as Android reads them (apkInspector): manifests, splits, and the tricks packers play."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from dynscan.device.android.apk import read_apk_info, read_manifest
from dynscan.errors import InputError

from .axml_factory import arsc, make_apk


@pytest.mark.parametrize("utf8", [True, False])
def test_apk_info_from_binary_manifest(tmp_path: Path, utf8: bool) -> None:
    apk = make_apk(tmp_path / "demo.apk", "com.example.demo", utf8, perms=("android.permission.READ_PHONE_STATE",))
    info = read_apk_info(apk)
    assert info.package == "com.example.demo"
    assert info.launcher_activity == "com.example.demo.MainActivity"
    assert info.permissions == ("android.permission.READ_PHONE_STATE",)
    assert info.version == "1.2"
    assert read_manifest(apk).label == "Demo"


def test_fully_qualified_activity_is_kept(tmp_path: Path) -> None:
    apk = make_apk(tmp_path / "a.apk", "com.a", activity="org.other.Launch")
    assert read_apk_info(apk).launcher_activity == "org.other.Launch"


def test_tampered_manifest_is_read_as_android_reads_it(tmp_path: Path) -> None:
    """An unknown compression method on a stored entry and junk chunks in the binary XML: Python's zipfile
    gives up, Android installs it, and so does dynscan."""
    apk = make_apk(tmp_path / "packed.apk", "com.packed.app", junk=True, odd_method=True)
    with zipfile.ZipFile(apk) as z, pytest.raises(NotImplementedError):
        z.read("AndroidManifest.xml")
    info = read_apk_info(apk)
    assert (info.package, info.launcher_activity) == ("com.packed.app", "com.packed.app.MainActivity")


def test_a_split_is_not_a_base(tmp_path: Path) -> None:
    split = make_apk(tmp_path / "split_config.arm64_v8a.apk", "com.a", split="config.arm64_v8a")
    m = read_manifest(split)
    assert (m.package, m.split, m.info) == ("com.a", "config.arm64_v8a", None)
    with pytest.raises(InputError, match=r"is the split 'config\.arm64_v8a' of com\.a, not its base APK"):
        read_apk_info(split)


def test_not_an_apk(tmp_path: Path) -> None:
    bad = tmp_path / "bad.apk"
    bad.write_bytes(b"not a zip")
    with pytest.raises(InputError, match="not an APK") as e:
        read_apk_info(bad)
    assert "\n" not in str(e.value)
    with pytest.raises(InputError, match="no such APK"):
        read_apk_info(tmp_path / "missing.apk")


@pytest.mark.parametrize("manifest", [b"\x03\x00\x08\x00\xff\xff\x00\x00\x01\x00", b"<manifest/>", b""])
def test_garbage_manifest_is_one_line_input_error(tmp_path: Path, manifest: bytes) -> None:
    apk = tmp_path / "g.apk"
    with zipfile.ZipFile(apk, "w") as z:
        z.writestr("AndroidManifest.xml", manifest)
    with pytest.raises(InputError, match=r"g\.apk: ") as e:
        read_apk_info(apk)
    assert "\n" not in str(e.value)


def test_hostile_package_name_is_refused(tmp_path: Path) -> None:
    apk = make_apk(tmp_path / "h.apk", "com.x; rm -rf /")
    with pytest.raises(InputError, match="no valid package name"):
        read_apk_info(apk)


def test_label_is_resolved_from_resources(tmp_path: Path) -> None:
    """aapt2 writes android:label as a reference; apkInspector shows it as @<decimal id>."""
    apk = make_apk(tmp_path / "l.apk", "com.l", label=f"@{0x7F010000}", resources=arsc("市场应用 Market"))
    assert read_manifest(apk).label == "市场应用 Market"
    no_table = make_apk(tmp_path / "n.apk", "com.n", label=f"@{0x7F010000}")
    assert read_manifest(no_table).label is None  # never the raw reference
    broken = make_apk(tmp_path / "b.apk", "com.b", label=f"@{0x7F010000}", resources=b"\x02\x00\x0c\x00junk")
    assert read_manifest(broken).label is None
