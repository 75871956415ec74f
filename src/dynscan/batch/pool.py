"""The device pool on one host: one thread per device, one scan at a time on each.

A job whose device fails is retried on another device, at most ``max_attempts`` times in all, then
``failed`` with the reason; a device that fails ``retire_after`` jobs (or health gates) in a row is taken
out of the pool. Stopping (Ctrl-C) ends the running scans cleanly and leaves their jobs ``pending``,
so the next run resumes them.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from dynscan.batch.devices import Slot
from dynscan.batch.execute import Outcome, Running, run_job
from dynscan.batch.health import health_gate
from dynscan.batch.store import BatchStore, JobRecord

Notify = Callable[[str], None]
RunJob = Callable[..., Outcome]


@dataclass
class SlotState:
    slot: Slot
    status: str = "idle"  # idle | checking | running | retired | finished
    job: str | None = None
    since: float = field(default_factory=time.time)
    in_a_row: int = 0
    done: int = 0
    failed: int = 0
    reason: str | None = None
    running: Running = field(default_factory=Running)


class Pool:
    def __init__(self, slots: list[Slot], store: BatchStore, records: list[JobRecord], *, max_attempts: int = 3,
                 retire_after: int = 3, timeout_s: float | None = None, notify: Notify = lambda _m: None,
                 health: Callable[[Slot], str | None] = health_gate, runner: RunJob = run_job) -> None:
        self.states = [SlotState(s) for s in slots]
        self.store, self.notify, self.health, self.runner = store, notify, health, runner
        self.max_attempts, self.retire_after, self.timeout_s = max_attempts, retire_after, timeout_s
        self.pending = list(records)
        self.total = len(records)
        self.finished: list[JobRecord] = []
        self.in_flight = 0
        self.stopping = False
        self.started = time.time()
        self.cond = threading.Condition()

    # ------------------------------------------------------------------ figures for the display

    def counts(self) -> dict[str, float | None]:
        with self.cond:
            done = sum(1 for r in self.finished if r.status == "done")
            failed = sum(1 for r in self.finished if r.status == "failed")
            durations = [r.duration_s for r in self.finished if r.status == "done" and r.duration_s]
            active = sum(1 for s in self.states if s.status not in ("retired", "finished"))
            remaining = self.total - done - failed
        eta = None
        if durations and active:
            eta = sum(durations) / len(durations) * remaining / min(active, max(remaining, 1))
        return {"done": done, "failed": failed, "remaining": remaining, "eta_s": eta, "active": active}

    # ------------------------------------------------------------------ the queue

    def _take(self, st: SlotState) -> JobRecord | None:
        with self.cond:
            while True:
                if self.stopping or st.status == "retired":
                    return None
                others = [s.slot.name for s in self.states if s is not st and s.status != "retired"]
                for i, rec in enumerate(self.pending):
                    # a job goes back to a device it failed on only when no other device is left to try
                    if st.slot.name not in rec.devices or all(o in rec.devices for o in others):
                        self.in_flight += 1
                        return self.pending.pop(i)
                if not self.pending and self.in_flight == 0:
                    return None
                self.cond.wait(0.5)

    def _put_back(self, rec: JobRecord, front: bool = True) -> None:
        with self.cond:
            self.in_flight -= 1
            self.pending.insert(0 if front else len(self.pending), rec)
            self.cond.notify_all()

    def _finish(self, rec: JobRecord) -> None:
        self.store.save(rec)
        with self.cond:
            self.in_flight -= 1
            self.finished.append(rec)
            self.cond.notify_all()

    # ------------------------------------------------------------------ one device's loop

    def _device_failed(self, st: SlotState, reason: str) -> None:
        st.in_a_row += 1
        if st.in_a_row >= self.retire_after:
            st.status, st.reason = "retired", reason
            self.store.retire_device(st.slot.name, f"{st.in_a_row} failures in a row; last: {reason}")
            self.notify(f"[{st.slot.name}] taken out of the pool after {st.in_a_row} failures in a row: {reason}")

    def _loop(self, st: SlotState) -> None:
        while (rec := self._take(st)) is not None:
            st.status, st.job, st.since = "checking", rec.spec.name, time.time()
            problem = self.health(st.slot)
            if problem:
                self.notify(f"[{st.slot.name}] health gate failed: {problem}")
                self._put_back(rec)
                self._device_failed(st, f"health gate: {problem}")
                st.status = "idle" if st.status != "retired" else st.status
                time.sleep(1.0)
                continue
            self._run_one(st, rec)
        if st.status != "retired":
            st.status, st.job = "finished", None

    def _run_one(self, st: SlotState, rec: JobRecord) -> None:
        rec.attempts += 1
        rec.devices.append(st.slot.name)
        rec.status, rec.started, rec.reason = "running", time.time(), None
        self.store.save(rec)
        st.status, st.since = "running", time.time()
        def started(pid: int) -> None:
            rec.pid = pid
            self.store.save(rec)

        out = self.runner(rec.spec, st.slot, self.store, rec.attempts, running=st.running,
                          timeout_s=self.timeout_s, on_start=started)
        rec.pid = None
        rec.duration_s = round(time.time() - (rec.started or time.time()), 1)
        st.status, st.job = "idle", None
        if out.kind == "interrupted" or (self.stopping and out.kind != "done"):
            rec.status, rec.attempts = "pending", rec.attempts - 1
            rec.devices.pop()
            self.store.save(rec)
            with self.cond:
                self.in_flight -= 1
            return
        if out.kind == "done":
            rec.status, rec.package, rec.verdict, rec.findings = "done", out.package, out.verdict, out.findings
            rec.finished = time.time()
            st.in_a_row, st.done = 0, st.done + 1
            self.notify(f"[{st.slot.name}] {rec.spec.name}: {out.verdict} ({out.findings} findings) "
                        f"in {rec.duration_s:.0f}s")
            self._finish(rec)
            return
        if out.kind == "input":  # the app's fault, not the device's: no retry
            st.in_a_row = 0
            self._fail(st, rec, out.reason or "bad input")
            return
        self.notify(f"[{st.slot.name}] {rec.spec.name}: attempt {rec.attempts} failed: {out.reason}")
        self._device_failed(st, out.reason or "device failed")
        if rec.attempts >= self.max_attempts:
            self._fail(st, rec, f"{rec.attempts} attempts failed (on {', '.join(rec.devices)}); last: {out.reason}")
        else:
            rec.status, rec.reason = "pending", out.reason
            self.store.save(rec)
            self._put_back(rec)

    def _fail(self, st: SlotState, rec: JobRecord, reason: str) -> None:
        rec.status, rec.reason, rec.finished = "failed", reason, time.time()
        st.failed += 1
        self.notify(f"[{st.slot.name}] {rec.spec.name}: failed: {reason}")
        self._finish(rec)

    # ------------------------------------------------------------------ start, wait, stop

    def start(self) -> list[threading.Thread]:
        threads = [threading.Thread(target=self._loop, args=(st,), name=f"pool-{st.slot.name}", daemon=True)
                   for st in self.states]
        for t in threads:
            t.start()
        return threads

    def stop(self, sig: int = signal.SIGTERM) -> None:
        """End the running scans cleanly (their jobs stay pending) and take no new job."""
        with self.cond:
            self.stopping = True
            self.cond.notify_all()
        for st in self.states:
            st.running.signal(sig)

    def _wait(self, threads: list[threading.Thread], tick: Callable[[], None]) -> None:
        # Sleep-and-poll, not Thread.join: a KeyboardInterrupt inside join() can leave a live thread
        # looking finished (CPython < 3.13), and the jobs it was running would be left "running".
        while any(t.is_alive() for t in threads):
            tick()
            time.sleep(0.2)

    def run(self, tick: Callable[[], None] = lambda: None) -> None:
        """Run to the end; Ctrl-C stops cleanly (a second one kills the scans) and re-raises."""
        threads = self.start()
        try:
            self._wait(threads, tick)
        except KeyboardInterrupt:
            self.notify("interrupted: stopping the running scans (Ctrl-C again to kill them)")
            self.stop()
            try:
                self._wait(threads, tick)
            except KeyboardInterrupt:
                self.stop(signal.SIGKILL)
                self._wait(threads, tick)
            raise
        tick()
