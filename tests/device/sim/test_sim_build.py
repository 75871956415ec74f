"""`build_app` and `install`: good modules build; bad input is one clear InputError."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from dynscan.device.sim import SimDevice, build_app
from dynscan.device.sim.apk import read_apk
from dynscan.errors import InputError

pytestmark = pytest.mark.integration

MANIFEST = """<?xml version="1.0" encoding="utf-8"?>
<manifest xmlns:android="http://schemas.android.com/apk/res/android" package="com.example.tiny">
  <application>
    <activity android:name=".Main">{filter}</activity>
  </application>
</manifest>
"""
LAUNCHER = ('<intent-filter><action android:name="android.intent.action.MAIN"/>'
            '<category android:name="android.intent.category.LAUNCHER"/></intent-filter>')
MAIN = """package com.example.tiny;

import android.app.Activity;
import android.os.Bundle;
import android.widget.TextView;

public class Main extends Activity {
    @Override protected void onCreate(Bundle b) {
        super.onCreate(b);
        TextView t = new TextView(this);
        t.setText("tiny");
        setContentView(t);
    }
}
"""


def module(tmp_path: Path, *, manifest: str | None = None, main: str = MAIN) -> Path:
    src = tmp_path / "tiny"
    (src / "java" / "com" / "example" / "tiny").mkdir(parents=True)
    (src / "AndroidManifest.xml").write_text(manifest if manifest is not None else MANIFEST.format(filter=LAUNCHER))
    (src / "java" / "com" / "example" / "tiny" / "Main.java").write_text(main)
    return src


@pytest.mark.timeout(120)
def test_build_writes_an_apk_with_manifest_and_classes(tmp_path: Path) -> None:
    out = tmp_path / "out" / "tiny.apk"
    info = build_app(module(tmp_path), out)
    assert info.package == "com.example.tiny" and info.launcher_activity == "com.example.tiny.Main"
    with zipfile.ZipFile(out) as z:
        assert set(z.namelist()) == {"AndroidManifest.xml", "classes.jar"}
    again, _, classes = read_apk(out)
    assert again == info
    assert b"com/example/tiny/Main.class" in classes


PLUGIN = """package com.example.plug;

public final class Plug {
    public static String hello() { return com.example.tiny.Main.class.getName(); }  // it sees the app
}
"""


@pytest.mark.timeout(120)
def test_a_plugin_ships_as_an_asset_jar_outside_the_apps_own_classes(tmp_path: Path) -> None:
    src = module(tmp_path)
    (src / "plugins" / "plug" / "java" / "com" / "example" / "plug").mkdir(parents=True)
    (src / "plugins" / "plug" / "java" / "com" / "example" / "plug" / "Plug.java").write_text(PLUGIN)
    out = tmp_path / "tiny.apk"
    build_app(src, out)
    _, _, classes = read_apk(out)
    with zipfile.ZipFile(io.BytesIO(classes)) as z:
        assert "com/example/plug/Plug.class" not in z.namelist()  # loaded at run time, not with the app
        with zipfile.ZipFile(io.BytesIO(z.read("assets/plug.jar"))) as plugin:
            assert "com/example/plug/Plug.class" in plugin.namelist()
    (src / "plugins" / "bad name!").mkdir()
    with pytest.raises(InputError, match="a plug-in is plugins/<name>/java"):
        build_app(src, tmp_path / "x.apk")


def test_manifest_without_launcher_is_rejected(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no activity with the MAIN/LAUNCHER intent filter"):
        build_app(module(tmp_path, manifest=MANIFEST.format(filter="")), tmp_path / "x.apk")


def test_bad_manifests_and_missing_sources(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"not a valid AndroidManifest\.xml"):
        build_app(module(tmp_path, manifest="<manifest"), tmp_path / "x.apk")
    with pytest.raises(InputError, match="not a directory"):
        build_app(tmp_path / "nope", tmp_path / "x.apk")
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "AndroidManifest.xml").write_text(MANIFEST.format(filter=LAUNCHER))
    with pytest.raises(InputError, match="no Java sources"):
        build_app(empty, tmp_path / "x.apk")


def test_install_rejects_bad_apks(device: SimDevice, tmp_path: Path) -> None:
    not_zip = tmp_path / "a.apk"
    not_zip.write_text("hello")
    with pytest.raises(InputError, match="not a zip file"):
        device.install(not_zip)
    no_manifest = tmp_path / "b.apk"
    with zipfile.ZipFile(no_manifest, "w") as z:
        z.writestr("classes.jar", b"")
    with pytest.raises(InputError, match=r"no AndroidManifest\.xml"):
        device.install(no_manifest)
    dex = tmp_path / "c.apk"
    with zipfile.ZipFile(dex, "w") as z:
        z.writestr("AndroidManifest.xml", b"\x03\x00\x08\x00binary")
        z.writestr("classes.dex", b"dex\n035")
    with pytest.raises(InputError, match="dex"):
        device.install(dex)
    no_launcher = tmp_path / "d.apk"
    with zipfile.ZipFile(no_launcher, "w") as z:
        z.writestr("AndroidManifest.xml", MANIFEST.format(filter=""))
        z.writestr("classes.jar", b"")
    with pytest.raises(InputError, match="MAIN/LAUNCHER"):
        device.install(no_launcher)
    with pytest.raises(InputError, match="no such file"):
        device.install(tmp_path / "missing.apk")
    with pytest.raises(InputError, match="not installed"):
        device.spawn("com.example.nothere")
    assert "com.example.tiny" not in device.list_packages()


@pytest.mark.timeout(120)
@pytest.mark.parametrize(("broken", "says"), [
    ("t.setText(42L);", "java/com/example/tiny/Main.java:11: no suitable method found for setText(long)"),
    # what a developer needs to fix an API the framework lacks: the symbol and where it was looked for
    ('t.setFooBar(1); int x = "s"; Object o = new Nope();',
     "java/com/example/tiny/Main.java:11: cannot find symbol (symbol: method setFooBar(int); "
     "location: variable t of type TextView) (and 2 more errors)"),
])
def test_javac_error_is_one_line_naming_file_line_and_symbol(tmp_path: Path, broken: str, says: str) -> None:
    with pytest.raises(InputError) as e:
        build_app(module(tmp_path, main=MAIN.replace('t.setText("tiny");', broken)), tmp_path / "x.apk")
    msg = str(e.value)
    assert "does not compile" in msg and says in msg, msg
    assert "\n" not in msg
    assert not (tmp_path / "x.apk").exists()


def _hostile_apk(tmp_path: Path, package: str) -> Path:
    apk = tmp_path / "hostile.apk"
    manifest = MANIFEST.format(filter=LAUNCHER).replace('package="com.example.tiny"', f'package="{package}"')
    with zipfile.ZipFile(apk, "w") as z:
        z.writestr("AndroidManifest.xml", manifest)
        z.writestr("classes.jar", b"PK\x05\x06" + b"\x00" * 18)
    return apk


@pytest.mark.parametrize("package", ["../../../../victim.d", "/abs/victim.d", "x.d/../../../../victim",
                                     "com.example.&#10;forged", "com." + "a" * 300])
def test_install_of_a_hostile_package_touches_nothing_outside(tmp_path: Path, package: str) -> None:
    """The manifest's package used to become ``apps/<package>``: rmtree'd and written, wherever it led."""
    victim = tmp_path / "victim.d"
    victim.mkdir()
    (victim / "keep").write_text("precious")
    root = tmp_path / "dev" / "a" / "b" / "c"
    with SimDevice(root) as dev, pytest.raises(InputError, match="not a valid Java package name"):
        dev.install(_hostile_apk(tmp_path, package))
    assert (victim / "keep").read_text() == "precious"
    assert sorted(p.name for p in (root / "apps").iterdir()) == []


def test_a_symlinked_app_folder_is_not_followed(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "keep").write_text("precious")
    root = tmp_path / "dev"
    with SimDevice(root) as dev:
        (root / "apps" / "com.example.tiny").symlink_to(outside)
        with pytest.raises(InputError, match="outside"):
            dev.install(_hostile_apk(tmp_path, "com.example.tiny"))
    assert (outside / "keep").read_text() == "precious"
