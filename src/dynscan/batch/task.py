"""The Celery task: run one job on this worker's device with :func:`dynscan.batch.execute.run_job`, the
same function the local pool calls, and keep its state in the batch store. A delivery of a job that is
already ``done`` or ``failed`` (a redelivery after a lost acknowledgement) does nothing, and so does one
of a job another worker holds a live lease on (a duplicate enqueued after a Redis restart): if that
worker dies, Redis hands its own message out again once the lease is over. A failure that is the
device's puts the job back on the shared queue for another device, up to ``max_attempts``; a device
failing ``retire_after`` jobs in a row stops consuming and is reported.
"""

from __future__ import annotations

import os
import re
import socket
import time
from typing import Any

from celery import Celery, Task

from dynscan.batch.celery_app import SHARED_QUEUE, TASK_NAME, device_queue
from dynscan.batch.devices import Slot
from dynscan.batch.execute import run_job
from dynscan.batch.health import health_gate
from dynscan.batch.jobs import JobSpec
from dynscan.batch.store import BatchStore, JobRecord
from dynscan.batch.timing import LEASE_SLACK_S

_in_a_row = 0
STOP_BEFORE_LEASE_END_S = 5.0


def this_slot() -> Slot:
    return Slot(os.environ.get("DYNSCAN_DEVICE_NAME", "sim-1"), os.environ.get("DYNSCAN_DEVICE_SERIAL", "sim"))


def lease_s() -> float:
    """How long a worker owns a job it took: ends LEASE_SLACK_S before Redis would hand it out again."""
    return max(10.0, float(os.environ.get("DYNSCAN_VISIBILITY_TIMEOUT", "3600")) - LEASE_SLACK_S)


def _requeue(task: Task, spec: dict[str, Any], store_url: str, opts: dict[str, Any]) -> None:
    task.apply_async(args=(spec, store_url, opts), queue=SHARED_QUEUE)


def _device_failed(task: Task, store: BatchStore, slot: Slot, reason: str, retire_after: int) -> None:
    global _in_a_row
    _in_a_row += 1
    if _in_a_row >= retire_after:
        store.retire_device(re.sub(r"[^A-Za-z0-9._:-]", "_", f"{socket.gethostname()}-{slot.name}"),
                            f"{_in_a_row} failures in a row; last: {reason}")
        host = task.request.hostname
        for q in (SHARED_QUEUE, device_queue(slot.name)):
            task.app.control.cancel_consumer(q, destination=[host] if host else None)


def scan_job(task: Task, spec_json: dict[str, Any], store_url: str, opts: dict[str, Any]) -> str:
    global _in_a_row
    spec = JobSpec.model_validate(spec_json)
    store, slot = BatchStore(store_url), this_slot()
    max_attempts, retire_after = int(opts.get("max_attempts", 3)), int(opts.get("retire_after", 3))
    taken = time.time()
    rec = store.job(spec.id) or JobRecord(spec=spec)
    if rec.status in ("done", "failed"):
        return rec.status
    if rec.status == "running" and rec.lease_until is not None and rec.lease_until > taken:
        return "held elsewhere"
    problem = health_gate(slot)
    if problem:
        _device_failed(task, store, slot, f"health gate: {problem}", retire_after)
        time.sleep(1.0)
        _requeue(task, spec_json, store_url, opts)
        return "requeued"
    name = f"{socket.gethostname()}/{slot.name}"
    rec.attempts += 1
    rec.devices.append(name)
    rec.status, rec.started, rec.reason = "running", time.time(), None
    rec.lease_until = taken + lease_s()
    store.save(rec)

    def started(pid: int) -> None:
        rec.pid = pid
        store.save(rec)

    timeout = max(5.0, rec.lease_until - STOP_BEFORE_LEASE_END_S - time.time())  # never outlive the lease
    out = run_job(spec, slot, store, rec.attempts, on_start=started, timeout_s=timeout)
    rec.pid, rec.lease_until = None, None
    rec.duration_s = round(time.time() - (rec.started or time.time()), 1)
    if out.kind == "done":
        _in_a_row = 0
        rec.status, rec.package, rec.verdict, rec.findings = "done", out.package, out.verdict, out.findings
        rec.finished = time.time()
    elif out.kind == "input":
        _in_a_row = 0
        rec.status, rec.reason, rec.finished = "failed", out.reason, time.time()
    elif out.kind == "device" and rec.attempts >= max_attempts:
        _device_failed(task, store, slot, out.reason or "device failed", retire_after)
        rec.status, rec.finished = "failed", time.time()
        rec.reason = f"{rec.attempts} attempts failed (on {', '.join(rec.devices)}); last: {out.reason}"
    else:  # the device failed, or the worker is shutting down: another device takes it
        if out.kind == "device":
            _device_failed(task, store, slot, out.reason or "device failed", retire_after)
        else:
            rec.attempts -= 1
            rec.devices.pop()
        rec.status, rec.reason = "pending", out.reason
        store.save(rec)
        _requeue(task, spec_json, store_url, opts)
        return "requeued"
    store.save(rec)
    return rec.status


def register(app: Celery) -> None:
    app.task(name=TASK_NAME, bind=True, acks_late=True, reject_on_worker_lost=True)(scan_job)
