"""Size limits on hostile input, as settings with safe defaults.

Each limit is read from its environment variable (like ``DYNSCAN_DB_TIMEOUT``), so it applies to
``run``, ``analyze`` and ``flows`` alike and to the proxy's processes too. A breach is an
:class:`InputError` (one line, exit 2) naming the limit and the setting to raise it.

| setting | default | what |
|---|---|---|
| ``DYNSCAN_MAX_APK_BYTES`` | 1 GiB | uncompressed size of an APK's entries (a zip bomb) |
| ``DYNSCAN_MAX_APK_ENTRIES`` | 65,536 | entries in an APK |
| ``DYNSCAN_MAX_LINE_BYTES`` | 16 MiB | one line of a JSON Lines timeline |
| ``DYNSCAN_MAX_JSON_DEPTH`` | 64 | nesting of one event's JSON (at most 190: the store's reader stops near 200) |
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from dynscan.errors import InputError


@dataclass(frozen=True)
class Limit:
    name: str
    setting: str
    default: int
    ceiling: int | None = None

    def value(self) -> int:
        raw = os.environ.get(self.setting)
        if raw is None or raw.strip() == "":
            return self.default
        try:
            n = int(raw.replace("_", ""))
        except ValueError:
            raise InputError(f"{self.setting}={raw!r}: not a whole number") from None
        if n < 1 or (self.ceiling is not None and n > self.ceiling):
            top = f" and {self.ceiling}" if self.ceiling is not None else ""
            raise InputError(f"{self.setting}={n}: must be between 1{top}")
        return n

    def breach(self, where: str, got: str) -> InputError:
        """The error for a breach: ``where`` names the input, ``got`` what was found."""
        return InputError(f"{where}: {got}, over the {self.name} limit of {self.value():,} "
                          f"(setting {self.setting})")


APK_BYTES = Limit("uncompressed APK size", "DYNSCAN_MAX_APK_BYTES", 1 << 30)
APK_ENTRIES = Limit("APK entry count", "DYNSCAN_MAX_APK_ENTRIES", 65_536)
LINE_BYTES = Limit("timeline line length", "DYNSCAN_MAX_LINE_BYTES", 16 << 20)
JSON_DEPTH = Limit("JSON nesting depth", "DYNSCAN_MAX_JSON_DEPTH", 64, ceiling=190)


def json_depth(data: bytes) -> int:
    """How deep ``{``/``[`` nest in a JSON text (brackets inside strings do not count)."""
    if data.count(b"{") + data.count(b"[") <= 1:
        return min(1, data.count(b"{") + data.count(b"["))
    depth = deepest = 0
    in_string = escaped = False
    for byte in data:
        if in_string:
            if escaped:
                escaped = False
            elif byte == 0x5C:  # backslash
                escaped = True
            elif byte == 0x22:
                in_string = False
        elif byte == 0x22:
            in_string = True
        elif byte in (0x7B, 0x5B):
            depth += 1
            deepest = max(deepest, depth)
        elif byte in (0x7D, 0x5D):
            depth -= 1
    return deepest


def check_json_depth(data: bytes, where: str, limit: int | None = None) -> None:
    """An InputError when ``data`` nests deeper than ``DYNSCAN_MAX_JSON_DEPTH``; cheap for flat JSON."""
    top = JSON_DEPTH.value() if limit is None else limit
    if data.count(b"{") + data.count(b"[") > top and json_depth(data) > top:
        raise JSON_DEPTH.breach(where, f"JSON nested {json_depth(data)} deep")
