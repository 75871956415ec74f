"""``dynscan batch`` on one host: plan, run the device pool with a live display, build the report."""

from __future__ import annotations

from dataclasses import dataclass

from rich.console import Console

from dynscan.batch.devices import Slot
from dynscan.batch.plan import Plan
from dynscan.batch.pool import Pool
from dynscan.batch.progress import Display
from dynscan.batch.store import BatchStore


@dataclass
class LocalResult:
    done: int
    failed: int
    pending: int
    retired: list[str]


def ensure_proxy_ca() -> None:
    """Create mitmproxy's CA once, before several proxies start at the same moment and race to write it."""
    from mitmproxy.certs import CertStore

    from dynscan.capture.proxy import default_confdir

    confdir = default_confdir()
    confdir.mkdir(parents=True, exist_ok=True)
    CertStore.from_store(confdir, "mitmproxy", 2048)


def run_local(store: BatchStore, p: Plan, slots: list[Slot], console: Console, *, max_attempts: int,
              retire_after: int, timeout_s: float | None = None) -> LocalResult:
    ensure_proxy_ca()
    pool = Pool(slots, store, p.run, max_attempts=max_attempts, retire_after=retire_after, timeout_s=timeout_s)
    pool.total = len(p.run)
    with Display(pool, console) as display:
        pool.notify = display.notify
        pool.run(tick=display.tick)
    done = sum(1 for r in pool.finished if r.status == "done")
    failed = sum(1 for r in pool.finished if r.status == "failed")
    return LocalResult(done, failed, len(p.run) - done - failed,
                       [s.slot.name for s in pool.states if s.status == "retired"])
