"""Bounds on the work spent on one message, and the count of what they cut.

Every decoder checks these, so garbage, bombs and endless nesting cost bounded time and memory.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

MiB = 1 << 20


@dataclass(frozen=True)
class Limits:
    max_scan_bytes: int = 32 * MiB  # bytes of one part given to the matcher; the rest is cut
    max_decode_bytes: int = 2 * MiB  # bytes parsed for structure (JSON, forms, protobuf, base64)
    max_inflate_bytes: int = 16 * MiB  # output of gzip / deflate / br / zstd for one body
    max_gzip_members: int = 4096  # members of one multi-member gzip body
    max_depth: int = 6  # nested decodings (base64 in JSON in base64, a URL in a query in a query ...)
    max_url_decodes: int = 8  # percent-decoding levels along one chain
    max_segments: int = 2048  # decoded pieces examined per message
    max_blobs: int = 256  # base64 candidates decoded per message
    max_hex_blobs: int = 256  # hex strings decoded per message
    max_proto_fields: int = 4096  # protobuf fields walked per message
    max_pairs: int = 8192  # form / query / path-parameter pairs decoded per message


@dataclass
class Budget:
    """What is left of the limits for one message, and what was cut."""

    limits: Limits
    cuts: Counter[str] = field(default_factory=Counter)
    segments: int = 0
    blobs: int = 0
    hex_blobs: int = 0
    proto_fields: int = 0
    pairs: int = 0

    def take_segment(self) -> bool:
        self.segments += 1
        if self.segments > self.limits.max_segments:
            self.cuts["segments"] += 1
            return False
        return True

    def take_blob(self) -> bool:
        self.blobs += 1
        if self.blobs > self.limits.max_blobs:
            self.cuts["base64_blobs"] += 1
            return False
        return True

    def take_hex(self) -> bool:
        self.hex_blobs += 1
        if self.hex_blobs > self.limits.max_hex_blobs:
            self.cuts["hex_blobs"] += 1
            return False
        return True

    def pairs_left(self) -> int:
        return max(self.limits.max_pairs - self.pairs, 0)

    def clip(self, data: bytes, limit: int, what: str) -> bytes:
        if len(data) > limit:
            self.cuts[what] += 1
            return data[:limit]
        return data
