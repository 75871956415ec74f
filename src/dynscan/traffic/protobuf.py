"""Schema-less protobuf: payloads, floating-point numbers and integers in field order, per message.

Hand-written because no protobuf library parses a message without its schema. What is kept for
location: doubles / floats (wire types 1 and 5), the same 8 / 4 bytes read as ``sfixed64`` /
``sfixed32`` integers (E6 / E7 coordinates), varints, and **packed repeated varints** (a
length-delimited payload that is a whole run of varints, opened as that message's integers too).
Bounded by ``max_proto_fields`` (every varint of a packed run counts); a work list, never recursion.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field

from dynscan.traffic.limits import Budget

_MAX_PACKED = 4096  # bytes of a payload tried as a packed varint run


@dataclass
class Proto:
    """What a walk found: payloads, floats, each message's varints and fixed integers in order."""

    strings: list[bytes] = field(default_factory=list)
    floats: list[float] = field(default_factory=list)
    varints: list[list[int]] = field(default_factory=list)
    fixed: list[list[int]] = field(default_factory=list)  # sfixed32 / sfixed64, signed


def protobuf_fields(data: bytes, budget: Budget, max_depth: int = 4) -> Proto | None:
    """The fields of ``data`` and of the messages nested in it; None when ``data`` is not a message."""
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
        _packed(blob, out, budget)  # a packed run may also parse as a message: try both
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


def _packed(blob: bytes, out: Proto, budget: Budget) -> None:
    """A payload made only of varints, some multi-byte (plain text is not tried: every ASCII byte
    is a one-byte varint): its integers, as one group."""
    if len(blob) > _MAX_PACKED or max(blob) < 0x80:
        return
    ints: list[int] = []
    i = 0
    while i < len(blob):
        budget.proto_fields += 1
        if budget.proto_fields > budget.limits.max_proto_fields:
            budget.cuts["protobuf_fields"] += 1
            return
        v = _varint(blob, i)
        if v is None or v[0] >= 1 << 64:
            return
        ints.append(v[0])
        i = v[1]
    if len(ints) >= 2:
        out.varints.append(ints)


def _parse_message(data: bytes, out: Proto, budget: Budget) -> bool:
    """Parse one message into ``out``; nothing is added when it does not parse."""
    i, n = 0, len(data)
    found: list[bytes] = []
    new_floats: list[float] = []
    ints: list[int] = []
    fixed: list[int] = []
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
        elif wire == 1 or wire == 5:
            width = 8 if wire == 1 else 4
            if i + width > n:
                return False
            f, q = _fixed(data, i, wire)
            new_floats.append(f)
            fixed.append(q)
            i += width
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
    if len(fixed) >= 2:
        out.fixed.append(fixed)
    return True


def _fixed(data: bytes, i: int, wire: int) -> tuple[float, int]:
    if wire == 1:
        return struct.unpack_from("<d", data, i)[0], struct.unpack_from("<q", data, i)[0]
    return struct.unpack_from("<f", data, i)[0], struct.unpack_from("<i", data, i)[0]
