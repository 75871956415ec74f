"""Run one job on one device: the function both the local pool and the Celery worker call.

The scan runs in a child process (:mod:`dynscan.batch.child`) so that a device that dies, hangs or
crashes the scanner ends that job only. Its outcome is ``done``, ``input`` (the app itself is bad: no
retry), ``device`` (the device or the scanner failed: retry elsewhere) or ``interrupted``.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from dynscan.batch.devices import Slot
from dynscan.batch.jobs import JobSpec
from dynscan.batch.reaper import TOKEN_VAR, reap
from dynscan.batch.store import BatchStore
from dynscan.batch.timing import job_timeout_s

Kind = Literal["done", "input", "device", "interrupted"]


@dataclass
class Outcome:
    kind: Kind
    reason: str | None = None
    package: str | None = None
    verdict: str | None = None
    findings: int | None = None


class Running:
    """The child of a running job, so a pool can stop it (Ctrl-C) or a test can kill it."""

    def __init__(self) -> None:
        self.proc: subprocess.Popen[bytes] | None = None
        self.lock = threading.Lock()

    def signal(self, sig: int) -> None:
        with self.lock:
            if self.proc is not None and self.proc.poll() is None:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(self.proc.pid, sig)


def session_rel(job_id: str) -> str:
    return f"sessions/{job_id}"


def _set_aside(store: BatchStore, job_id: str) -> None:
    """A session directory left by an attempt that did not finish: kept under partial/, not overwritten."""
    rel = session_rel(job_id)
    if store.fs.exists(store.path(rel)):
        store.fs.makedirs(store.path("partial"), exist_ok=True)
        aside = f"partial/{job_id}-{time.strftime('%Y%m%d-%H%M%S')}-{uuid.uuid4().hex[:6]}"
        store.fs.mv(store.path(rel), store.path(aside), recursive=True)


def run_job(spec: JobSpec, slot: Slot, store: BatchStore, attempt: int, *, running: Running | None = None,
            timeout_s: float | None = None, on_start: Callable[[int], None] | None = None) -> Outcome:
    """Scan ``spec`` on ``slot``; results land in ``store`` under sessions/<id>/."""
    _set_aside(store, spec.id)
    timeout = timeout_s or job_timeout_s(spec.scenario)
    with tempfile.TemporaryDirectory(prefix="dynscan-job-") as tmp_s:
        tmp = Path(tmp_s)
        apk = Path(spec.apk)
        if not apk.is_absolute():  # staged in the store for remote workers
            apk = store.fetch_file(spec.apk, tmp / "app.apk")
        out = store.local_path(session_rel(spec.id)) if store.local else tmp / "session"
        if store.local:
            store.fs.makedirs(store.path("sessions"), exist_ok=True)
        log_rel = f"logs/{spec.id}-{attempt}.log"
        log = store.local_path(log_rel) if store.local else tmp / "job.log"
        log.parent.mkdir(parents=True, exist_ok=True)
        request = {"spec": spec.model_dump(mode="json"), "apk": str(apk), "out": str(out), "serial": slot.serial,
                   "result": str(tmp / "result.json"), "parent": os.getpid()}
        (tmp / "request.json").write_text(json.dumps(request), encoding="utf-8")
        outcome = _run_child(tmp, log, running, timeout, on_start)
        if not store.local:
            with contextlib.suppress(FileNotFoundError):
                store.stage_file(log, log_rel, replace=True)
            if outcome.kind == "done":
                store.put_dir(out, session_rel(spec.id))
            elif out.is_dir():  # what an unfinished attempt recorded is kept there too
                store.put_dir(out, f"partial/{spec.id}-{time.strftime('%Y%m%d-%H%M%S')}-{uuid.uuid4().hex[:6]}")
    return outcome


def _run_child(tmp: Path, log: Path, running: Running | None, timeout: float,
               on_start: Callable[[int], None] | None) -> Outcome:
    token = uuid.uuid4().hex
    with log.open("ab") as logf:
        proc = subprocess.Popen([sys.executable, "-m", "dynscan.batch.child", str(tmp / "request.json")],
                                stdin=subprocess.DEVNULL, stdout=logf, stderr=logf, start_new_session=True,
                                env={**os.environ, TOKEN_VAR: token})
    if running is not None:
        with running.lock:
            running.proc = proc
    if on_start is not None:
        on_start(proc.pid)
    try:
        code = proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        reap(token)
        return Outcome("device", f"the scan did not finish within {timeout:.0f}s (device stuck?)")
    finally:
        if running is not None:
            with running.lock:
                running.proc = None
    reap(token)  # the JVM and proxy of a killed scan; nothing after a clean one
    result_file = tmp / "result.json"
    if not result_file.is_file():
        how = f"killed by signal {-code}" if code < 0 else f"exit status {code}"
        return Outcome("device", f"the device's scan process died ({how}); see {log.name}")
    data = json.loads(result_file.read_text(encoding="utf-8"))
    return Outcome(kind=data["outcome"], reason=data.get("reason"), package=data.get("package"),
                   verdict=data.get("verdict"), findings=data.get("findings"))


def clear_session(store: BatchStore, job_id: str) -> None:
    """For ``--retry-failed``: nothing of a failed job's session is lost (it moves to partial/)."""
    _set_aside(store, job_id)


__all__ = ["Outcome", "Running", "clear_session", "run_job", "session_rel"]
