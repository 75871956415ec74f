"""Which hits of one message are reported: the same value through ``json`` / ``url`` steps once.

``json`` and ``url`` steps are kept in a chain only when the value was not found with fewer of
them (``{"e":"jane@example.com"}`` is ``plain``, ``jane\\u0040example.com`` is ``json``, a value in
a query in a query is ``url+url``); one location hit per location and chain, the most precise.
"""

from __future__ import annotations

from dynscan.traffic.matcher import Hit

SOFT = frozenset({"json", "url"})  # reported only when the value is not found with a shorter chain


def _core(encoding: str) -> str:
    return "+".join(p for p in encoding.split("+") if p not in SOFT) or "plain"


def drop_soft_duplicates(hits: set[Hit]) -> set[Hit]:
    """Per (type, location, chain without ``json``/``url``) keep the shortest chain: ``url`` and
    ``json`` steps are reported only when the value was not found with fewer of them."""
    best: dict[tuple[str, str, str], Hit] = {}
    for h in hits:
        k = (h.type, h.location, _core(h.encoding) if h.type != "location" else h.encoding)
        cur = best.get(k)
        if cur is None or _rank(h) < _rank(cur):
            best[k] = h
    return set(best.values())


def _rank(h: Hit) -> tuple[int, int, str]:
    # fewest steps first; for locations the most precise
    steps = [p for p in h.encoding.split("+") if p != "plain"]
    return (len(steps), -(h.precision or 0), h.encoding)
