"""Location in traffic: number pairs near latitude/longitude keys, matched within a tolerance.

Understood: ``lat``/``latitude`` and ``lng``/``lon``/``long``/``longitude`` keys (any case, with
prefixes such as ``geo_`` or ``user.``), integer E6/E7 forms (``lat_e6``, ``latitudeE7`` or any
integer too large to be degrees), ``ll=lat,lon``-style pairs, bare doubles/floats from protobuf, and
protobuf varint pairs (two neighbouring varint fields, E6 or E7, as int32/int64 or zigzag sint32/sint64,
also inside packed repeated fields) and sfixed32/sfixed64 pairs (E6 or E7).
The precision reported is the number of decimals the app sent (6/7 for E6/E7 integers).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

DEFAULT_TOLERANCE = 0.01
_LAT = re.compile(r"(?:^|[^a-z])(lat|latitude)(e[67])?$")
_LON = re.compile(r"(?:^|[^a-z])(lng|lon|long|longitude)(e[67])?$")
_PAIR = re.compile(r"(?:^|[^a-z])(ll|latlng|latlon|latlong|location|loc|coords?|geo|position|pos)$")
_PAIR_VALUE = re.compile(r"^\s*\(?\s*(-?\d{1,3}(?:\.\d+)?)\s*[,;| ]\s*(-?\d{1,3}(?:\.\d+)?)\s*\)?\s*$")
# One compiled pass per decoded text: the keyword anchors the match (no scan-ahead over key prefixes);
# a letter right before it makes it another word (``plat``, ``userLat``), as in ``_LAT`` / ``_LON``.
_TEXT = re.compile(
    rb"""(?i)(?<![a-z])(?:(latitude|lat|longitude|long|lng|lon)(_?e[67])?["']?\s*[:=]\s*["']?(-?\d+(?:\.\d+)?)"""
    rb"""|(?:ll|latlng|latlon|latlong|location|loc|coords?|geo|position|pos)["']?\s*[:=]\s*["']?\(?\s*"""
    rb"""(-?\d{1,3}(?:\.\d+)?)\s*(?:[,;| ]|%2C)\s*(-?\d{1,3}(?:\.\d+)?))"""
)
_KIND = {b"lat": "lat", b"latitude": "lat"}


@dataclass(frozen=True)
class Coord:
    kind: str  # "lat" or "lon"
    value: float
    precision: int  # decimals seen


def _norm_key(key: str) -> str:
    return re.sub(r"[^a-z0-9]", "_", key.lower()).replace("_e", "e")


def _number(raw: str, scale: str | None) -> tuple[float, int] | None:
    try:
        v = float(raw)
    except ValueError:
        return None
    decimals = len(raw.split(".", 1)[1]) if "." in raw else 0
    if scale:
        digits = int(scale[1])
        return v / 10**digits, digits
    if "." not in raw and abs(v) > 180:
        for digits in (6, 7):  # integer E6/E7 without a telling key
            if abs(v / 10**digits) <= 180:
                return v / 10**digits, digits
        return None
    return v, decimals


def from_key_value(key: str, value: object) -> list[Coord]:
    """Coordinates a ``key: value`` pair may hold (numbers or numeric strings)."""
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        return []
    raw = value if isinstance(value, str) else repr(value)
    k = _norm_key(key)
    for kind, rx in (("lat", _LAT), ("lon", _LON)):
        m = rx.search(k)
        if m:
            n = _number(raw.strip(), m.group(2))
            return [Coord(kind, *n)] if n else []
    if isinstance(value, str) and _PAIR.search(k):
        pm = _PAIR_VALUE.match(value)
        if pm:
            out = []
            for kind, r in (("lat", pm.group(1)), ("lon", pm.group(2))):
                n = _number(r, None)
                if n:
                    out.append(Coord(kind, *n))
            return out
    return []


def from_text(data: bytes) -> list[Coord]:
    """Coordinates in free text (``"lat": 1.2``, ``lat=1.2``, ``ll=1.2,3.4``, ``key=value`` lines).

    Text that holds none of the keywords is not searched: a few substring searches in C decide it,
    cheaper than the regex's start at every position."""
    out: list[Coord] = []
    low = data.lower()
    if not ((b"l" in low and (b"lat" in low or b"ll" in low or b"lng" in low or b"lon" in low or b"loc" in low))
            or b"geo" in low or b"pos" in low or b"coord" in low):
        return out
    for m in _TEXT.finditer(data):
        word = m.group(1)
        if word is not None:
            scale = m.group(2)
            n = _number(m.group(3).decode("ascii"), scale.decode("ascii").lstrip("_").lower() if scale else None)
            if n:
                out.append(Coord(_KIND.get(word.lower(), "lon"), *n))
            continue
        for kind, r in (("lat", m.group(4)), ("lon", m.group(5))):
            n = _number(r.decode("ascii"), None)
            if n:
                out.append(Coord(kind, *n))
    return out


def from_floats(values: list[float]) -> list[Coord]:
    """Bare floating-point numbers (protobuf doubles): each may be either coordinate."""
    out: list[Coord] = []
    for v in values:
        if -180.0 <= v <= 180.0:
            out += [Coord("lat", v, 15), Coord("lon", v, 15)]
    return out


def varint_forms(v: int) -> tuple[int, int]:
    """A raw protobuf varint read as int32/int64 (two's complement) and as zigzag sint32/sint64."""
    signed = v - (1 << 64) if v >= 1 << 63 else v
    return signed, (v >> 1) ^ -(v & 1)


@dataclass(frozen=True)
class GeoMatcher:
    latitude: float
    longitude: float
    tolerance: float = DEFAULT_TOLERANCE

    def match(self, coords: list[Coord]) -> int | None:
        """The precision of the best matching pair, or None when no lat AND lon pair matches."""
        lats = [c for c in coords if c.kind == "lat" and abs(c.value - self.latitude) <= self.tolerance]
        lons = [c for c in coords if c.kind == "lon" and abs(c.value - self.longitude) <= self.tolerance]
        if not lats or not lons:
            return None
        return max(min(a.precision, b.precision) for a in lats for b in lons)

    def varint_pairs(self, groups: list[list[int]]) -> list[Coord]:
        """Coordinates from neighbouring varints of one message (either order) that match, scaled E6/E7.

        Both numbers of a pair must use the same form (int or zigzag) and scale; only matching pairs
        are returned, so a latitude is never paired with a longitude from elsewhere in the message.
        """
        out: list[Coord] = []
        for ints in groups:
            forms = [varint_forms(v) for v in ints]
            for a, b in pairwise(forms):
                for form in (0, 1):
                    for digits in (6, 7):
                        x, y = a[form] / 10**digits, b[form] / 10**digits
                        for lat, lon in ((x, y), (y, x)):
                            if self._near(lat, lon):
                                out += [Coord("lat", lat, digits), Coord("lon", lon, digits)]
        return out

    def fixed_pairs(self, groups: list[list[int]]) -> list[Coord]:
        """Coordinates from neighbouring ``sfixed32`` / ``sfixed64`` fields of one message, E6 or E7."""
        out: list[Coord] = []
        for ints in groups:
            for a, b in pairwise(ints):
                for digits in (6, 7):
                    x, y = a / 10**digits, b / 10**digits
                    for lat, lon in ((x, y), (y, x)):
                        if self._near(lat, lon):
                            out += [Coord("lat", lat, digits), Coord("lon", lon, digits)]
        return out

    def _near(self, lat: float, lon: float) -> bool:
        return abs(lat - self.latitude) <= self.tolerance and abs(lon - self.longitude) <= self.tolerance
