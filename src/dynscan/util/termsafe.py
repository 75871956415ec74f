"""Text for a terminal: every app-controlled string is printed through :func:`safe`.

An app names its own package, activities, hosts, event kinds and screen texts, so any of them may
hold an escape sequence (``ESC [ 2 J`` clears the screen, OSC 52 writes the clipboard) or a newline
that forges a line of dynscan's output. :func:`safe` escapes every control, format, separator and
unassigned character as Python would write it (``\\x1b``, ``\\n``, ``\\u202e``) and keeps the rest,
Chinese included. :func:`say` is the one way a command prints a ``dynscan:`` line on stderr.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from typing import TextIO

_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(ch: str) -> str:
    if ch in _NAMED:
        return _NAMED[ch]
    if ch.isprintable() or unicodedata.category(ch) == "Zs":
        return ch
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def safe(text: object) -> str:
    """``text`` with every character a terminal would act on escaped; one line, always."""
    s = str(text)
    if s.isprintable():
        return s
    return "".join(_escape(ch) for ch in s)


#: What a terminal may act on in JSON text: JSON escapes C0 itself, not DEL, C1 (``\x9b`` is CSI) or
#: the format and separator characters (bidi overrides, zero-width marks, U+2028/2029).
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f"
                          "\ufeff\ufff9-\ufffb\U000e0000-\U000e007f]")


def json_safe(doc: str) -> str:
    """JSON text with every character a terminal would act on as a ``\\u`` escape: the same JSON."""
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}" if ord(m.group()) < 0x10000 else
                            "".join(f"\\u{u:04x}" for u in _surrogates(ord(m.group()))), doc)


def _surrogates(code: int) -> tuple[int, int]:
    code -= 0x10000
    return 0xD800 + (code >> 10), 0xDC00 + (code & 0x3FF)


def say(message: str, *, stream: TextIO | None = None) -> None:
    """Print ``dynscan: <message>`` as one safe line on stderr (or ``stream``)."""
    print(f"dynscan: {safe(message)}", file=stream if stream is not None else sys.stderr, flush=True)
