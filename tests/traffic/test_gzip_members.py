"""Multi-member gzip: every member inflated, within the same output cap; many members bounded."""

from __future__ import annotations

import gzip
import json
import os
import time

from dynscan.identity import Identity
from dynscan.traffic.detect import Detector
from dynscan.traffic.inflate import undo_content_encoding
from dynscan.traffic.limits import Budget, Limits

IMEI = "356938035643809"
DET = Detector.build(Identity(imei=IMEI))


def test_all_members_are_inflated() -> None:
    chunks = [os.urandom(50_000), b"middle", os.urandom(100_000)]
    body = b"".join(gzip.compress(c) for c in chunks)
    b = Budget(Limits())
    assert undo_content_encoding(body, "gzip", b) == b"".join(chunks) and not b.cuts
    b = Budget(Limits())
    assert undo_content_encoding(body + b"\0\0trailing", "gzip", b) == b"".join(chunks) and not b.cuts


def test_value_in_a_later_member_is_found_with_and_without_the_header() -> None:
    body = gzip.compress(b'{"a":1}\n') + gzip.compress(b"") + gzip.compress(json.dumps({"imei": IMEI}).encode())
    r = DET.scan_request("http://h/up", [(b"content-encoding", b"gzip")], body)
    assert [(h.type, h.encoding, h.location) for h in r.hits] == [("imei", "plain", "body")]
    assert [(h.type, h.encoding) for h in DET.scan_message(body).hits] == [("imei", "plain")]  # sniffed


def test_members_share_one_cap_and_are_counted() -> None:
    bombs = gzip.compress(b"\0" * (1 << 20)) * 64
    b = Budget(Limits(max_inflate_bytes=3 << 20))
    t = time.perf_counter()
    assert len(undo_content_encoding(bombs, "gzip", b)) == 3 << 20
    assert b.cuts == {"inflate_cap": 1} and time.perf_counter() - t < 1
    empties = gzip.compress(b"") * 200_000  # 4 MB of empty members
    b = Budget(Limits(max_gzip_members=1000))
    t = time.perf_counter()
    assert undo_content_encoding(empties + gzip.compress(IMEI.encode()), "gzip", b) == b""
    assert b.cuts == {"gzip_members": 1} and time.perf_counter() - t < 1
    b = Budget(Limits())
    cut = gzip.compress(b"a" * 1000) + gzip.compress(os.urandom(5000))[:-100]
    assert len(undo_content_encoding(cut, "gzip", b)) > 1000 and b.cuts == {"truncated_stream": 1}
