"""Files written whole or not at all, under a name no other writer uses.

:func:`replacing` writes into a private temporary file beside the target (``mkstemp``: a unique
name, mode 0600) and renames it over the target only when the block ends normally; on any
exception (Ctrl-C and SIGTERM included) the temporary file is removed and the target is left as
it was. Two writers of the same file never share a temporary name, and a reader sees the old file
or the new one, never half of one.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

#: Mode of every file dynscan writes into a session: it may hold raw personal data.
FILE_MODE = 0o600
DIR_MODE = 0o700


@contextlib.contextmanager
def replacing(path: Path, mode: int = FILE_MODE) -> Iterator[IO[bytes]]:
    """``with replacing(p) as f: f.write(...)``: ``p`` is replaced when the block ends normally."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb", buffering=1 << 20) as f:
            yield f
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


@contextlib.contextmanager
def private_files() -> Iterator[None]:
    """Files and directories created in the block (by this process and the children it starts:
    SQLite, mitmdump, the JVMs) are 0600 / 0700: a session holds raw personal data."""
    old = os.umask(0o077)
    try:
        yield
    finally:
        os.umask(old)


def write_atomic(path: Path, data: bytes, mode: int = FILE_MODE) -> Path:
    """Write ``data`` to ``path`` whole, through :func:`replacing`."""
    with replacing(path, mode) as f:
        f.write(data)
    return path
