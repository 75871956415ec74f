"""The known-value matcher: the identity's values in every encoding, found in one pass.

``Matcher.build(identity)`` compiles every spelling x encoding of every value into one engine.
A value inside a longer token of its own alphabet is not reported (``boundary.py``).
Values learned mid-session (``add_value``) each get a small engine of their own, so an update compiles
about a hundred patterns and never the base set; when more than ``MERGE_AT`` small engines pile up, a
background thread merges them into one and swaps it in (scans go on meanwhile).
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from typing import NamedTuple

from dynscan.identity import Identity
from dynscan.traffic.boundary import kind_for, stands_alone
from dynscan.traffic.engine import Engine, build_engine
from dynscan.traffic.normalize import forms
from dynscan.traffic.variants import all_variants

MERGE_AT = 8


class Hit(NamedTuple):
    """One piece of personal data found: a CONTRACTS ``pii`` item."""

    type: str
    encoding: str
    location: str
    precision: int | None = None  # location hits: decimals the app sent

    def as_dict(self) -> dict[str, object]:
        d: dict[str, object] = {"type": self.type, "encoding": self.encoding, "location": self.location}
        if self.precision is not None:
            d["precision"] = self.precision
        return d


class Skipped(NamedTuple):
    type: str
    reason: str


def join_chain(outer: tuple[str, ...], inner: str) -> str:
    """Chain of encodings, outermost first, without ``plain`` unless it is all there is."""
    parts = [p for p in (*outer, *inner.split("+")) if p and p != "plain"]
    return "+".join(parts) if parts else "plain"


@dataclass
class _PatternSet:
    patterns: list[bytes] = field(default_factory=list)
    labels: list[set[tuple[str, str]]] = field(default_factory=list)  # (type, chain) per pattern
    index: dict[bytes, int] = field(default_factory=dict)
    bounded: set[int] = field(default_factory=set)  # patterns with a label whose edges are checked

    def engine(self, force_fallback: bool) -> Engine:
        return build_engine(self.patterns, frozenset(self.bounded), force_fallback=force_fallback)

    def add(self, data_type: str, value: str) -> Skipped | None:
        fs = forms(data_type, value)
        if fs.skipped:
            return Skipped(data_type, fs.skipped)
        for form in fs.forms:
            for pat, chain in all_variants(form).items():
                i = self.index.get(pat)
                if i is None:
                    i = self.index[pat] = len(self.patterns)
                    self.patterns.append(pat)
                    self.labels.append(set())
                self.labels[i].add((data_type, chain))
                if kind_for(data_type, chain) is not None:
                    self.bounded.add(i)
        return None


class Matcher:
    """Finds an identity's values in bytes; build with :meth:`build`."""

    def __init__(self, base: _PatternSet, skipped: list[Skipped], force_fallback: bool) -> None:
        self._base = base
        self._base_engine: Engine = base.engine(force_fallback)
        self._learned: list[tuple[_PatternSet, Engine]] = []
        self._learned_values: list[tuple[str, str]] = []
        self._lock = threading.Lock()
        self._merging = False
        self._fallback = force_fallback
        self._known: set[tuple[str, str]] = set()
        self.skipped = skipped
        self.build_seconds = 0.0

    @classmethod
    def build(cls, identity: Identity, *, force_fallback: bool = False) -> Matcher:
        """Compile every value of ``identity`` (all spellings and encodings)."""
        t0 = time.perf_counter()
        base = _PatternSet()
        skipped: list[Skipped] = []
        known: set[tuple[str, str]] = set()
        for data_type, value in identity.values():
            known.add((data_type, value))
            s = base.add(data_type, value)
            if s:
                skipped.append(s)
        m = cls(base, skipped, force_fallback)
        m._known = known
        m.build_seconds = time.perf_counter() - t0
        return m

    @property
    def engine_name(self) -> str:
        return self._base_engine.name

    @property
    def pattern_count(self) -> int:
        return len(self._base.patterns) + sum(len(ps.patterns) for ps, _ in self._learned)

    def add_value(self, data_type: str, value: str) -> bool:
        """Start looking for a value learned mid-session; False if known already or skipped."""
        key = (data_type, str(value))
        if key in self._known:
            return False
        self._known.add(key)
        pset = _PatternSet()
        s = pset.add(data_type, str(value))
        if s:
            self.skipped.append(s)
            return False
        engine = pset.engine(self._fallback)
        with self._lock:
            self._learned_values.append(key)
            self._learned = [*self._learned, (pset, engine)]
            merge = len(self._learned) > MERGE_AT and not self._merging
            self._merging = self._merging or merge
        if merge:
            threading.Thread(target=self._merge, name="dynscan-matcher-merge", daemon=True).start()
        return True

    def _merge(self) -> None:
        with self._lock:
            values = list(self._learned_values)
            replaced = len(self._learned)  # entries covering exactly ``values``; later ones are appended
        merged = _PatternSet()
        for t, v in values:
            merged.add(t, v)
        engine = merged.engine(self._fallback)
        with self._lock:
            self._learned = [(merged, engine), *self._learned[replaced:]]
            again = len(self._learned) > MERGE_AT
            self._merging = again
        if again:
            self._merge()

    def wait_merged(self, timeout: float = 10.0) -> None:
        """Block until a background merge has finished (for tests and benchmarks)."""
        deadline = time.monotonic() + timeout
        while self._merging and time.monotonic() < deadline:
            time.sleep(0.005)

    def scan(self, data: bytes | str, location: str = "body", chain: tuple[str, ...] = ()) -> list[Hit]:
        """Hits in ``data``; ``chain`` names decodings already undone to get it, outermost first."""
        if isinstance(data, str):
            try:
                buf = data.encode("utf-8", "surrogateescape")
            except UnicodeEncodeError:
                buf = data.encode("utf-8", "replace")
        else:
            buf = data
        hits: set[Hit] = set()
        for pset, engine in [(self._base, self._base_engine), *self._learned]:
            for pid, ends in engine.scan(buf).items():
                size = len(pset.patterns[pid])
                for data_type, inner in pset.labels[pid]:
                    kind = kind_for(data_type, inner)
                    if kind is None or any(stands_alone(buf, e - size, e, kind) for e in ends):
                        hits.add(Hit(data_type, join_chain(chain, inner), location))
        return sorted(hits)
