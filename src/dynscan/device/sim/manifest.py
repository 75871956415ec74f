"""Read the parts of an ``AndroidManifest.xml`` the virtual device needs (CONTRACTS section 5)."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from dynscan.device.base import AppInfo
from dynscan.errors import InputError
from dynscan.util.pkgname import check_package_name

ANDROID = "{http://schemas.android.com/apk/res/android}"
MAIN = "android.intent.action.MAIN"
LAUNCHER = "android.intent.category.LAUNCHER"


def _resolve(package: str, name: str) -> str:
    if name.startswith("."):
        return package + name
    return name if "." in name else f"{package}.{name}"


def _has_launcher_filter(activity: ET.Element) -> bool:
    for f in activity.iter("intent-filter"):
        actions = {a.get(f"{ANDROID}name") for a in f.iter("action")}
        cats = {c.get(f"{ANDROID}name") for c in f.iter("category")}
        if MAIN in actions and LAUNCHER in cats:
            return True
    return False


def parse_manifest(text: bytes | str, origin: str) -> AppInfo:
    """Parse manifest text; ``origin`` names the file in error messages."""
    raw = text.encode() if isinstance(text, str) else text
    if b"<!DOCTYPE" in raw.upper():
        raise InputError(f"{origin}: DOCTYPE is not allowed in AndroidManifest.xml")
    try:
        root = ET.fromstring(text)
    except ET.ParseError as e:
        raise InputError(f"{origin}: not a valid AndroidManifest.xml: {e}") from e
    if root.tag != "manifest":
        raise InputError(f"{origin}: root element is <{root.tag}>, expected <manifest>")
    if root.get("package") is None:
        raise InputError(f"{origin}: <manifest> has no package attribute")
    package = check_package_name(root.get("package"), origin)
    perms = tuple(p.get(f"{ANDROID}name", "") for p in root.iter("uses-permission"))
    launcher = None
    for act in root.iter("activity"):
        if _has_launcher_filter(act):
            launcher = _resolve(package, act.get(f"{ANDROID}name", ""))
            break
    if launcher is None:
        raise InputError(f"{origin}: no activity with the MAIN/LAUNCHER intent filter")
    return AppInfo(
        package=package,
        launcher_activity=launcher,
        permissions=tuple(p for p in perms if p),
        version=root.get(f"{ANDROID}versionName"),
    )
