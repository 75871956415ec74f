"""Virtual-device ``.apk`` files: a zip holding ``AndroidManifest.xml`` and ``classes.jar``."""

from __future__ import annotations

import zipfile
from pathlib import Path

from dynscan.device.apkzip import open_apk, read_member
from dynscan.device.base import AppInfo
from dynscan.device.sim.manifest import parse_manifest
from dynscan.errors import InputError
from dynscan.util.atomic import replacing

MANIFEST = "AndroidManifest.xml"
CLASSES = "classes.jar"


def read_apk(apk: Path) -> tuple[AppInfo, bytes, bytes]:
    """Validate an app for the virtual device; returns (info, manifest bytes, classes.jar bytes)."""
    if not apk.is_file():
        raise InputError(f"{apk}: no such file")
    if not zipfile.is_zipfile(apk):
        raise InputError(f"{apk}: not an .apk (not a zip file)")
    try:
        with open_apk(apk) as z:
            names = set(z.namelist())
            if MANIFEST not in names:
                raise InputError(f"{apk}: no {MANIFEST} in the .apk")
            manifest = read_member(z, MANIFEST, apk)
            if CLASSES not in names:
                if "classes.dex" in names:
                    raise InputError(
                        f"{apk}: an Android (dex) .apk; the virtual device runs apps built with `dynscan sim build`"
                    )
                raise InputError(f"{apk}: no {CLASSES} in the .apk (build it with `dynscan sim build`)")
            classes = read_member(z, CLASSES, apk)
    except (zipfile.BadZipFile, OSError) as e:
        raise InputError(f"{apk}: cannot read the .apk: {e}") from e
    if manifest[:4] == b"\x03\x00\x08\x00":
        raise InputError(f"{apk}: binary AndroidManifest.xml (an Android .apk); use `dynscan sim build`")
    info = parse_manifest(manifest, f"{apk}!{MANIFEST}")
    return info, manifest, classes


def write_apk(out: Path, manifest: bytes, classes_jar: bytes) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    with replacing(out, mode=0o644) as f, zipfile.ZipFile(f, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(MANIFEST, manifest)
        z.writestr(CLASSES, classes_jar)
