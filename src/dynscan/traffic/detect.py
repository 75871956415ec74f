"""The detector: an identity's matcher plus location, applied to the parts of one message.

It keeps one memo of string openings (``memo.py``) for all the messages it scans.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from dynscan.identity import Identity
from dynscan.traffic.explore import Scan, to_bytes
from dynscan.traffic.inflate import undo_content_encoding
from dynscan.traffic.limits import Limits
from dynscan.traffic.location import DEFAULT_TOLERANCE, GeoMatcher
from dynscan.traffic.matcher import Hit, Matcher
from dynscan.traffic.memo import OpenMemo


@dataclass
class ScanResult:
    hits: list[Hit]
    cuts: Counter[str] = field(default_factory=Counter)

    def pii(self) -> list[dict[str, object]]:
        return [h.as_dict() for h in self.hits]


class Detector:
    """Finds the identity's values (and its location) in requests and messages."""

    def __init__(self, matcher: Matcher, geo: GeoMatcher | None, limits: Limits | None = None,
                 memoize: bool = True) -> None:
        self.matcher = matcher
        self.geo = geo
        self.limits = limits or Limits()
        self.memo = OpenMemo() if memoize else None

    @classmethod
    def build(cls, identity: Identity, *, tolerance: float = DEFAULT_TOLERANCE,
              limits: Limits | None = None, force_fallback: bool = False, memoize: bool = True) -> Detector:
        geo = None
        if identity.latitude is not None and identity.longitude is not None:
            geo = GeoMatcher(identity.latitude, identity.longitude, tolerance)
        return cls(Matcher.build(identity, force_fallback=force_fallback), geo, limits, memoize)

    def add_value(self, data_type: str, value: str) -> bool:
        """Start looking for a value learned at run time."""
        added = self.matcher.add_value(data_type, value)
        if added and self.memo is not None:
            self.memo.clear()  # what a string holds now includes the new value
        return added

    def _scan(self) -> Scan:
        return Scan(self.matcher, self.geo, self.limits, self.memo)

    def scan_request(self, url: str, headers: Iterable[tuple[bytes, bytes]], body: bytes | None) -> ScanResult:
        """An HTTP request: its URL, headers (cookies apart) and body (content-encoding undone here)."""
        s = self._scan()
        s.url(url)
        ctype = cenc = ""
        fields = list(headers)
        s.headers(fields)
        for name, value in fields:
            low = name.lower()
            if low == b"content-type":
                ctype = value.decode("latin-1")
            elif low == b"content-encoding":
                cenc = value.decode("latin-1")
        if body:
            if len(body) > self.limits.max_scan_bytes:
                s.budget.cuts["scan_bytes"] += 1
                body = body[: self.limits.max_scan_bytes]
            plain = undo_content_encoding(body, cenc, s.budget) if cenc else body
            s.text(plain, "body", (), 0, ctype)
        return ScanResult(s.result(), s.budget.cuts)

    def scan_message(self, data: bytes | str) -> ScanResult:
        """A websocket message or a raw TCP payload (location ``body``)."""
        s = self._scan()
        s.text(to_bytes(data) if isinstance(data, str) else data, "body", (), 0)
        return ScanResult(s.result(), s.budget.cuts)
