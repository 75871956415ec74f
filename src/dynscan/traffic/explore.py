"""One message's bounded walk: match the raw bytes, then decode to a fixed point and match every layer.

Every string that still may hold a value is re-parsed as what it looks like (``reparse``): a URL
(query, ``;k=v`` path parameters, fragment), a query string or form, JSON, multipart, percent-escapes
left over (decoded again, level after level, until nothing changes or ``max_url_decodes``), base64 and
hex runs, compressed streams and schema-less protobuf -- in the URL, headers, cookies and bodies alike.
Each decoding undone is added to the chain of the hits found below it; a string that cannot hold
anything more (too short, nothing encoded in it) is not opened (lazy decoding). With a memo
(``memo.py``), opening a string seen before replays what opening it found then.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence

from dynscan.traffic import containers as c
from dynscan.traffic import location as geo
from dynscan.traffic import reparse as rp
from dynscan.traffic.chains import SOFT, drop_soft_duplicates
from dynscan.traffic.inflate import inflate, sniff_encoding
from dynscan.traffic.limits import Budget, Limits
from dynscan.traffic.matcher import Hit, Matcher
from dynscan.traffic.memo import MAX_KEY_BYTES, Opened, OpenMemo, Spent, charge, counters, fits
from dynscan.traffic.protobuf import protobuf_fields

Chain = tuple[str, ...]
Item = tuple[str, object, str]  # key, value (str / bytes / number), decoding step ("url", "json" or "")
_MIN_OPEN = 6  # the shortest pattern: a shorter string holds no value
_NOT_LETTERS = bytes(c for c in range(256) if not chr(c).isascii() or not chr(c).isalpha())
_OPENABLE = re.compile(rb"%[0-9A-Fa-f]{2}|[=;{\[]|[A-Za-z0-9+/_\-]{16}")


def to_bytes(s: str) -> bytes:
    try:
        return s.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        return s.encode("utf-8", "replace")


def worth_opening(data: bytes) -> bool:
    """Lazy decoding: only a string with an escape, a container sign or a long run can hold more."""
    return len(data) >= _MIN_OPEN and _OPENABLE.search(data) is not None


class Scan:
    """Hits and coordinates found in one message (an HTTP request, a websocket or TCP message)."""

    def __init__(self, matcher: Matcher, geo_matcher: geo.GeoMatcher | None, limits: Limits,
                 memo: OpenMemo | None = None) -> None:
        self.matcher = matcher
        self.memo = memo
        self.geo = geo_matcher
        self.budget = Budget(limits)
        self.hits: set[Hit] = set()
        self.coords: dict[tuple[str, Chain], list[geo.Coord]] = defaultdict(list)

    # -- entry points -------------------------------------------------------------------------
    def url(self, url: str) -> None:
        raw = to_bytes(url)
        self._match(raw, "url", ())
        self._url(rp.split_target(self.budget.clip(raw, self.budget.limits.max_decode_bytes, "decode_bytes")),
                  "url", (), 0)

    def headers(self, fields: Sequence[tuple[bytes, bytes]]) -> None:
        """Header values matched in one pass; cookies apart; every value opened that may hold more."""
        plain: list[bytes] = []
        for name, value in fields:
            if name.lower() == b"cookie":
                self._match(value, "cookie", ())
                items = c.cookie_items(value.decode("utf-8", "surrogateescape"))
                self._pairs([(k, v, "") for k, v in items], "cookie", (), 0)
            else:
                plain.append(value)
        self._match(b"\n".join(plain), "header", ())
        for value in plain:
            if worth_opening(value) and self.budget.take_segment():
                self._open(value, "header", (), 0)

    def text(self, data: bytes, location: str, chain: Chain, depth: int, content_type: str = "") -> None:
        """Match ``data`` as it is, then look inside it."""
        if not self.budget.take_segment():
            return
        self._match(data, location, chain)
        self._open(data, location, chain, depth, content_type)

    # -- layers -------------------------------------------------------------------------------
    def _match(self, data: bytes, location: str, chain: Chain) -> None:
        data = self.budget.clip(data, self.budget.limits.max_scan_bytes, "scan_bytes")
        self.hits.update(self.matcher.scan(data, location, chain))
        if self.geo is not None:
            self.coords[(location, chain)] += geo.from_text(data[: self.budget.limits.max_decode_bytes])

    def _open(self, data: bytes, location: str, chain: Chain, depth: int, ctype: str = "") -> None:
        """Re-parse ``data`` as what it looks like (already matched as it is); replayed from the memo
        when this string was opened at this place before and the budget still holds what it spent."""
        memo, b = self.memo, self.budget
        if memo is None or len(data) > MAX_KEY_BYTES:
            self._open_now(data, location, chain, depth, ctype)
            return
        key = (data, location, chain, depth, ctype)
        found = memo.get(key)
        if found is not None and fits(b, found.spent):
            charge(b, found.spent)
            self.hits |= found.hits
            for where, kept in found.coords:
                self.coords[where] += kept
            return
        outer_hits, outer_coords, before = self.hits, self.coords, counters(b)
        self.hits, self.coords = set(), defaultdict(list)
        try:
            self._open_now(data, location, chain, depth, ctype)
        finally:
            hits, coords = self.hits, self.coords
            self.hits, self.coords = outer_hits, outer_coords
            outer_hits |= hits
            for where, cs in coords.items():
                outer_coords[where] += cs
        if not b.cuts:  # no limit reached in this message so far: the opening did not depend on the budget
            spent = Spent(*(after - was for after, was in zip(counters(b), before, strict=True)))
            memo.put(key, Opened(frozenset(hits), tuple((w, tuple(cs)) for w, cs in coords.items() if cs), spent))

    def _open_now(self, data: bytes, location: str, chain: Chain, depth: int, ctype: str = "") -> None:
        if depth >= self.budget.limits.max_depth:
            self.budget.cuts["depth"] += 1
            return
        data = self.budget.clip(data, self.budget.limits.max_decode_bytes, "decode_bytes")
        enc = sniff_encoding(data)
        if enc:
            self.text(inflate(data, enc, self.budget) or b"", location, chain, depth + 1)
            return
        items = c.json_items(data)
        if items is not None:
            self._pairs([(k, v, "json") for k, v in items], location, chain, depth)
            return
        parts = c.multipart_parts(data, ctype) if ctype else None
        if parts is not None:
            for _name, body in parts:
                self.text(body, location, chain, depth + 1)
            return
        form = self._form(data)
        if form is not None:
            self._pairs(form, location, chain, depth)
            return
        url = rp.url_parts(data)
        if url is not None:
            self._url(url, location, chain, depth)
            return
        params = rp.path_params(data)
        if params:
            self._pairs(params, location, chain, depth)
        if rp.has_escapes(data):
            self._percent(data, location, chain, depth)
            return
        if not c.looks_textual(data) and self._protobuf(data, location, chain, depth):
            return
        self._blobs(data, location, chain, depth)

    def _form(self, data: bytes) -> list[rp.Pair] | None:
        """Form pairs within ``max_pairs`` for the message; past it the rest is cut (not decoded)."""
        pairs = rp.form_pairs(data, self.budget.pairs_left())
        if pairs and pairs[0].step == "cut":
            self.budget.cuts["pairs"] += 1
            pairs = pairs[1:]
        self.budget.pairs += len(pairs or ())
        return pairs

    def _percent(self, data: bytes, location: str, chain: Chain, depth: int) -> None:
        """Escapes left over: decode one more level and look again (bounded by ``max_url_decodes``)."""
        if chain.count("url") >= self.budget.limits.max_url_decodes:
            self.budget.cuts["url_decodes"] += 1
            return
        decoded = rp.percent_decode(data)
        if decoded != data:
            self.text(decoded, location, (*chain, "url"), depth)

    def _url(self, parts: rp.UrlParts, location: str, chain: Chain, depth: int) -> None:
        """A URL's query, ``;k=v`` path parameters and fragment as pairs; the path's runs and escapes."""
        pairs: list[Item] = list(rp.path_params(parts.path))
        for piece in (parts.query, parts.fragment):
            found = self._form(piece) if piece else None
            if found is not None:
                pairs += found
            elif worth_opening(piece) and self.budget.take_segment():
                self._open(piece, location, chain, depth + 1)
        self._pairs(pairs, location, chain, depth)
        path = parts.path.split(b";", 1)[0]
        if rp.has_escapes(path):
            self._percent(path, location, chain, depth + 1)
        else:
            self._blobs(path, location, chain, depth)

    def _protobuf(self, data: bytes, location: str, chain: Chain, depth: int) -> bool:
        pb = protobuf_fields(data, self.budget)
        if pb is None:
            return False
        self._match(b"\n".join(pb.strings), location, chain)
        self.coords[(location, chain)] += geo.from_floats(pb.floats)
        if self.geo is not None:
            self.coords[(location, chain)] += self.geo.varint_pairs(pb.varints)
            self.coords[(location, chain)] += self.geo.fixed_pairs(pb.fixed)
        for s in pb.strings:
            if c.looks_textual(s) and worth_opening(s):
                self._blobs(s, location, chain, depth)
        return True

    def _pairs(self, items: Iterable[Item], location: str, chain: Chain, depth: int) -> None:
        """Key/value pairs of a container: one match per decoding chain, then every string that may
        hold more is opened. Location: the container's text was already searched as text (by the
        pass over it, or over its parent's pairs), so only pairs that percent-decoding changed are
        searched again, as ``key=value`` lines in one pass."""
        groups: dict[Chain, list[bytes]] = defaultdict(list)
        lines: list[bytes] = []
        todo: list[tuple[bytes, Chain]] = []
        want_geo = self.geo is not None
        for key, value, step in items:
            if isinstance(value, str):
                b = to_bytes(value)
            elif isinstance(value, bytes):
                b = value
            else:
                continue  # a JSON number: found by the pass over the JSON text
            if want_geo and step == "url":
                lines.append(b"%s=%s" % (to_bytes(key), b))
            if len(b) < _MIN_OPEN:
                continue  # shorter than any pattern (joined by newlines, which no pattern holds)
            ch = (*chain, step) if step else chain
            groups[ch].append(b)
            if _OPENABLE.search(b) is not None:
                todo.append((b, ch[:-1] if step == "json" else ch))
        for ch, strings in groups.items():
            self._match_only(b"\n".join(strings), location, ch)
        if lines:
            self.coords[(location, chain)] += geo.from_text(b"\n".join(lines))  # with the container's text
        for b, ch in todo:
            if not self.budget.take_segment():
                return
            self._open(b, location, ch, depth + 1)

    def _match_only(self, data: bytes, location: str, chain: Chain) -> None:
        self.hits.update(self.matcher.scan(
            self.budget.clip(data, self.budget.limits.max_scan_bytes, "scan_bytes"), location, chain))

    def _blobs(self, data: bytes, location: str, chain: Chain, depth: int) -> None:
        """Open hex strings and base64 runs, found in one pass (a run that is hex is decoded as hex only).

        Once a budget has refused (and the cut was counted) the later strings are not even searched.
        """
        b = self.budget
        if b.blobs > b.limits.max_blobs and b.hex_blobs > b.limits.max_hex_blobs:
            return
        if not data.translate(None, _NOT_LETTERS):  # numbers and punctuation only: no hex or base64 run
            return
        for m in c.B64_RUN.finditer(data):
            run = m.group(0)
            hexes = c.hex_pieces(run)
            if hexes:
                for h in hexes:
                    if b.hex_blobs > b.limits.max_hex_blobs or not b.take_hex():
                        break
                    self.text(bytes.fromhex(h.decode("ascii")), location, (*chain, "hex"), depth + 1)
                continue
            if b.blobs > b.limits.max_blobs:
                if b.hex_blobs > b.limits.max_hex_blobs:
                    return  # both budgets spent (and counted): the rest is not searched
                continue
            if not b.take_blob():
                continue
            decoded = c.b64_decode(run)
            if decoded and len(decoded) >= _MIN_OPEN:
                self.text(decoded, location, (*chain, "base64"), depth + 1)

    # -- result -------------------------------------------------------------------------------
    def result(self) -> list[Hit]:
        hits = set(self.hits)
        if self.geo is not None:
            for (location, chain), coords in self.coords.items():
                precision = self.geo.match(coords)
                if precision is not None:
                    enc = "+".join(p for p in chain if p not in SOFT) or "plain"
                    hits.add(Hit("location", enc, location, precision))
        return sorted(drop_soft_duplicates(hits))
