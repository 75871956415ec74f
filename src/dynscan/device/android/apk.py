"""Package name, launcher activity, permissions, version and label of an APK as it comes from an app market.

The zip and the binary ``AndroidManifest.xml`` are read with apkInspector (Apache-2.0), which reads what
Android's installer reads and ignores the tricks anti-analysis packers play on other tools: a compression
method Android treats as "stored", a central directory that disagrees with the local headers, unknown or
junk XML chunks. Its text manifest is then read with ElementTree. A label that is a resource reference
(``@7F0E001B``) is resolved from ``resources.arsc`` with pyaxmlparser's ``ARSCParser`` (Apache-2.0; the
androguard parser without androguard's dependencies), default configuration.
"""

from __future__ import annotations

import contextlib
import io
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dynscan.device.base import AppInfo
from dynscan.errors import InputError

ANDROID = "{http://schemas.android.com/apk/res/android}"
_RES_ID = re.compile(r"^@(?:0x)?([0-9A-Fa-f]{8}|\d+)$")


@dataclass(frozen=True)
class Manifest:
    """What dynscan reads from one APK of an app (a base, or one split of it)."""

    package: str
    split: str | None  # None for a base APK; "config.arm64_v8a" ... for a split
    info: AppInfo | None  # None for a split (no launcher) or an APK without one
    label: str | None


def _zip(apk: Path) -> Any:
    from apkInspector.headers import ZipEntry

    try:
        return ZipEntry.parse(str(apk), raw=False)
    except Exception as e:  # apkInspector raises what the bytes make it raise
        raise InputError(f"{apk}: not an APK (unreadable zip: {type(e).__name__})") from e


def _member(z: Any, apk: Path, name: str) -> bytes | None:
    if name not in z.namelist():
        return None
    try:
        return bytes(z.read(name))
    except Exception as e:
        raise InputError(f"{apk}: cannot extract {name} ({type(e).__name__})") from e


def read_manifest(apk: Path) -> Manifest:
    """The manifest of ``apk``; :class:`InputError` when it is not an APK."""
    from apkInspector.axml import get_manifest

    if not apk.is_file():
        raise InputError(f"{apk}: no such APK file")
    z = _zip(apk)
    raw = _member(z, apk, "AndroidManifest.xml")
    if raw is None:
        raise InputError(f"{apk}: not an APK (no AndroidManifest.xml)")
    try:
        root = ET.fromstring(get_manifest(io.BytesIO(raw)))
    except Exception as e:
        raise InputError(f"{apk}: AndroidManifest.xml is not valid binary XML ({type(e).__name__})") from e
    package = root.get("package", "")
    if root.tag != "manifest" or not re.fullmatch(r"[A-Za-z0-9_]+(\.[A-Za-z0-9_]+)+", package):
        raise InputError(f"{apk}: the manifest has no valid package name")
    split = root.get("split")
    app = root.find("application")
    label = _label(z, apk, package, app.get(f"{ANDROID}label") if app is not None else None)
    return Manifest(package, split, None if split else _info(root, package), label)


def _info(root: ET.Element, package: str) -> AppInfo | None:
    perms = tuple(p for e in root.iter("uses-permission") if (p := e.get(f"{ANDROID}name")))
    version = root.get(f"{ANDROID}versionName") or None
    for act in [*root.iter("activity"), *root.iter("activity-alias")]:
        for f in act.iter("intent-filter"):
            actions = {a.get(f"{ANDROID}name") for a in f.iter("action")}
            cats = {c.get(f"{ANDROID}name") for c in f.iter("category")}
            if "android.intent.action.MAIN" in actions and "android.intent.category.LAUNCHER" in cats:
                return AppInfo(package, _qualify(package, act.get(f"{ANDROID}name", "")), perms, version)
    return None


def _qualify(package: str, name: str) -> str:
    if name.startswith("."):
        return package + name
    return name if "." in name else f"{package}.{name}"


def _label(z: Any, apk: Path, package: str, label: str | None) -> str | None:
    if not label:
        return None
    m = _RES_ID.match(label)
    if m is None:
        return label
    arsc = _member(z, apk, "resources.arsc")
    if arsc is None:
        return None
    from pyaxmlparser.arscparser import ARSCParser
    from pyaxmlparser.arscutil import ARSCResTableConfig

    raw = m.group(1)
    res_id = int(raw, 16) if len(raw) == 8 and not raw.isdigit() else int(raw)
    with contextlib.suppress(Exception):  # a broken resource table: no label, not a failed run
        found = ARSCParser(arsc).get_resolved_res_configs(res_id, ARSCResTableConfig.default_config())
        if found and isinstance(found[0][1], str):
            return str(found[0][1])
    return None


def read_apk_info(apk: Path) -> AppInfo:
    """What installing ``apk`` will give; :class:`InputError` if it is not an APK with a launcher activity."""
    m = read_manifest(apk)
    if m.split:
        raise InputError(f"{apk}: this is the split {m.split!r} of {m.package}, not its base APK")
    if m.info is None:
        raise InputError(f"{apk}: no launcher activity (MAIN/LAUNCHER intent filter) in the manifest")
    return m.info
