"""What opening a string found, kept across messages: an app sends the same strings again and again.

A device ID in every query, a User-Agent and a token in every request's headers, the same device
block in every analytics body: opening such a string (decoding it as hex, base64, a form ...) gives
the same hits every time. ``OpenMemo`` remembers, per string (``MAX_KEY_BYTES`` at most) and the
place it was opened (location, chain, depth, content type), the hits and coordinates that opening
found and the budget it spent; the next message replays them instead of decoding again.

A replay is exact: only an opening that cut nothing is kept (its result did not depend on what
was left of the message's budget), and it is replayed only when the message's budget still holds
what it spent, which it then charges (so every later limit falls where it would have). The memo
belongs to one matcher: ``clear()`` when a value is added (``Detector.add_value``).
"""

from __future__ import annotations

from typing import NamedTuple

from dynscan.traffic.limits import Budget
from dynscan.traffic.location import Coord
from dynscan.traffic.matcher import Hit

Chain = tuple[str, ...]
Key = tuple[bytes, str, Chain, int, str]  # data, location, chain, depth, content type
MAX_KEY_BYTES = 1024
MAX_ENTRIES = 4096
_COUNTERS = ("segments", "blobs", "hex_blobs", "proto_fields", "pairs")


class Spent(NamedTuple):
    segments: int
    blobs: int
    hex_blobs: int
    proto_fields: int
    pairs: int


class Opened(NamedTuple):
    hits: frozenset[Hit]
    coords: tuple[tuple[tuple[str, Chain], tuple[Coord, ...]], ...]
    spent: Spent


def counters(budget: Budget) -> Spent:
    return Spent(budget.segments, budget.blobs, budget.hex_blobs, budget.proto_fields, budget.pairs)


def fits(budget: Budget, spent: Spent) -> bool:
    """Whether ``budget`` still holds ``spent`` (so the opening would cut nothing now either)."""
    lim = budget.limits
    return (budget.segments + spent.segments <= lim.max_segments and budget.blobs + spent.blobs <= lim.max_blobs
            and budget.hex_blobs + spent.hex_blobs <= lim.max_hex_blobs
            and budget.proto_fields + spent.proto_fields <= lim.max_proto_fields
            and budget.pairs + spent.pairs <= lim.max_pairs)


def charge(budget: Budget, spent: Spent) -> None:
    budget.segments += spent.segments
    budget.blobs += spent.blobs
    budget.hex_blobs += spent.hex_blobs
    budget.proto_fields += spent.proto_fields
    budget.pairs += spent.pairs


class OpenMemo:
    """Openings by key; bounded (emptied when full)."""

    def __init__(self, max_entries: int = MAX_ENTRIES) -> None:
        self.max_entries = max_entries
        self._entries: dict[Key, Opened] = {}
        self.hits = self.misses = 0

    def get(self, key: Key) -> Opened | None:
        found = self._entries.get(key)
        if found is None:
            self.misses += 1
        else:
            self.hits += 1
        return found

    def put(self, key: Key, opened: Opened) -> None:
        if len(self._entries) >= self.max_entries:
            self._entries.clear()
        self._entries[key] = opened

    def clear(self) -> None:
        self._entries.clear()

    def __len__(self) -> int:
        return len(self._entries)
