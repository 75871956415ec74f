"""Claiming a session directory for one run: created exclusively, locked while the run lasts.

Two runs started in the same second used to get the same default name, and two runs given the
same ``--out`` wrote into one ``session.db``. Now a default name carries microseconds and a random
part and is created with ``mkdir`` (which fails if it exists); any session directory is claimed
with an ``flock`` on ``.dynscan.lock`` inside it, held until the run ends. The kernel drops the lock
when its holder dies, even by SIGKILL, so a lock file nobody holds marks a run that was killed.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import secrets
import time
from pathlib import Path

from dynscan.errors import InputError
from dynscan.util.atomic import DIR_MODE, FILE_MODE

LOCK_NAME = ".dynscan.lock"


def default_session_name(now: float | None = None) -> str:
    """``dynscan-YYYYmmdd-HHMMSS-uuuuuu-<8 hex>``: unique to the microsecond, plus a random part."""
    t = time.time() if now is None else now
    return f"dynscan-{time.strftime('%Y%m%d-%H%M%S', time.localtime(t))}-{int(t % 1 * 1e6):06d}-{secrets.token_hex(4)}"


class SessionLock:
    """The run's hold on its session directory: ``release`` (or process death) lets it go."""

    def __init__(self, root: Path, fd: int) -> None:
        self.root, self._fd = root, fd

    @property
    def path(self) -> Path:
        return self.root / LOCK_NAME

    def release(self) -> None:
        fd, self._fd = self._fd, -1
        if fd < 0:
            return
        with contextlib.suppress(OSError):
            self.path.unlink()
        os.close(fd)

    def __enter__(self) -> SessionLock:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def lock_session(root: Path) -> SessionLock:
    """Lock ``root`` for this process; an InputError if another live run holds it."""
    try:
        fd = os.open(root / LOCK_NAME, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, FILE_MODE)
    except OSError as e:
        raise InputError(f"{root}: cannot lock the session directory ({e.strerror or e})") from e
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        holder = os.pread(fd, 64, 0).decode(errors="replace").split()[:1]
        os.close(fd)
        who = f" (pid {holder[0]})" if holder else ""
        raise InputError(f"{root}: in use by another dynscan run{who}; choose another --out") from None
    os.ftruncate(fd, 0)
    os.pwrite(fd, f"{os.getpid()} {time.time():.6f}\n".encode(), 0)
    return SessionLock(root, fd)


def held_by_nobody(lock_file: Path) -> bool:
    """Whether ``lock_file`` exists and no live process holds it (its run was killed)."""
    try:
        fd = os.open(lock_file, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        return True
    except BlockingIOError:
        return False
    finally:
        os.close(fd)


def claim_new(root: Path, *, exclusive: bool) -> SessionLock:
    """Create ``root`` (0700; with ``exclusive`` it must not exist yet) and lock it."""
    try:
        root.parent.mkdir(parents=True, exist_ok=True)
        os.mkdir(root, DIR_MODE)
    except FileExistsError:
        if exclusive or not root.is_dir():
            raise InputError(f"{root}: already exists; choose another --out (nothing was overwritten)") from None
    except OSError as e:
        raise InputError(f"{root}: cannot create the session directory ({e.strerror or e})") from e
    return lock_session(root)


def claim_default(parent: Path, tries: int = 5) -> SessionLock:
    """A fresh ``parent/dynscan-<time>-<random>`` directory, created and locked."""
    for _ in range(tries):
        try:
            return claim_new(parent / default_session_name(), exclusive=True)
        except InputError:
            continue
    raise InputError(f"{parent}: cannot create a new session directory (tried {tries} names)")
