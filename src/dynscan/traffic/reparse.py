"""What a decoded string looks like: a URL, a query string, ``;k=v`` path parameters, or escapes left.

Hand-written (the standard library's ``parse_qsl`` / ``unquote`` decode but do not say *whether* a
value was encoded, and they know nothing of ``;k=v`` parameters): each pair carries the decoding
step it took (``url`` when percent-decoding changed it, ``""`` when it was sent as is), so a hit's
encoding chain keeps every step that was really undone. Nothing here raises.
"""

from __future__ import annotations

import re
from typing import NamedTuple
from urllib.parse import unquote_to_bytes

ESCAPE = re.compile(rb"%[0-9A-Fa-f]{2}")
_URL = re.compile(rb"^\s*(?:[A-Za-z][A-Za-z0-9+.\-]{1,15}:)?//[^\s/?#]+")
_FORMISH = re.compile(rb"^[\w.\-\[\]%+*~!$'():@,|]*=[^\s]*$")
_PARAM = re.compile(rb"[^;/?#=\s]{1,64}=[^;/?#\s]*")
_B64_PADDED = re.compile(rb"[A-Za-z0-9+/_\-]{8,}={1,2}")


class Pair(NamedTuple):
    key: str
    value: bytes
    step: str  # "url" when percent-decoding changed the value, else ""


class UrlParts(NamedTuple):
    query: bytes
    path: bytes
    fragment: bytes


def percent_decode(data: bytes, plus: bool = False) -> bytes:
    """One level of percent-decoding (``plus``: ``+`` is a space, as in forms)."""
    if plus and b"+" in data:
        data = data.replace(b"+", b" ")
    return unquote_to_bytes(data) if b"%" in data else data


def has_escapes(data: bytes) -> bool:
    return ESCAPE.search(data) is not None


def _text(b: bytes) -> str:
    return b.decode("utf-8", "surrogateescape")


def _pair(raw_key: bytes, raw_value: bytes, plus: bool) -> Pair:
    value = percent_decode(raw_value, plus)
    return Pair(_text(percent_decode(raw_key, plus)), value, "url" if value != raw_value else "")


def form_pairs(data: bytes, limit: int = 1 << 30) -> list[Pair] | None:
    """``k=v&k2=v2`` (query strings, form bodies), at most ``limit + 1`` pairs (the last one holds
    the rest, undecoded: the caller counts the cut); None when ``data`` is not a form."""
    first = data.split(b"&", 1)[0]
    if b"=" not in data or not _FORMISH.match(first) or _B64_PADDED.fullmatch(data.strip()):
        return None
    out: list[Pair] = []
    pieces = data.split(b"&", limit)
    if len(pieces) > limit:
        out.append(Pair("", pieces.pop(), "cut"))
    for piece in pieces:
        if piece:
            k, _, v = piece.partition(b"=")
            out.append(_pair(k, v, True))
    return out


def path_params(path: bytes) -> list[Pair]:
    """``;k=v`` parameters in a path (DoubleClick Floodlight ``/activityi;src=1;~oref=...``)."""
    if b";" not in path:
        return []
    out: list[Pair] = []
    for seg in path.split(b";")[1:]:
        m = _PARAM.match(seg)
        if m:
            k, _, v = m.group(0).partition(b"=")
            out.append(_pair(k, v, False))
    return out


def url_parts(data: bytes) -> UrlParts | None:
    """The query, path and fragment of an absolute or scheme-relative URL; None when not a URL."""
    m = _URL.match(data)
    if not m:
        return None
    rest = data[m.end():].strip()
    rest, _, fragment = rest.partition(b"#")
    path, _, query = rest.partition(b"?")
    return UrlParts(query, path, fragment)


def split_target(target: bytes) -> UrlParts:
    """A request target (``/path;k=v?query#frag``) or a full URL, in parts."""
    parts = url_parts(target)
    if parts is not None:
        return parts
    rest, _, fragment = target.partition(b"#")
    path, _, query = rest.partition(b"?")
    return UrlParts(query, path, fragment)
