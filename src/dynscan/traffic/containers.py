"""Parsers for the containers personal data hides in; each one bounded and never raising.

JSON (walked without recursion, so any nesting depth orjson accepts costs no stack), forms and query
strings, multipart, cookies, base64 runs, hex strings, and schema-less protobuf.
"""

from __future__ import annotations

import base64
import binascii
import re
import struct
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl

import orjson

from dynscan.traffic.limits import Budget

B64_RUN = re.compile(rb"[A-Za-z0-9+/_-]{16,}={0,2}")
# an even-length run of hex digits in one case, at least 8 bytes, not part of a longer word
HEX_RUN = re.compile(rb"(?<![0-9A-Za-z])(?:(?:[0-9a-f]{2}){8,}|(?:[0-9A-F]{2}){8,})(?![0-9A-Za-z])")
_FORMISH = re.compile(rb"^[\w.\-\[\]%+*~!$'()]+=[^\s]*$")
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


def form_items(data: bytes) -> list[tuple[str, str]] | None:
    """``application/x-www-form-urlencoded`` pairs (query strings too); None when not a form."""
    first = data.split(b"&", 1)[0]
    if not _FORMISH.match(first) or B64_RUN.fullmatch(data.strip()):
        return None
    text = data.decode("utf-8", "surrogateescape")
    return parse_qsl(text, keep_blank_values=True, errors="surrogateescape", max_num_fields=None)


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


def hex_runs(data: bytes) -> Iterator[bytes]:
    """Hex strings in ``data`` that may be containers (even length, one case, 16+ digits)."""
    for m in HEX_RUN.finditer(data):
        yield m.group(0)


def is_hex_run(run: bytes) -> bool:
    return HEX_RUN.fullmatch(run) is not None


def looks_textual(data: bytes) -> bool:
    sample = data[:4096]
    return bool(sample) and len(_CTRL.findall(sample)) * 20 < len(sample)


@dataclass
class Proto:
    """What a schema-less protobuf walk found: payloads, floats, and each message's varints in order."""

    strings: list[bytes] = field(default_factory=list)
    floats: list[float] = field(default_factory=list)
    varints: list[list[int]] = field(default_factory=list)


def protobuf_fields(data: bytes, budget: Budget, max_depth: int = 4) -> Proto | None:
    """Length-delimited payloads, fixed64/fixed32 floats and varints of a schema-less protobuf message.

    Returns None when ``data`` does not parse as a message. Nested messages are walked (up to
    ``max_depth``) through a work list, never recursion. Varints are kept per message, in field
    order, so neighbouring fields (a latitude next to its longitude) stay together.
    """
    out = Proto()
    if not _parse_message(data, out, budget):
        return None
    todo = [(s, 1) for s in out.strings]
    while todo:
        blob, depth = todo.pop()
        if depth >= max_depth or len(blob) < 2:
            continue
        before = len(out.strings)
        if _parse_message(blob, out, budget):
            todo.extend((s, depth + 1) for s in out.strings[before:])
    return out


def _varint(data: bytes, i: int) -> tuple[int, int] | None:
    result = shift = 0
    while i < len(data) and shift < 70:
        b = data[i]
        result |= (b & 0x7F) << shift
        i += 1
        if not b & 0x80:
            return result, i
        shift += 7
    return None


def _parse_message(data: bytes, out: Proto, budget: Budget) -> bool:
    """Parse one message into ``out``; nothing is added when it does not parse."""
    i, n = 0, len(data)
    found: list[bytes] = []
    new_floats: list[float] = []
    ints: list[int] = []
    while i < n:
        budget.proto_fields += 1
        if budget.proto_fields > budget.limits.max_proto_fields:
            budget.cuts["protobuf_fields"] += 1
            return False
        tag = _varint(data, i)
        if tag is None or tag[0] >> 3 == 0:
            return False
        key, i = tag
        wire = key & 7
        if wire == 0:
            v = _varint(data, i)
            if v is None or v[0] >= 1 << 64:
                return False
            ints.append(v[0])
            i = v[1]
        elif wire == 1:
            if i + 8 > n:
                return False
            new_floats.append(struct.unpack_from("<d", data, i)[0])
            i += 8
        elif wire == 5:
            if i + 4 > n:
                return False
            new_floats.append(struct.unpack_from("<f", data, i)[0])
            i += 4
        elif wire == 2:
            ln = _varint(data, i)
            if ln is None or ln[1] + ln[0] > n:
                return False
            i = ln[1] + ln[0]
            found.append(data[ln[1]:i])
        else:
            return False
    out.strings.extend(found)
    out.floats.extend(f for f in new_floats if f == f)  # drop NaN
    if len(ints) >= 2:
        out.varints.append(ints)
    return True
