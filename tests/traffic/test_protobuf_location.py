"""Location sent as protobuf varints: E6/E7, int32/int64 and zigzag sint32/sint64, as field pairs."""

from __future__ import annotations

import struct

import pytest

from dynscan.identity import Identity
from dynscan.traffic.detect import Detector
from dynscan.traffic.location import varint_forms

from .pb import pb_bytes, pb_sint, pb_varint, varint, zigzag

LAT, LON = -33.8688, 151.2093  # negative latitude: exercises two's complement and zigzag
DET = Detector.build(Identity(latitude=LAT, longitude=LON))


def locations(data: bytes) -> list[tuple[str, int | None]]:
    return [(h.encoding, h.precision) for h in DET.scan_message(data).hits if h.type == "location"]


def e(v: float, digits: int) -> int:
    return round(v * 10.0**digits)


@pytest.mark.parametrize(("name", "msg", "precision"), [
    ("int32_e7", pb_varint(1, e(LAT, 7)) + pb_varint(2, e(LON, 7)), 7),
    ("int64_e6", pb_varint(3, e(LAT, 6)) + pb_varint(4, e(LON, 6)), 6),
    ("sint32_e7", pb_sint(1, e(LAT, 7)) + pb_sint(2, e(LON, 7)), 7),
    ("sint64_e6", pb_sint(7, e(LAT, 6)) + pb_sint(9, e(LON, 6)), 6),
    ("string_between", pb_varint(1, e(LAT, 7)) + pb_bytes(2, b"gps") + pb_varint(3, e(LON, 7)), 7),
    ("lon_first", pb_varint(1, e(LON, 7)) + pb_varint(2, e(LAT, 7)), 7),
    ("within_tolerance", pb_sint(1, e(LAT + 0.006, 7)) + pb_sint(2, e(LON - 0.009, 7)), 7),
    ("nested_with_neighbours", pb_varint(1, 1) + pb_bytes(2, pb_bytes(1, b"device")
     + pb_varint(2, 1700000000) + pb_varint(3, e(LAT, 6)) + pb_varint(4, e(LON, 6)) + pb_varint(5, 12)), 6),
])
def test_varint_pairs_are_found_with_their_precision(name: str, msg: bytes, precision: int) -> None:
    assert locations(msg) == [("plain", precision)], name


@pytest.mark.parametrize(("name", "msg"), [
    ("outside_tolerance", pb_varint(1, e(LAT + 0.02, 7)) + pb_varint(2, e(LON, 7))),
    ("not_neighbours", pb_varint(1, e(LAT, 7)) + pb_varint(2, 5) + pb_varint(3, e(LON, 7))),
    ("mixed_forms", pb_varint(1, e(LAT, 7)) + pb_sint(2, e(LON, 7))),
    ("mixed_scales", pb_varint(1, e(LAT, 6)) + pb_varint(2, e(LON, 7))),
    ("only_latitude", pb_varint(1, e(LAT, 7)) + pb_varint(2, e(LAT, 7))),
    ("different_messages", pb_bytes(1, pb_varint(1, 2) + pb_varint(2, e(LAT, 7)))
     + pb_bytes(2, pb_varint(1, e(LON, 7)) + pb_varint(2, 3))),
])
def test_varints_that_are_not_a_matching_pair(name: str, msg: bytes) -> None:
    assert locations(msg) == [], name


def test_varint_forms() -> None:
    assert varint_forms((1 << 64) - 5) == (-5, 2 - (1 << 63))  # int64 -5; its zigzag reading is huge
    assert varint_forms(zigzag(-338688000))[1] == -338688000
    assert varint_forms(zigzag(1512093000))[1] == 1512093000


def test_varint_location_inside_base64_keeps_the_chain() -> None:
    import base64

    msg = pb_sint(1, e(LAT, 7)) + pb_sint(2, e(LON, 7))
    assert locations(b'{"p":"' + base64.b64encode(msg) + b'"}') == [("base64", 7)]


def pb_sfixed32(field: int, v: int) -> bytes:
    return bytes([field << 3 | 5]) + struct.pack("<i", v)


def pb_sfixed64(field: int, v: int) -> bytes:
    return bytes([field << 3 | 1]) + struct.pack("<q", v)


@pytest.mark.parametrize(("name", "msg", "precision"), [
    ("sfixed32_e7", pb_sfixed32(1, e(LAT, 7)) + pb_sfixed32(2, e(LON, 7)), 7),
    ("sfixed64_e6", pb_sfixed64(1, e(LAT, 6)) + pb_sfixed64(2, e(LON, 6)), 6),
    ("float_pair", bytes([13]) + struct.pack("<f", LAT) + bytes([21]) + struct.pack("<f", LON), 15),
    ("packed_varints_e7", pb_varint(1, 5) + pb_bytes(2, varint(e(LAT, 7)) + varint(e(LON, 7))), 7),
    ("packed_sint_e6", pb_varint(1, 5) + pb_bytes(4, varint(zigzag(e(LAT, 6))) + varint(zigzag(e(LON, 6)))), 6),
])
def test_fixed_and_packed_coordinates(name: str, msg: bytes, precision: int) -> None:
    assert locations(msg) == [("plain", precision)], name


def test_packed_runs_far_from_the_location_find_nothing() -> None:
    assert locations(pb_varint(1, 5) + pb_bytes(2, varint(e(LAT + 1, 7)) + varint(e(LON, 7)))) == []
