"""Multi-pattern literal search: Hyperscan when it loads, ``ahocorasick_rs`` otherwise.

One engine holds one compiled set of byte literals and answers "which of them occur in this
buffer" in a single pass; there is never a Python loop over patterns. Patterns marked ``bounded``
(a value whose edges must stand alone, see ``boundary.py``) report where each occurrence ends, up to
:data:`MAX_ENDS`; the others report once.
"""

from __future__ import annotations

import threading
from typing import Any, Protocol

import ahocorasick_rs

_hs: Any
try:  # pragma: no branch - depends on the platform
    import hyperscan

    _hs = hyperscan
    HAVE_HYPERSCAN = True
except ImportError:  # pragma: no cover - the fallback is exercised via force_fallback
    _hs = None
    HAVE_HYPERSCAN = False

MAX_ENDS = 64  # occurrences of one bounded pattern remembered per scan
Found = dict[int, list[int]]  # pattern id -> end offsets (one, 0, for an unbounded pattern)


class Engine(Protocol):
    name: str

    def scan(self, data: bytes) -> Found: ...


class HyperscanEngine:
    """A block-mode Hyperscan database of literals; each pattern reports at most once per scan."""

    name = "hyperscan"

    def __init__(self, patterns: list[bytes], bounded: frozenset[int] = frozenset()) -> None:
        assert _hs is not None
        self._db = _hs.Database(mode=_hs.HS_MODE_BLOCK)
        single = _hs.HS_FLAG_SINGLEMATCH
        self._db.compile(
            expressions=patterns, ids=list(range(len(patterns))), elements=len(patterns),
            flags=[0 if i in bounded else single for i in range(len(patterns))], literal=True,
        )
        self._local = threading.local()

    def _on_match(self, pid: int, start: int, end: int, flags: int, found: object) -> bool | None:
        assert isinstance(found, dict)
        ends = found.get(pid)
        if ends is None:
            found[pid] = [end]
        elif len(ends) < MAX_ENDS:
            ends.append(end)
        return None

    def scan(self, data: bytes) -> Found:
        found: Found = {}
        scratch = getattr(self._local, "scratch", None)
        if scratch is None:
            scratch = _hs.Scratch(self._db)
            self._local.scratch = scratch
        self._db.scan(data, match_event_handler=self._on_match, context=found, scratch=scratch)
        return found


class AhoCorasickEngine:
    """Aho-Corasick over bytes (overlapping matches), for platforms without Hyperscan."""

    name = "ahocorasick_rs"

    def __init__(self, patterns: list[bytes], bounded: frozenset[int] = frozenset()) -> None:
        self._ac: Any = ahocorasick_rs.BytesAhoCorasick(patterns)

    def scan(self, data: bytes) -> Found:
        found: Found = {}
        for pid, _start, end in self._ac.find_matches_as_indexes(data, overlapping=True):
            ends = found.get(pid)
            if ends is None:
                found[pid] = [end]
            elif len(ends) < MAX_ENDS:
                ends.append(end)
        return found


class EmptyEngine:
    name = "empty"

    def scan(self, data: bytes) -> Found:
        return {}


def build_engine(patterns: list[bytes], bounded: frozenset[int] = frozenset(), *,
                 force_fallback: bool = False) -> Engine:
    """Compile ``patterns`` (ids are list positions) with the best engine available."""
    if not patterns:
        return EmptyEngine()
    if HAVE_HYPERSCAN and not force_fallback:
        try:
            return HyperscanEngine(patterns, bounded)
        except Exception:  # pragma: no cover - e.g. a CPU without SSSE3
            pass
    return AhoCorasickEngine(patterns, bounded)
