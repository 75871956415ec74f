"""The processes a killed scan leaves behind (its JVM and mitmdump run in sessions of their own).

Each job's child process gets ``DYNSCAN_BATCH_TOKEN=<unique token>`` in its environment, which its JVM
and proxy inherit; :func:`reap` ends every process carrying the token. This finds them wherever they
were re-parented and never touches anything else. Hand-written: reading ``/proc/PID/environ`` is all
it takes (psutil would add a dependency for the same two reads).
"""

from __future__ import annotations

import contextlib
import os
import signal
import time
from pathlib import Path

TOKEN_VAR = "DYNSCAN_BATCH_TOKEN"


def marked(token: str) -> list[int]:
    needle = f"{TOKEN_VAR}={token}".encode()
    found = []
    for d in Path("/proc").iterdir():
        if d.name.isdigit():
            with contextlib.suppress(OSError):
                if needle in (d / "environ").read_bytes().split(b"\0"):
                    found.append(int(d.name))
    return found


def reap(token: str, grace_s: float = 3.0) -> list[int]:
    """SIGTERM, then SIGKILL after ``grace_s``, every process carrying ``token``."""
    pids = marked(token)
    for pid in pids:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + grace_s
    while time.monotonic() < deadline and marked(token):
        time.sleep(0.1)
    for pid in marked(token):
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.kill(pid, signal.SIGKILL)
    return pids
