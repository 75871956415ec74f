"""Values an app read at run time, as canaries for the traffic matcher (issue 13, CONTRACTS §3).

An ``api_call`` teaches the session two kinds of value:

* ``value``: an identifier the hook saw returned (``imei``, ``ssid``, ``cell_id`` ...);
* ``learned``: a list of strings the agent copied out of what the app read: the package names of an
  app list, the text cells of a contacts / SMS / call-log cursor, account names, clipboard text,
  Wi-Fi names from a scan.

Free text makes bad patterns: "Dentist" or "Home" would match half the web. So a learned string is
kept only when it is long enough for its type (``MIN_CHARS``), is not on the allow-list of common
words and platform package names (``ALLOWED``), is not the app's own package, and, for free-text
types, is not a single short word.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from dynscan.identity import LEARNABLE_TYPES, PLACEHOLDERS

#: Types whose ``learned`` strings are lists the app read, and the minimum length kept for each.
MIN_CHARS: dict[str, int] = {
    "app_list": 8, "running_apps": 8, "app_usage": 8,
    "contacts": 6, "call_log": 6, "sms": 8, "calendar": 8, "media": 8, "bookmarks": 8,
    "clipboard": 6, "accounts": 6, "wifi_scan": 6, "ssid": 6,
}
#: Free-text types: a single word shorter than ``SINGLE_WORD_MIN`` is never a canary.
FREE_TEXT = frozenset({"contacts", "call_log", "sms", "calendar", "clipboard", "media", "bookmarks"})
SINGLE_WORD_MIN = 10
#: Common words and platform packages that turn up in traffic for reasons of their own.
ALLOWED = frozenset({
    "android", "default", "unknown", "google", "mobile", "contacts", "message", "messages", "settings",
    "com.google", "com.google.android.gms", "com.google.android.gsf", "com.android.vending",
    "com.google.android.webview", "com.android.webview", "com.android.providers.contacts",
    "androidwifi", "wifi", "wlan0", "localhost",
})
#: Value-type identifiers beyond the identity keys (``cell_id``: GSM/CDMA cell and area ids).
VALUE_TYPES = LEARNABLE_TYPES | {"cell_id"}

_PACKAGE = re.compile(r"^[A-Za-z][\w]*(\.[A-Za-z_][\w]*)+$")
_MAC = re.compile(r"^[0-9A-Fa-f]{2}([:-][0-9A-Fa-f]{2}){5}$")
_APP_TYPES = frozenset({"app_list", "running_apps", "app_usage"})


def _typed(data_type: str, text: str) -> str:
    """The type a learned string is reported as: a scan's entries are the contract's ``bssid`` and
    ``ssid``; every other string keeps its hook's type (the matcher spells a contact's phone number
    as a phone number by its shape, ``traffic.normalize``)."""
    if data_type == "wifi_scan":
        return "bssid" if _MAC.fullmatch(text) else "ssid"
    return data_type


def keep(data_type: str, text: str, own_package: str | None = None) -> bool:
    """Whether a learned string is specific enough to search traffic for."""
    low = text.lower()
    if low in ALLOWED or low in PLACEHOLDERS or (own_package and text == own_package):
        return False
    if len(text) < MIN_CHARS.get(data_type, 6):
        return False
    if data_type in _APP_TYPES:
        return _PACKAGE.fullmatch(text) is not None
    if data_type in FREE_TEXT and not any(c.isspace() for c in text) and not any(c.isdigit() for c in text):
        return len(text) >= SINGLE_WORD_MIN
    return True


def learned_values(event: Mapping[str, Any], own_package: str | None = None) -> list[tuple[str, str]]:
    """``(type, value)`` pairs an ``api_call`` teaches: its identifier value and its ``learned`` list."""
    if event.get("kind") != "api_call":
        return []
    out: list[tuple[str, str]] = []
    data_type, value = event.get("data_type"), event.get("value")
    if data_type in VALUE_TYPES and not isinstance(value, bool) and isinstance(value, str | int):
        text = str(value).strip()
        if len(text) >= 4 and text.lower() not in PLACEHOLDERS:
            out.append((str(data_type), text))
    learned = event.get("learned")
    if isinstance(data_type, str) and isinstance(learned, list):
        for item in learned[:500]:
            if not isinstance(item, str):
                continue
            text = item.strip().strip('"')
            if keep(data_type, text, own_package):
                pair = (_typed(data_type, text), text)
                if pair not in out:
                    out.append(pair)
    return out
