"""Paths built from app-controlled strings, checked to stay inside their folder.

:func:`inside` is the one way dynscan turns a hostile name (a package, a log name, a screen's
target) into a path: it refuses an empty name, a NUL, an absolute path, a ``..`` component, a
component longer than a file name may be, and, after resolving symlinks, anything that lands
outside ``base``. ``os.path`` has the pieces but no single call that does all of this.
"""

from __future__ import annotations

import os
from pathlib import Path, PurePosixPath

from dynscan.errors import InputError

NAME_MAX = 255  # bytes in one path component (Linux)


def inside(base: Path, name: str, what: str = "name") -> Path:
    """``base / name``, or an :class:`InputError` if ``name`` could lead anywhere but under ``base``."""
    shown = repr(name if len(name) <= 80 else name[:80] + "...")
    if not name or "\x00" in name:
        raise InputError(f"{what} {shown}: empty or holds a NUL character")
    pure = PurePosixPath(name)
    if pure.is_absolute() or "\\" in name:
        raise InputError(f"{what} {shown}: an absolute path or a backslash is not allowed")
    if any(part in ("..", ".") for part in name.split("/")):
        raise InputError(f"{what} {shown}: '..' or '.' components are not allowed")
    if any(len(os.fsencode(part)) > NAME_MAX for part in pure.parts):
        raise InputError(f"{what} {shown}: a path component is longer than {NAME_MAX} bytes")
    root = base.resolve()
    target = (root / pure).resolve()
    if target != root and root not in target.parents:
        raise InputError(f"{what} {shown}: leads outside {base} (through a symlink)")
    return base / pure
