"""Tiny protobuf writers for tests (schema-less: field number, wire type, payload)."""

from __future__ import annotations

import struct


def varint(v: int) -> bytes:
    v &= (1 << 64) - 1  # negative int32/int64: two's complement, 10 bytes
    out = bytearray()
    while True:
        b = v & 0x7F
        v >>= 7
        if v:
            out.append(b | 0x80)
        else:
            out.append(b)
            return bytes(out)


def zigzag(v: int) -> int:
    return (v << 1) ^ (v >> 63)


def pb_varint(field: int, v: int) -> bytes:
    return varint(field << 3) + varint(v)


def pb_sint(field: int, v: int) -> bytes:
    return pb_varint(field, zigzag(v))


def pb_bytes(field: int, data: bytes) -> bytes:
    return varint(field << 3 | 2) + varint(len(data)) + data


def pb_double(field: int, v: float) -> bytes:
    return varint(field << 3 | 1) + struct.pack("<d", v)
