"""Android package names (CONTRACTS section 5): checked before anything is built from one.

A package name comes from the app's manifest, so it is hostile until checked. Android accepts
two or more dot-separated Java identifiers made of ASCII letters, digits and ``_`` (each starting
with a letter; ``PackageParser.validateName``); we also refuse Java keywords, which no
``package`` declaration can hold, and names longer than :data:`MAX_LENGTH` (a file name must hold it).
"""

from __future__ import annotations

import re

from dynscan.errors import InputError

#: Longest package name accepted: one path component (``NAME_MAX`` is 255 bytes) with room for ``.log``.
MAX_LENGTH = 223
_SEGMENT = re.compile(r"[A-Za-z][A-Za-z0-9_]*")
_KEYWORDS = frozenset({
    "abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class", "const", "continue",
    "default", "do", "double", "else", "enum", "extends", "final", "finally", "float", "for", "goto", "if",
    "implements", "import", "instanceof", "int", "interface", "long", "native", "new", "package", "private",
    "protected", "public", "return", "short", "static", "strictfp", "super", "switch", "synchronized", "this",
    "throw", "throws", "transient", "try", "void", "volatile", "while", "true", "false", "null"
})


def is_package_name(name: object) -> bool:
    """Whether ``name`` is a valid Android/Java package name."""
    if not isinstance(name, str) or not 0 < len(name) <= MAX_LENGTH:
        return False
    parts = name.split(".")
    return len(parts) >= 2 and all(_SEGMENT.fullmatch(p) and p not in _KEYWORDS for p in parts)


def check_package_name(name: object, origin: str) -> str:
    """``name`` if it is a valid package name, else an :class:`InputError` naming ``origin``."""
    if is_package_name(name):
        return str(name)
    shown = repr(name) if not isinstance(name, str) or len(name) <= 80 else repr(name[:80]) + "..."
    raise InputError(
        f"{origin}: package {shown} is not a valid Java package name (two or more dot-separated "
        f"identifiers of ASCII letters, digits and _, at most {MAX_LENGTH} characters)"
    )
