"""Parsers for the containers personal data hides in; each one bounded and never raising.

JSON (walked without recursion, so any nesting depth orjson accepts costs no stack), forms and query
strings, multipart, cookies, base64 runs and hex strings (protobuf: ``protobuf.py``).
"""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Iterator
from typing import Any

import orjson

# A maximal run of 16+ base64-alphabet characters with at least one letter (decimal digits alone are
# a number). It starts only where a run starts (lookbehind) and the quantifiers are possessive, so
# a long run of digits costs linear time, not a retry at every position.
B64_RUN = re.compile(rb"(?<![A-Za-z0-9+/_\-])(?=[A-Za-z0-9+/_\-]{16})[0-9+/_\-]*+[A-Za-z][A-Za-z0-9+/_\-]*+={0,2}")
# an even-length run of hex digits in one case, at least 8 bytes (whole, inside a base64-alphabet run)
_HEX = re.compile(rb"(?:[0-9a-f]{2}){8,}|(?:[0-9A-F]{2}){8,}")
_SEP = re.compile(rb"[+/_\-]")
_LETTER = re.compile(rb"[A-Za-z]")
_CTRL = re.compile(rb"[\x00-\x08\x0e-\x1f]")


def json_items(data: bytes) -> Iterator[tuple[str, Any]] | None:
    """``(key, scalar)`` for every string or number in a JSON document; None when not JSON."""
    head = data.lstrip()[:1]
    if head not in (b"{", b"["):
        return None
    try:
        doc = orjson.loads(data)  # rejects nesting deeper than 1024: treated as text
    except orjson.JSONDecodeError:
        return None
    return _walk(doc)


def _walk(doc: Any) -> Iterator[tuple[str, Any]]:
    stack: list[tuple[str, Any]] = [("", doc)]
    while stack:
        key, node = stack.pop()
        if isinstance(node, dict):
            stack.extend((str(k), v) for k, v in node.items())
        elif isinstance(node, list):
            stack.extend((key, v) for v in node)
        elif isinstance(node, str | int | float) and not isinstance(node, bool):
            yield key, node


def cookie_items(header: str) -> list[tuple[str, str]]:
    out = []
    for piece in header.split(";"):
        name, sep, value = piece.strip().partition("=")
        if sep:
            out.append((name.strip(), value.strip().strip('"')))
    return out


def multipart_parts(data: bytes, content_type: str) -> list[tuple[str, bytes]] | None:
    """``(field name, body)`` of each part of a ``multipart/*`` body; None when not multipart."""
    m = re.search(r'boundary="?([^";]+)"?', content_type, re.I)
    if not content_type.lower().startswith("multipart/") or not m:
        return None
    delim = b"--" + m.group(1).encode("latin-1", "replace")
    parts: list[tuple[str, bytes]] = []
    for chunk in data.split(delim)[1:]:
        if chunk.startswith(b"--"):
            break
        head, sep, body = chunk.partition(b"\r\n\r\n")
        if not sep:
            head, sep, body = chunk.partition(b"\n\n")
        nm = re.search(rb'name="([^"]*)"', head)
        name = nm.group(1).decode("utf-8", "replace") if nm else ""
        parts.append((name, body.removesuffix(b"\r\n").removesuffix(b"\n")))
    return parts


def b64_decode(run: bytes) -> bytes | None:
    """Decode one base64 run (standard or URL-safe, padding optional); None when it is not one."""
    s = run.rstrip(b"=")
    if len(s) % 4 == 1:
        return None
    s = s.replace(b"-", b"+").replace(b"_", b"/") + b"=" * (-len(s) % 4)
    try:
        return base64.b64decode(s, validate=True)
    except (binascii.Error, ValueError):
        return None


def hex_pieces(run: bytes) -> list[bytes]:
    """The hex strings a base64-alphabet run is made of: the run itself, or its pieces between
    ``+ / _ -``, each even length, one case, 16+ digits, at least one of them a letter (a run of
    decimal digits is a number: a timestamp, a float's decimals, an ID -- and a container's hex
    always has letters: ``{`` is ``7b``, a protobuf tag ``0a``)."""
    core = run.rstrip(b"=")
    if _HEX.fullmatch(core):
        return [core] if _LETTER.search(core) else []
    if not _SEP.search(core):
        return []
    return [p for p in _SEP.split(core) if _HEX.fullmatch(p) and _LETTER.search(p)]


def looks_textual(data: bytes) -> bool:
    sample = data[:4096]
    return bool(sample) and len(_CTRL.findall(sample)) * 20 < len(sample)
