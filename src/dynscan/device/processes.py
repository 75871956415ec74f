"""Child processes that never outlive dynscan: own process group, SIGKILL after a grace period.

Every process started through :func:`start_group` is remembered until it is reaped; an ``atexit`` hook
kills whatever is left, so a failed run or a crashed test does not leave a JVM behind.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import signal
import subprocess
import threading
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO, Any

_LIVE: set[subprocess.Popen[bytes]] = set()
_LOCK = threading.Lock()


def start_group(
    args: Sequence[str],
    *,
    stdin: int | IO[Any] | None = None,
    stdout: int | IO[Any] | None = None,
    stderr: int | IO[Any] | None = None,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
) -> subprocess.Popen[bytes]:
    """Start ``args`` as the leader of a new process group and remember it for clean-up.

    Ctrl-C or SIGTERM arriving while the process starts is held until it is remembered, so an
    interrupted start never leaves a child nobody knows of.
    """
    with deferred_signals():
        proc = subprocess.Popen(
            list(args), stdin=stdin, stdout=stdout, stderr=stderr, cwd=cwd, env=env, start_new_session=True
        )
        with _LOCK:
            _LIVE.add(proc)
    return proc


@contextlib.contextmanager
def deferred_signals() -> Iterator[None]:
    """Hold SIGINT and SIGTERM until the block ends, then act on them (main thread only)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    got: list[signal.Signals] = []

    def hold(sig: int, _frame: object) -> None:
        got.append(signal.Signals(sig))

    old = {s: signal.signal(s, hold) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for s, h in old.items():
            signal.signal(s, h)
        if got:
            handler = old[got[0]]
            if callable(handler):
                handler(got[0], None)
            elif handler == signal.SIG_DFL:
                signal.raise_signal(got[0])


def kill_group(proc: subprocess.Popen[bytes], grace_s: float = 3.0, *, close_streams: bool = True) -> int:
    """Wait up to ``grace_s`` for the process to end by itself, then SIGKILL its whole group.

    ``close_streams=False`` leaves the pipes to a thread still reading them.
    """
    with contextlib.suppress(subprocess.TimeoutExpired):
        proc.wait(timeout=max(0.0, grace_s))
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(proc.pid, signal.SIGKILL)
    code = proc.wait()
    with _LOCK:
        _LIVE.discard(proc)
    for stream in (proc.stdin, proc.stdout, proc.stderr) if close_streams else ():
        if stream is not None:
            with contextlib.suppress(OSError):
                stream.close()
    return code


def group_alive(pgid: int) -> bool:
    """Whether any process of the group still exists."""
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def live_processes() -> list[subprocess.Popen[bytes]]:
    """Processes started here that have not been reaped yet."""
    with _LOCK:
        return [p for p in _LIVE if p.poll() is None]


def _kill_all() -> None:
    with _LOCK:
        procs = list(_LIVE)
    for p in procs:
        kill_group(p, grace_s=0.0)


def wait_until(predicate: Any, timeout_s: float, interval_s: float = 0.02) -> bool:
    """Poll ``predicate()`` until it is true or ``timeout_s`` passes."""
    deadline = time.monotonic() + timeout_s
    while True:
        if predicate():
            return True
        if time.monotonic() >= deadline:
            return False
        time.sleep(interval_s)


atexit.register(_kill_all)
