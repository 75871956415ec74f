"""Package name, launcher activity, permissions and version of an APK: ``aapt dump badging`` or the manifest."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path

from dynscan.device.android.axml import Element, parse_axml
from dynscan.device.apkzip import open_apk, read_member
from dynscan.device.base import AppInfo
from dynscan.errors import InputError
from dynscan.util.pkgname import check_package_name

_BADGING = {
    "package": re.compile(r"^package: name='([^']+)'", re.M),
    "version": re.compile(r"^package: .*?versionName='([^']*)'", re.M),
    "launch": re.compile(r"^launchable-activity: name='([^']+)'", re.M),
    "perm": re.compile(r"^uses-permission: name='([^']+)'", re.M),
}


def read_apk_info(apk: Path, use_aapt: bool = True) -> AppInfo:
    """What installing ``apk`` will give; :class:`InputError` if it is not an APK with a launcher activity."""
    if not apk.is_file():
        raise InputError(f"{apk}: no such APK file")
    aapt = shutil.which("aapt") if use_aapt else None
    if aapt:
        proc = subprocess.run([aapt, "dump", "badging", str(apk)], capture_output=True, text=True, timeout=60)
        if proc.returncode == 0:
            return _from_badging(apk, proc.stdout)
    try:
        with open_apk(apk) as z:
            manifest = read_member(z, "AndroidManifest.xml", apk)
    except (zipfile.BadZipFile, KeyError, OSError) as e:
        raise InputError(f"{apk}: not an APK (no readable AndroidManifest.xml): {e}") from e
    return from_manifest(apk, parse_axml(manifest))


def _from_badging(apk: Path, text: str) -> AppInfo:
    pkg, launch = _BADGING["package"].search(text), _BADGING["launch"].search(text)
    if pkg is None or launch is None:
        raise InputError(f"{apk}: aapt found no package name or launcher activity")
    version = _BADGING["version"].search(text)
    perms = tuple(_BADGING["perm"].findall(text))
    package = check_package_name(pkg.group(1), str(apk))
    return AppInfo(package, launch.group(1), perms, version.group(1) or None if version else None)


def _qualify(package: str, name: str) -> str:
    if name.startswith("."):
        return package + name
    return name if "." in name else f"{package}.{name}"


def from_manifest(apk: Path, root: Element) -> AppInfo:
    package = root.attrs.get("package", "")
    if root.tag != "manifest" or not package:
        raise InputError(f"{apk}: the manifest has no package name")
    package = check_package_name(package, str(apk))
    perms = tuple(e.attrs["name"] for e in root.iter("uses-permission") if e.attrs.get("name"))
    for act in root.iter("activity") + root.iter("activity-alias"):
        for f in act.iter("intent-filter"):
            actions = {a.attrs.get("name") for a in f.iter("action")}
            cats = {c.attrs.get("name") for c in f.iter("category")}
            if "android.intent.action.MAIN" in actions and "android.intent.category.LAUNCHER" in cats:
                return AppInfo(package, _qualify(package, act.attrs.get("name", "")), perms,
                               root.attrs.get("versionName") or None)
    raise InputError(f"{apk}: no launcher activity (MAIN/LAUNCHER intent filter) in the manifest")
