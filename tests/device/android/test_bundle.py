"""Split APKs as markets ship them (.apks, .xapk, a folder): base found by its manifest, the device's ABI
split chosen, everything installed as one package through pm install-create/-write/-commit."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from dynscan.device.android import AdbClient, AndroidDevice
from dynscan.device.android.bundle import open_bundle
from dynscan.errors import DynscanError, InputError

from .adb_server import FakePhone
from .axml_factory import make_apk

pytestmark = pytest.mark.integration  # the scripted adb server

PKG = "com.market.app"


def _splits(d: Path) -> dict[str, Path]:
    d.mkdir(parents=True, exist_ok=True)
    return {
        "base": make_apk(d / "base.apk", PKG),
        "arm64": make_apk(d / "split_config.arm64_v8a.apk", PKG, split="config.arm64_v8a"),
        "x86_64": make_apk(d / "split_config.x86_64.apk", PKG, split="config.x86_64"),
        "xxhdpi": make_apk(d / "split_config.xxhdpi.apk", PKG, split="config.xxhdpi"),
    }


def _apks(tmp_path: Path) -> Path:
    """bundletool's layout: splits/base-master.apk, splits/base-<config>.apk (+ toc.pb)."""
    parts = _splits(tmp_path / "parts")
    out = tmp_path / "app.apks"
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("toc.pb", b"\x0a\x00")
        for key, name in (("base", "base-master"), ("arm64", "base-arm64_v8a"), ("x86_64", "base-x86_64"),
                          ("xxhdpi", "base-xxhdpi")):
            z.write(parts[key], f"splits/{name}.apk")
    return out


def _xapk(tmp_path: Path) -> Path:
    """APKPure's layout: <package>.apk, config.<x>.apk and a manifest.json, at the top."""
    parts = _splits(tmp_path / "parts")
    out = tmp_path / "app.xapk"
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("manifest.json", json.dumps({"package_name": PKG, "split_apks": []}))
        z.write(parts["base"], f"{PKG}.apk")
        for key in ("arm64", "x86_64", "xxhdpi"):
            z.write(parts[key], f"config.{key.replace('arm64', 'arm64_v8a')}.apk")
    return out


@pytest.mark.parametrize("make", [_apks, _xapk, lambda t: _splits(t / "folder") and t / "folder"],
                         ids=["apks", "xapk", "folder"])
def test_bundle_installs_base_density_and_the_devices_abi_as_one_package(
        make: object, tmp_path: Path, client: AdbClient, phone: FakePhone) -> None:
    path = make(tmp_path)  # type: ignore[operator]
    phone.props["ro.product.cpu.abilist"] = "arm64-v8a,armeabi-v7a,armeabi"
    info = AndroidDevice("PHONE1", client).install(path)
    assert (info.package, info.launcher_activity, info.label) == (PKG, f"{PKG}.MainActivity", "Demo")
    [installed] = phone.installs
    assert len(installed) == 3  # base, xxhdpi, arm64 -- not x86_64
    sizes = sorted(len(c) for c in phone.commands if c.startswith("pm install-write"))
    assert len(sizes) == 3 and any(c.startswith("pm install-create -r -t -d -S ") for c in phone.commands)
    assert not any(p.startswith("/data/local/tmp/dynscan-install") for p in phone.files)  # copies removed


def test_member_names_never_become_paths(tmp_path: Path) -> None:
    parts = _splits(tmp_path / "parts")
    out = tmp_path / "odd.apks"
    with zipfile.ZipFile(out, "w") as z:  # names a naive extractor would follow out of its directory
        z.write(parts["base"], "../../../../tmp/base.apk")
        z.write(parts["xxhdpi"], "/abs/split; rm -rf ~.apk")
    with open_bundle(out) as b:
        assert b.base.parent.name.startswith("dynscan-bundle-") and b.base.name == "000-base.apk"
        assert [p.name for p, _ in b.splits] == ["001-split__rm_-rf__.apk"]
        assert b.manifest.package == PKG
    assert not Path("/tmp/base.apk").exists() or Path("/tmp/base.apk").read_bytes() != parts["base"].read_bytes()


def test_no_split_for_the_devices_abi_is_one_line(tmp_path: Path, client: AdbClient, phone: FakePhone) -> None:
    phone.props["ro.product.cpu.abilist"] = "armeabi-v7a,armeabi"
    with pytest.raises(DynscanError, match="ships native code for arm64_v8a, x86_64 only; the device runs "
                                           "armeabi-v7a, armeabi"):
        AndroidDevice("PHONE1", client).install(_apks(tmp_path))
    assert phone.installs == []


@pytest.mark.parametrize(("keep", "match"), [(["arm64"], "found none"), (["base", "base2"], "found base.apk, "
                                                                                              "base2.apk")])
def test_a_bundle_needs_exactly_one_base(tmp_path: Path, keep: list[str], match: str) -> None:
    parts = _splits(tmp_path / "f")
    make_apk(tmp_path / "f" / "base2.apk", PKG)
    for p in (tmp_path / "f").glob("*.apk"):
        if p.stem not in keep and not any(p.stem.endswith(k) for k in keep):
            p.unlink()
    assert parts
    with pytest.raises(InputError, match=match), open_bundle(tmp_path / "f"):
        pass


def test_a_split_of_another_package_is_refused(tmp_path: Path) -> None:
    d = tmp_path / "mixed"
    d.mkdir()
    make_apk(d / "base.apk", PKG)
    make_apk(d / "split_config.en.apk", "com.other", split="config.en")
    with pytest.raises(InputError, match=r"belong to another package than com\.market\.app"), open_bundle(d):
        pass
