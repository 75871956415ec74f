"""One message's bounded walk: match the raw bytes, then every decoded layer inside them.

Layers: compressed streams, JSON (strings, numbers, JSON inside strings), forms and query strings,
multipart parts, cookies, base64 runs (JWT payloads included, recursively up to ``max_depth``), hex
strings and schema-less protobuf. Each decoding undone is added to the chain of the hits found below it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from urllib.parse import urlsplit

from dynscan.traffic import containers as c
from dynscan.traffic import location as geo
from dynscan.traffic.inflate import inflate, sniff_encoding
from dynscan.traffic.limits import Budget, Limits
from dynscan.traffic.matcher import Hit, Matcher

Chain = tuple[str, ...]
_SOFT = {"json", "url"}  # reported only when the value is not found without them


def to_bytes(s: str) -> bytes:
    try:
        return s.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        return s.encode("utf-8", "replace")


class Scan:
    """Hits and coordinates found in one message (an HTTP request, a websocket or TCP message)."""

    def __init__(self, matcher: Matcher, geo_matcher: geo.GeoMatcher | None, limits: Limits) -> None:
        self.matcher = matcher
        self.geo = geo_matcher
        self.budget = Budget(limits)
        self.hits: set[Hit] = set()
        self.coords: dict[tuple[str, Chain], list[geo.Coord]] = defaultdict(list)

    # -- entry points -------------------------------------------------------------------------
    def url(self, url: str) -> None:
        raw = to_bytes(url)
        self._match(raw, "url", ())
        try:
            parts = urlsplit(url)
        except ValueError:  # a hostile host ("[" without "]"): the whole URL was matched above
            return
        if parts.query:
            self._form(to_bytes(parts.query), "url", (), 0)
        self._blobs(to_bytes(parts.path), "url", (), 0)

    def headers(self, fields: Sequence[tuple[bytes, bytes]]) -> None:
        """Header values matched in one pass; cookies apart; long values opened (JWT, base64)."""
        plain: list[bytes] = []
        for name, value in fields:
            if name.lower() == b"cookie":
                self._match(value, "cookie", ())
                items = c.cookie_items(value.decode("latin-1"))
                self._pairs([(k, v) for k, v in items], "cookie", (), 0)
            else:
                plain.append(value)
        self._match(b"\n".join(plain), "header", ())
        for value in plain:
            if len(value) >= 16:
                self._blobs(value, "header", (), 0)

    def text(self, data: bytes, location: str, chain: Chain, depth: int, content_type: str = "") -> None:
        """Match ``data`` as it is, then look inside it."""
        if not self.budget.take_segment():
            return
        self._match(data, location, chain)
        if depth >= self.budget.limits.max_depth:
            self.budget.cuts["depth"] += 1
            return
        self._structure(self.budget.clip(data, self.budget.limits.max_decode_bytes, "decode_bytes"),
                        location, chain, depth, content_type)

    # -- layers -------------------------------------------------------------------------------
    def _match(self, data: bytes, location: str, chain: Chain) -> None:
        data = self.budget.clip(data, self.budget.limits.max_scan_bytes, "scan_bytes")
        self.hits.update(self.matcher.scan(data, location, chain))
        if self.geo is not None:
            self.coords[(location, chain)] += geo.from_text(data[: self.budget.limits.max_decode_bytes])

    def _structure(self, data: bytes, location: str, chain: Chain, depth: int, ctype: str) -> None:
        enc = sniff_encoding(data)
        if enc:
            self.text(inflate(data, enc, self.budget) or b"", location, chain, depth + 1)
            return
        items = c.json_items(data)
        if items is not None:
            self._pairs(list(items), location, (*chain, "json"), depth)
            return
        parts = c.multipart_parts(data, ctype) if ctype else None
        if parts is not None:
            for _name, body in parts:
                self.text(body, location, chain, depth + 1)
            return
        if self._form(data, location, chain, depth):
            return
        if not c.looks_textual(data):
            pb = c.protobuf_fields(data, self.budget)
            if pb is not None:
                self._match(b"\n".join(pb.strings), location, chain)
                self.coords[(location, chain)] += geo.from_floats(pb.floats)
                if self.geo is not None:
                    self.coords[(location, chain)] += self.geo.varint_pairs(pb.varints)
                for s in pb.strings:
                    if c.looks_textual(s):
                        self._blobs(s, location, chain, depth)
                return
        self._blobs(data, location, chain, depth)

    def _form(self, data: bytes, location: str, chain: Chain, depth: int) -> bool:
        items = c.form_items(data)
        if items is None:
            return False
        self._pairs(items, location, (*chain, "url"), depth)
        return True

    def _pairs(self, items: Sequence[tuple[str, object]], location: str, chain: Chain, depth: int) -> None:
        """Key/scalar pairs of a container: numbers for location, strings matched and opened."""
        strings: list[bytes] = []
        for key, value in items:
            self.coords[(location, chain)] += geo.from_key_value(key, value)
            if isinstance(value, str):
                strings.append(to_bytes(value))
        self._match(b"\n".join(strings), location, chain)
        for s in strings:
            if len(s) >= 16 and depth + 1 < self.budget.limits.max_depth:
                head = s.lstrip()[:1]
                if head in (b"{", b"["):
                    self.text(s, location, chain[:-1] if chain[-1:] == ("json",) else chain, depth + 1)
                else:
                    self._blobs(s, location, chain[:-1], depth)

    def _blobs(self, data: bytes, location: str, chain: Chain, depth: int) -> None:
        """Open hex strings and base64 runs (a run that is hex is decoded as hex only).

        Once a budget has refused (and the cut was counted) the later strings are not even searched.
        """
        b = self.budget
        if b.hex_blobs <= b.limits.max_hex_blobs:
            for run in c.hex_runs(data):
                if not b.take_hex():
                    break
                self.text(bytes.fromhex(run.decode("ascii")), location, (*chain, "hex"), depth + 1)
        if b.blobs > b.limits.max_blobs:
            return
        for m in c.B64_RUN.finditer(data):
            if c.is_hex_run(m.group(0)):
                continue
            if not b.take_blob():
                return
            decoded = c.b64_decode(m.group(0))
            if decoded and len(decoded) >= 6:
                self.text(decoded, location, (*chain, "base64"), depth + 1)

    # -- result -------------------------------------------------------------------------------
    def result(self) -> list[Hit]:
        hits = set(self.hits)
        if self.geo is not None:
            for (location, chain), coords in self.coords.items():
                precision = self.geo.match(coords)
                if precision is not None:
                    enc = "+".join(p for p in chain if p not in _SOFT) or "plain"
                    hits.add(Hit("location", enc, location, precision))
        return sorted(_drop_soft_duplicates(hits))


def _drop_soft_duplicates(hits: set[Hit]) -> set[Hit]:
    """Keep ``json``/``url`` in a chain only when the same value was not found without them."""
    seen = {(h.type, h.location, h.encoding) for h in hits}
    out = set()
    for h in hits:
        parts = h.encoding.split("+")
        core = "+".join(p for p in parts if p not in _SOFT) or "plain"
        if core != h.encoding and (h.type, h.location, core) in seen:
            continue
        out.add(h)
    # one location hit per part: the most precise
    best: dict[tuple[str, str], Hit] = {}
    for h in out:
        if h.type == "location":
            k = (h.location, h.encoding)
            if k not in best or (h.precision or 0) > (best[k].precision or 0):
                best[k] = h
    return {h for h in out if h.type != "location"} | set(best.values())
