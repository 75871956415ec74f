"""Boundaries per data type: a value found inside a longer token of its own alphabet is not the value.

``xjohn@example.com`` holds ``john@example.com`` but is another address; ``3569380356438091`` holds an
IMEI but is another number. Checked for e-mail addresses, phone numbers, IMEI / MEID / IMSI and MAC
addresses, on the spellings the tracker sends as text (``plain``, ``url``, ``json``). Hashes, hex and
base64 are exempt: their edges are not the value's. An edge next to a percent-escape (``%22``) or a
backslash escape (``\\"``) stands alone: the escape ends the token.
"""

from __future__ import annotations

_DIGITS = frozenset(b"0123456789")
_HEXDIGITS = frozenset(b"0123456789abcdefABCDEF")
_ALNUM = frozenset(b"0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_LOCAL = _ALNUM | frozenset(b"._+-")  # e-mail local part (``%`` starts an escape)
_DOMAIN = _ALNUM | frozenset(b"-")
_MAC_SEP = frozenset(b":-")

KIND_BY_TYPE = {"email": "email", "phone_number": "digits", "imei": "digits", "meid": "digits",
                "imsi": "digits", "mac": "mac", "bssid": "mac", "bt_mac": "mac"}
BOUNDED_CHAINS = frozenset({"plain", "url", "json"})


def kind_for(data_type: str, chain: str) -> str | None:
    """The boundary rule of a pattern, or None when its edges need no check."""
    return KIND_BY_TYPE.get(data_type) if chain in BOUNDED_CHAINS else None


def _escaped_before(data: bytes, start: int) -> bool:
    if start >= 3 and data[start - 3] == 0x25 and data[start - 2] in _HEXDIGITS and data[start - 1] in _HEXDIGITS:
        return True
    return start >= 2 and data[start - 2] == 0x5C  # backslash escape such as \n or \"


def stands_alone(data: bytes, start: int, end: int, kind: str) -> bool:
    """True when ``data[start:end]`` is not part of a longer token of the value's alphabet."""
    if start < 0 or end > len(data):
        return False
    before = data[start - 1] if start > 0 else None
    after = data[end] if end < len(data) else None
    nxt = data[end + 1] if end + 1 < len(data) else None
    prev = data[start - 2] if start > 1 else None
    if before is not None and _escaped_before(data, start):
        before = None
    if kind == "email":
        head_in = data[start] in _LOCAL
        tail_in = data[end - 1] in _DOMAIN
        if head_in and before is not None and before in _LOCAL:
            return False
        if tail_in and after is not None:
            if after in _DOMAIN:
                return False
            if after == 0x2E and nxt is not None and nxt in _ALNUM:  # ``.cn``: a longer domain
                return False
        return True
    alphabet = _DIGITS if kind == "digits" else _HEXDIGITS
    if data[start] in alphabet and before is not None:
        if before in alphabet:
            return False
        if kind == "mac" and before in _MAC_SEP and prev is not None and prev in alphabet:
            return False
    if data[end - 1] in alphabet and after is not None:
        if after in alphabet:
            return False
        if kind == "mac" and after in _MAC_SEP and nxt is not None and nxt in alphabet:
            return False
    return True
