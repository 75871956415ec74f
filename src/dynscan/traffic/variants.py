"""Encoded variants of one spelling: the byte strings the multi-pattern engine looks for.

Each variant carries its encoding chain, outermost first (CONTRACTS: ``base64+md5`` is the base64 of
an MD5 digest; ``sha256+md5`` the SHA-256 of an MD5 hex). Base64 variants are cut to the characters
that depend on the value alone, at the three alignments, so a value inside a longer base64 string is
found too.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from collections.abc import Iterator
from urllib.parse import quote, quote_plus

Variant = tuple[str, bytes]  # (encoding chain, pattern)
HASHES = ("md5", "sha1", "sha256")
MIN_PATTERN = 6
_ESCAPE = re.compile(r"%[0-9A-F]{2}")


def b64_cores(raw: bytes) -> Iterator[bytes]:
    """Standard base64 characters fully determined by ``raw`` at alignments 0, 1 and 2."""
    for k in (0, 1, 2):
        enc = base64.b64encode(b"\0" * k + raw)
        first = -(-8 * k // 6)  # first char whose 6 bits all lie inside raw
        last = (8 * (k + len(raw))) // 6  # exclusive
        core = enc[first:last]
        if len(core) >= MIN_PATTERN:
            yield core


def _b64_all(raw: bytes) -> Iterator[bytes]:
    for core in b64_cores(raw):
        yield core
        yield core.replace(b"+", b"-").replace(b"/", b"_")
        yield core.replace(b"+", b"%2B").replace(b"/", b"%2F")


def _digest_variants(name: str, digest: bytes) -> Iterator[Variant]:
    hx = digest.hex()
    yield name, hx.encode()
    yield name, hx.upper().encode()
    full = base64.b64encode(digest).rstrip(b"=")
    yield f"base64+{name}", full
    yield f"base64+{name}", full.replace(b"+", b"-").replace(b"/", b"_")
    for h in (hx, hx.upper()):
        yield f"base64+{name}", base64.b64encode(h.encode()).rstrip(b"=")


def variants(form: str) -> Iterator[Variant]:
    """Every (chain, bytes) to search for one spelling of a value."""
    raw = form.encode("utf-8")
    yield "plain", raw
    for q in (quote(form, safe=""), quote_plus(form, safe="")):
        yield "url", q.encode()
        yield "url", _lower_escapes(q).encode()
    yield "json", json.dumps(form)[1:-1].encode()
    yield "json", json.dumps(form, ensure_ascii=False)[1:-1].replace("/", "\\/").encode()
    yield "hex", raw.hex().encode()
    yield "hex", raw.hex().upper().encode()
    for core in _b64_all(raw):
        yield "base64", core
    for name in HASHES:
        yield from _digest_variants(name, hashlib.new(name, raw).digest())
    yield from hash_chains(raw)


def hash_chains(raw: bytes) -> Iterator[Variant]:
    """Every ordered pair of hashes: ``outer(inner hex)``, the inner hex lower and upper case, the
    outer hex both cases (Criteo sends sha256 of the md5 hex: ``sha256+md5``)."""
    for inner in HASHES:
        hx = hashlib.new(inner, raw).hexdigest()
        for h in {hx, hx.upper()}:
            for outer in HASHES:
                d = hashlib.new(outer, h.encode()).hexdigest()
                yield f"{outer}+{inner}", d.encode()
                yield f"{outer}+{inner}", d.upper().encode()


def _lower_escapes(q: str) -> str:
    return _ESCAPE.sub(lambda m: m.group(0).lower(), q)


def all_variants(form: str) -> dict[bytes, str]:
    """Distinct patterns of one spelling, each with its simplest chain (the first one seen)."""
    out: dict[bytes, str] = {}
    for chain, pat in variants(form):
        if len(pat) >= MIN_PATTERN and pat not in out:
            out[pat] = chain
    return out
