"""Content-encodings (gzip, deflate, br, zstd) undone with a cap on the output size.

A bomb stops at the cap; a truncated stream gives what it decoded so far. Both are counted. Every
member of a multi-member gzip body is inflated (the cap is for all of them together).
"""

from __future__ import annotations

import zlib

import brotli
import zstandard

from dynscan.traffic.limits import Budget

_CHUNK = 64 * 1024


def _zlib(data: bytes, wbits: int, cap: int, budget: Budget, members: bool = False) -> bytes:
    """Inflate one zlib/raw-deflate stream, or (``members``) every member of a gzip file, up to ``cap``.

    Input is fed in slices, so the bytes left after a member are never copied whole (no quadratic
    cost for a body made of many tiny members).
    """
    out = bytearray()
    view, pos, count = memoryview(data), 0, 0
    try:
        while pos < len(data):
            count += 1
            if count > budget.limits.max_gzip_members:
                budget.cuts["gzip_members"] += 1
                break
            d = zlib.decompressobj(wbits)
            while not d.eof and len(out) < cap:
                feed: bytes | memoryview = d.unconsumed_tail
                if not feed:
                    feed = view[pos:pos + _CHUNK]
                    pos += len(feed)
                chunk = d.decompress(feed, min(_CHUNK, cap - len(out)))
                out += chunk
                if not chunk and not d.unconsumed_tail and pos >= len(data):
                    break  # all input used, nothing pending: the stream is cut short
            if not d.eof:
                budget.cuts["inflate_cap" if len(out) >= cap else "truncated_stream"] += 1
                break
            pos -= len(d.unused_data)
            if not members or data[pos:pos + 2] != b"\x1f\x8b":
                break  # bytes after the last member are ignored, as gzip(1) does
            if len(out) >= cap:
                budget.cuts["inflate_cap"] += 1
                break
    except zlib.error:
        budget.cuts["bad_stream"] += 1
    return bytes(out)


def _brotli(data: bytes, cap: int, budget: Budget) -> bytes:
    # The binding has no output limit, so feed little input while the ratio looks like a bomb.
    d = brotli.Decompressor()
    out = bytearray()
    pos, step = 0, 16
    try:
        while pos < len(data):
            out += d.process(data[pos:pos + step])
            pos += step
            if len(out) >= cap:
                budget.cuts["inflate_cap"] += 1
                return bytes(out[:cap])
            step = 1 if len(out) > 64 * pos else min(step * 2, _CHUNK)
        if not d.is_finished():
            budget.cuts["truncated_stream"] += 1
    except brotli.error:
        budget.cuts["bad_stream"] += 1
    return bytes(out)


def _zstd(data: bytes, cap: int, budget: Budget) -> bytes:
    out = bytearray()
    try:
        reader = zstandard.ZstdDecompressor().stream_reader(data, read_across_frames=True)
        while len(out) < cap:
            chunk = reader.read(min(_CHUNK, cap - len(out)))
            if not chunk:
                break
            out += chunk
        if len(out) >= cap and reader.read(1):
            budget.cuts["inflate_cap"] += 1
    except zstandard.ZstdError:
        budget.cuts["bad_stream"] += 1
    return bytes(out)


def inflate(data: bytes, encoding: str, budget: Budget) -> bytes | None:
    """Undo one content-encoding; None when ``encoding`` is not one we know."""
    cap = budget.limits.max_inflate_bytes
    enc = encoding.strip().lower()
    if enc in {"gzip", "x-gzip"}:
        return _zlib(data, 16 + zlib.MAX_WBITS, cap, budget, members=True)
    if enc == "deflate":
        wbits = zlib.MAX_WBITS if data[:1] == b"\x78" else -zlib.MAX_WBITS
        return _zlib(data, wbits, cap, budget)
    if enc == "br":
        return _brotli(data, cap, budget)
    if enc == "zstd":
        return _zstd(data, cap, budget)
    return None


def sniff_encoding(data: bytes) -> str | None:
    """A compressed stream recognised by its magic bytes (bodies sent without the header)."""
    if data[:2] == b"\x1f\x8b":
        return "gzip"
    if data[:4] == b"\x28\xb5\x2f\xfd":
        return "zstd"
    return None


def undo_content_encoding(data: bytes, header: str, budget: Budget) -> bytes:
    """Undo a ``Content-Encoding`` list (applied left to right, so undone right to left)."""
    for enc in reversed([e for e in header.split(",") if e.strip() and e.strip() != "identity"]):
        out = inflate(data, enc, budget)
        if out is None:
            budget.cuts["unknown_encoding"] += 1
            return data
        data = out
    sniffed = sniff_encoding(data)
    if sniffed:
        data = inflate(data, sniffed, budget) or data
    return data
