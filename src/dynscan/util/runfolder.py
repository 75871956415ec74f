"""One folder per dynscan process for every temporary file, and the sweep of killed runs' leftovers.

``with run_folder():`` creates ``$DYNSCAN_CACHE_DIR/runs/<pid>-<random>/`` (0700), holds an
``flock`` on its ``lock`` file while the process lives, and points ``tempfile``, ``TMPDIR`` and the
virtual device's JVMs at its ``tmp/``: the virtual device's root, analyze's import directory, Frida's
helper files and the children's own temp files all land there, and the folder is removed on exit.
``DYNSCAN_RUN_DIR`` in the environment marks every child process (mitmdump and its worker, the
app JVMs) as this run's.

A process killed with SIGKILL cannot clean up. Its lock is then held by nobody, so
:func:`sweep` (run at the start of ``dynscan run`` and by ``dynscan doctor``) finds the folder,
SIGKILLs the processes still marked with it, releases the session directory it was writing (and
removes the half-written temporary files a SIGKILL left in it) and removes the folder.
Hand-written: no library sweeps another process's leftovers by lock.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import shutil
import signal
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from dynscan.util.atomic import DIR_MODE, write_atomic
from dynscan.util.session_lock import LOCK_NAME, held_by_nobody

ENV = "DYNSCAN_RUN_DIR"
_ACTIVE: list[Path] = []


def runs_root() -> Path:
    base = os.environ.get("DYNSCAN_CACHE_DIR")
    return (Path(base) if base else Path.home() / ".cache" / "dynscan") / "runs"


def current() -> Path | None:
    """This process's run folder, if one is open."""
    return _ACTIVE[-1] if _ACTIVE else None


def note_session(session: Path) -> None:
    """Record the session directory this run writes, so a sweep can release it after a SIGKILL."""
    folder = current()
    if folder is not None:
        info = _read_info(folder)
        info["session"] = str(session.resolve())
        write_atomic(folder / "info.json", json.dumps(info).encode())


@contextlib.contextmanager
def run_folder() -> Iterator[Path]:
    """This process's run folder (re-entrant: a nested call yields the open one)."""
    if _ACTIVE:
        yield _ACTIVE[-1]
        return
    import fcntl

    root = runs_root()
    folder = root / f"{os.getpid()}-{secrets.token_hex(4)}"
    try:
        (folder / "tmp").mkdir(mode=DIR_MODE, parents=True)
    except OSError:  # a read-only cache: the system's temp directory, still one folder per run
        folder = Path(tempfile.mkdtemp(prefix=f"dynscan-run-{os.getpid()}-"))
        (folder / "tmp").mkdir(mode=DIR_MODE)
    fd = os.open(folder / "lock", os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
    fcntl.flock(fd, fcntl.LOCK_EX)
    write_atomic(folder / "info.json", json.dumps({"pid": os.getpid(), "started": time.time()}).encode())
    saved = {k: os.environ.get(k) for k in (ENV, "TMPDIR")}
    saved_tempdir = tempfile.tempdir
    os.environ[ENV] = str(folder)
    os.environ["TMPDIR"] = tempfile.tempdir = str(folder / "tmp")
    _ACTIVE.append(folder)
    try:
        yield folder
    finally:
        _ACTIVE.pop()
        tempfile.tempdir = saved_tempdir
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
        kill_marked(folder)  # a child that escaped its owner's clean-up (e.g. a worker of mitmdump)
        shutil.rmtree(folder, ignore_errors=True)
        os.close(fd)


@dataclass(frozen=True)
class Leftover:
    """What a killed run left: its folder, its pid, the session it wrote, processes still running."""

    folder: Path
    pid: int | None
    session: Path | None
    processes: list[int]

    def describe(self) -> str:
        who = f"run {self.pid}" if self.pid else f"run {self.folder.name}"
        procs = f"{len(self.processes)} process{'' if len(self.processes) == 1 else 'es'}"
        where = f"; its session {self.session} is kept (readable by `dynscan analyze`)" if self.session else ""
        return f"killed {who}: {procs} still running, temp folder {self.folder}{where}"


def _read_info(folder: Path) -> dict[str, object]:
    try:
        data = json.loads((folder / "info.json").read_bytes())
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


_PF_KTHREAD = 0x00200000
_EXEC_SETTLE_S = 0.2


def _environ(pid: str) -> bytes:
    """A process's environment. Right after ``execve`` (a child ``Popen`` has just returned for) the
    kernel shows an empty one for a moment: its new stack's environment is not published yet. A user
    process with an empty environment is read again until it shows or :data:`_EXEC_SETTLE_S` passes."""
    deadline = time.monotonic() + _EXEC_SETTLE_S
    while True:
        try:
            env = Path(f"/proc/{pid}/environ").read_bytes()
            if env:
                return env
            flags = int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[6])
        except (OSError, ValueError, IndexError):
            return b""
        if flags & _PF_KTHREAD or time.monotonic() > deadline:
            return b""
        time.sleep(0.01)


def marked_processes(folder: Path) -> list[int]:
    """Pids whose environment carries ``DYNSCAN_RUN_DIR=<folder>``."""
    needle = f"{ENV}={folder}".encode() + b"\0"
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit() or int(entry) == os.getpid():
            continue
        env = _environ(entry)
        if needle in env or env.endswith(needle[:-1]):
            found.append(int(entry))
    return found


def kill_marked(folder: Path) -> int:
    """SIGKILL every process (and its group) marked with ``folder``; returns how many there were."""
    pids = marked_processes(folder)
    for pid in pids:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(os.getpgid(pid), signal.SIGKILL)
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.kill(pid, signal.SIGKILL)
    return len(pids)


def leftovers() -> list[Leftover]:
    """Run folders whose process is gone (their lock is held by nobody)."""
    root = runs_root()
    if not root.is_dir():
        return []
    found = []
    for folder in sorted(root.iterdir()):
        if folder in _ACTIVE or not held_by_nobody(folder / "lock"):
            continue
        info = _read_info(folder)
        with contextlib.suppress(OSError):
            if not info and time.time() - folder.stat().st_mtime < 60:
                continue  # being created right now: its lock comes next
        pid, session = info.get("pid"), info.get("session")
        found.append(Leftover(folder, pid if isinstance(pid, int) else None,
                              Path(session) if isinstance(session, str) else None, marked_processes(folder)))
    return found


def _remove_partial_writes(session: Path) -> None:
    """The ``.NAME.*.tmp`` files :func:`dynscan.util.atomic.replacing` was writing when the run was killed:
    never renamed over their target, so nothing refers to them (symlinks are not followed)."""
    if session.is_symlink() or not session.is_dir():
        return
    for path in session.rglob(".*.tmp"):
        with contextlib.suppress(OSError):
            if path.is_file() and not path.is_symlink():
                path.unlink()


def sweep() -> list[Leftover]:
    """Clean up after every killed run: stop its processes, release its session, remove its folder."""
    cleaned = leftovers()
    for left in cleaned:
        kill_marked(left.folder)
        if left.session is not None and held_by_nobody(left.session / LOCK_NAME):
            with contextlib.suppress(OSError):
                (left.session / LOCK_NAME).unlink()
            _remove_partial_writes(left.session)
        shutil.rmtree(left.folder, ignore_errors=True)
    return cleaned
