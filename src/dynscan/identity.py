"""The identity file (CONTRACTS section 3): the device's known values, searched for in traffic.

All keys are optional. ``learned`` is an extension: values the privacy hooks saw returned or the app
read while the session ran (``Identity.add_value``; which ones: ``dynscan.learning``), kept beside the
device's own values.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import orjson
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from dynscan.errors import InputError

#: Identity keys that hold one string value each, in file order.
STRING_KEYS: tuple[str, ...] = (
    "imei", "meid", "imsi", "iccid", "serial", "android_id", "mac", "bt_mac", "bssid", "ssid",
    "adid", "oaid", "phone_number", "email",
)


#: Data types whose returned value is an identifier worth searching traffic for (the identity's
#: string keys; ``bt_mac`` is reported as ``mac``). Other hooks return previews (a list's size, a
#: ``Location.toString()``) that must never become search patterns.
LEARNABLE_TYPES: frozenset[str] = frozenset(STRING_KEYS) - {"bt_mac"}
#: Values Android returns instead of an identifier it withholds: nothing to search for.
PLACEHOLDERS = frozenset({"unknown", "null", "02:00:00:00:00:00", "00:00:00:00:00:00", "<unknown ssid>",
                          "000000000000000"})


class LearnedValue(BaseModel):
    """One value learned at run time (``type`` is a CONTRACTS data type or an ``extra`` name)."""

    model_config = ConfigDict(frozen=True)

    type: str
    value: str


class Identity(BaseModel):
    """The device's known values; every key optional."""

    model_config = ConfigDict(extra="ignore")

    imei: str | None = None
    meid: str | None = None
    imsi: str | None = None
    iccid: str | None = None
    serial: str | None = None
    android_id: str | None = None
    mac: str | None = None
    bt_mac: str | None = None
    bssid: str | None = None
    ssid: str | None = None
    adid: str | None = None
    oaid: str | None = None
    phone_number: str | None = None
    email: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    extra: dict[str, str] = Field(default_factory=dict)
    learned: list[LearnedValue] = Field(default_factory=list)

    @classmethod
    def load(cls, path: str | Path) -> Identity:
        """Read an identity file; raises :class:`InputError` naming the file on any problem."""
        p = Path(path)
        try:
            raw = p.read_bytes()
        except OSError as e:
            raise InputError(f"{p}: cannot read the identity file ({e.strerror or e})") from e
        try:
            data = orjson.loads(raw)
        except orjson.JSONDecodeError as e:
            raise InputError(f"{p}: the identity file is not JSON ({e})") from e
        if not isinstance(data, dict):
            raise InputError(f"{p}: the identity file must hold a JSON object")
        try:
            return cls.model_validate(data)
        except ValidationError as e:
            first = e.errors()[0]
            where = ".".join(str(x) for x in first["loc"])
            raise InputError(f"{p}: bad identity field {where!r}: {first['msg']}") from e

    def save(self, path: str | Path) -> None:
        """Write the file atomically (a reader never sees half of it)."""
        p = Path(path)
        data = orjson.dumps(self.model_dump(mode="json", exclude_none=True), option=orjson.OPT_INDENT_2)
        fd, tmp = tempfile.mkstemp(dir=p.parent, prefix=".identity-", suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, p)

    def values(self) -> list[tuple[str, str]]:
        """Every string value as ``(data_type, value)``: device keys, ``extra``, then learned ones.

        ``bt_mac`` is reported as type ``mac`` (CONTRACTS has no ``bt_mac`` data type).
        """
        out: list[tuple[str, str]] = []
        for key in STRING_KEYS:
            v = getattr(self, key)
            if v:
                out.append(("mac" if key == "bt_mac" else key, str(v)))
        out.extend((k, v) for k, v in self.extra.items() if v)
        out.extend((lv.type, lv.value) for lv in self.learned if lv.value)
        return out

    def add_value(self, data_type: str, value: str) -> bool:
        """Record a value learned at run time; returns False when it was already known."""
        value = str(value)
        if (data_type, value) in self.values():
            return False
        self.learned.append(LearnedValue(type=data_type, value=value))
        return True
