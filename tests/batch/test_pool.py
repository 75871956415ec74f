"""The pool's scheduling with a scripted runner: retries elsewhere, bounded attempts, retiring devices."""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

from batchkit import spec

from dynscan.batch.devices import Slot
from dynscan.batch.execute import Outcome
from dynscan.batch.pool import Pool
from dynscan.batch.store import BatchStore, JobRecord

A, B, C = Slot("sim-1", "sim"), Slot("sim-2", "sim"), Slot("sim-3", "sim")


class Script:
    """Outcome per (job name, device name); default done. Records every call."""

    def __init__(self, outcomes: dict[tuple[str, str], Outcome] | None = None, delay: float = 0.0) -> None:
        self.outcomes, self.delay, self.calls = outcomes or {}, delay, []  # type: ignore[var-annotated]
        self.lock = threading.Lock()

    def __call__(self, s: Any, slot: Slot, store: BatchStore, attempt: int, **kw: Any) -> Outcome:
        with self.lock:
            self.calls.append((s.name, slot.name, attempt))
        kw["on_start"](1234)
        time.sleep(self.delay)
        return self.outcomes.get((s.name, slot.name), Outcome("done", package="p", verdict="pass", findings=0))


def _records(store: BatchStore, *names: str) -> list[JobRecord]:
    recs = [JobRecord(spec=spec(n, f"{i:064x}")) for i, n in enumerate(names)]
    for r in recs:
        store.save(r)
    return recs


def test_a_job_whose_device_dies_is_retried_on_another_device(tmp_path: Path) -> None:
    store = BatchStore(str(tmp_path))
    dead = Outcome("device", "the device's scan process died (killed by signal 9)")
    script = Script({("x.apk", "sim-1"): dead})
    pool = Pool([A, B], store, _records(store, "x.apk"), runner=script, health=lambda s: None)
    pool.run()
    rec = store.jobs()[0]
    assert rec.status == "done" and rec.attempts == 2 and rec.devices[0] != rec.devices[1]
    assert script.calls[0][1] != script.calls[1][1]


def test_attempts_are_bounded_then_failed_with_the_reason(tmp_path: Path) -> None:
    store = BatchStore(str(tmp_path))
    dead = Outcome("device", "adb: device offline")
    script = Script({("x.apk", s.name): dead for s in (A, B, C)})
    pool = Pool([A, B, C], store, _records(store, "x.apk"), runner=script, health=lambda s: None,
                max_attempts=2, retire_after=5)
    pool.run()
    rec = store.jobs()[0]
    assert rec.status == "failed" and rec.attempts == 2
    assert rec.reason is not None and "2 attempts failed" in rec.reason and "adb: device offline" in rec.reason


def test_a_bad_app_fails_at_once_without_blaming_the_device(tmp_path: Path) -> None:
    store = BatchStore(str(tmp_path))
    script = Script({("bad.apk", "sim-1"): Outcome("input", "bad.apk: an Android (dex) .apk")})
    pool = Pool([A], store, _records(store, "bad.apk", "good.apk"), runner=script, health=lambda s: None,
                retire_after=1)
    pool.run()
    got = {r.spec.name: (r.status, r.attempts) for r in store.jobs()}
    assert got == {"bad.apk": ("failed", 1), "good.apk": ("done", 1)}


def test_a_device_failing_k_jobs_in_a_row_is_taken_out_and_its_jobs_finish_elsewhere(tmp_path: Path) -> None:
    store = BatchStore(str(tmp_path))
    names = [f"app{i}.apk" for i in range(6)]
    script = Script({(n, "sim-1"): Outcome("device", "frida-server gone") for n in names}, delay=0.05)
    pool = Pool([A, B], store, _records(store, *names), runner=script, health=lambda s: None, retire_after=2)
    pool.run()
    assert {r.status for r in store.jobs()} == {"done"}
    assert [s.status for s in pool.states] == ["retired", "finished"]
    assert [d["device"] for d in store.retired_devices()] == ["sim-1"]
    assert sum(1 for c in script.calls if c[1] == "sim-1") == 2


def test_a_failing_health_gate_keeps_the_job_and_retires_the_device(tmp_path: Path) -> None:
    store = BatchStore(str(tmp_path))
    script = Script()
    pool = Pool([A, B], store, _records(store, "x.apk", "y.apk"), runner=script, retire_after=1,
                health=lambda s: "restore journal: an interrupted run left changes" if s is A else None)
    pool.run()
    assert {r.status for r in store.jobs()} == {"done"} and {c[1] for c in script.calls} == {"sim-2"}
    assert "restore journal" in (pool.states[0].reason or "")


def test_when_every_device_is_out_the_rest_stays_pending_for_a_re_run(tmp_path: Path) -> None:
    store = BatchStore(str(tmp_path))
    script = Script({(n, "sim-1"): Outcome("device", "gone") for n in ("a.apk", "b.apk", "c.apk")})
    pool = Pool([A], store, _records(store, "a.apk", "b.apk", "c.apk"), runner=script, health=lambda s: None,
                retire_after=1, max_attempts=3)
    pool.run()
    assert sorted(r.status for r in store.jobs()) == ["pending", "pending", "pending"]
    assert pool.counts()["remaining"] == 3


def test_stop_leaves_running_jobs_pending(tmp_path: Path) -> None:
    store = BatchStore(str(tmp_path))

    def runner(s: Any, slot: Slot, st: BatchStore, attempt: int, **kw: Any) -> Outcome:
        time.sleep(0.2)
        return Outcome("interrupted", "interrupted")

    pool = Pool([A, B], store, _records(store, "a.apk", "b.apk", "c.apk"), runner=runner, health=lambda s: None)
    threads = pool.start()
    time.sleep(0.05)
    pool.stop()
    for t in threads:
        t.join(5)
    assert sorted((r.status, r.attempts) for r in store.jobs()) == [("pending", 0)] * 3
