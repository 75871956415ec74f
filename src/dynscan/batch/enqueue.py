"""``dynscan batch --broker``: stage the APKs in the store, enqueue one message per job, follow the store."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from dynscan.batch.celery_app import SHARED_QUEUE, TASK_NAME, make_app
from dynscan.batch.plan import Plan
from dynscan.batch.store import BatchStore
from dynscan.batch.timing import visibility_timeout_s
from dynscan.errors import SetupError

CONNECT_TIMEOUT_S = 5.0


def _say(msg: str) -> None:
    print(f"dynscan: {msg}", file=sys.stderr, flush=True)


def check_broker(broker: str, visibility_timeout: int) -> None:
    app = make_app(broker, visibility_timeout)
    try:
        with app.connection_for_write() as conn:
            conn.ensure_connection(max_retries=1, timeout=CONNECT_TIMEOUT_S)
    except Exception as e:  # kombu raises OperationalError and friends
        raise SetupError(f"broker {broker} is not reachable: {e}") from e


def enqueue_and_follow(broker: str, store: BatchStore, p: Plan, *, scenario: str, wait: bool,
                       visibility_timeout: int | None = None, max_attempts: int = 3, retire_after: int = 3,
                       poll_s: float = 2.0) -> None:
    vt = visibility_timeout or visibility_timeout_s(scenario)
    check_broker(broker, vt)
    app = make_app(broker, vt)
    opts = {"max_attempts": max_attempts, "retire_after": retire_after}
    for rec in p.run:
        spec = rec.spec.model_copy()
        if not store.local:  # remote workers read the APK from the store, never from Redis
            rel = f"inputs/{spec.apk_sha256}.apk"
            store.stage_file(Path(spec.apk), rel)
            spec.apk = rel
            rec.spec = spec
            store.save(rec)
        app.send_task(TASK_NAME, args=(spec.model_dump(mode="json"), store.url, opts), queue=SHARED_QUEUE)
    _say(f"{len(p.run)} job{'s' if len(p.run) != 1 else ''} enqueued on {broker} (queue {SHARED_QUEUE}; "
         f"visibility timeout {vt}s); results in {store.url}")
    if not wait:
        return
    ids = {r.spec.id for r in p.run}
    last = ""
    while True:
        recs = [r for r in store.jobs() if r.spec.id in ids]
        counts = {s: sum(1 for r in recs if r.status == s) for s in ("done", "failed", "running", "pending")}
        line = ", ".join(f"{n} {s}" for s, n in counts.items())
        if line != last:
            _say(line)
            last = line
        if counts["done"] + counts["failed"] >= len(ids):
            return
        time.sleep(poll_s)
