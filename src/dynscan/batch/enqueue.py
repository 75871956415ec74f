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
    watch = BrokerWatch(broker)
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
        if watch.restarted():
            now = time.time()
            lost = [r for r in recs
                    if r.status == "pending" or (r.status == "running" and (r.lease_until or 0) < now)]
            for r in lost:
                app.send_task(TASK_NAME, args=(r.spec.model_dump(mode="json"), store.url, opts), queue=SHARED_QUEUE)
            _say(f"the broker restarted and lost its queue: {len(lost)} unfinished job"
                 f"{'s' if len(lost) != 1 else ''} enqueued again")
        counts = {s: sum(1 for r in recs if r.status == s) for s in ("done", "failed", "running", "pending")}
        line = ", ".join(f"{n} {s}" for s, n in counts.items())
        if line != last:
            _say(line)
            last = line
        if counts["done"] + counts["failed"] >= len(ids):
            return
        time.sleep(poll_s)


class BrokerWatch:
    """Notices a Redis restart (a new ``run_id``: the queue and the unacknowledged jobs are gone) and
    says once when the broker cannot be reached. A job enqueued twice is harmless: a worker skips a job
    that is finished or that another worker holds a lease on."""

    def __init__(self, broker: str, every_s: float = 5.0) -> None:
        import redis

        self.client = redis.Redis.from_url(broker, socket_timeout=CONNECT_TIMEOUT_S,
                                           socket_connect_timeout=CONNECT_TIMEOUT_S)
        self.every_s, self.next = every_s, 0.0
        self.down = False
        self.run_id: str | None = self._run_id()

    def _run_id(self) -> str | None:
        import redis

        try:
            info = self.client.info("server")
        except (redis.RedisError, OSError) as e:
            if not self.down:
                _say(f"the broker is not reachable ({e}); waiting for it")
            self.down = True
            return None
        if self.down:
            _say("the broker is back")
        self.down = False
        return str(info.get("run_id"))

    def restarted(self) -> bool:
        if time.monotonic() < self.next:
            return False
        self.next = time.monotonic() + self.every_s
        now = self._run_id()
        if now is None or now == self.run_id:
            return False
        changed, self.run_id = self.run_id is not None, now
        return changed
