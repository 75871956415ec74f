from __future__ import annotations

from pathlib import Path

from batchkit import spec

from dynscan.batch.plan import plan
from dynscan.batch.store import BatchStore, JobRecord


def test_a_re_run_skips_done_keeps_failed_unless_asked_and_resumes_the_rest(tmp_path: Path) -> None:
    store = BatchStore(str(tmp_path))
    done, failed, running, new = (spec(n, c * 64) for n, c in (("d", "1"), ("f", "2"), ("r", "3"), ("n", "4")))
    store.save(JobRecord(spec=done, status="done", attempts=1))
    store.save(JobRecord(spec=failed, status="failed", attempts=3, reason="adb: device offline"))
    store.save(JobRecord(spec=running, status="running", attempts=1, devices=["sim-1"]))  # a stopped batch
    (tmp_path / "sessions" / failed.id).mkdir(parents=True)
    p = plan(store, [done, failed, running, new], [])
    assert [r.spec.name for r in p.done] == ["d"] and [r.spec.name for r in p.failed] == ["f"]
    assert [(r.spec.name, r.status) for r in p.run] == [("r", "pending"), ("n", "pending")]
    again = plan(store, [done, failed, running, new], [], retry_failed=True)
    assert [r.spec.name for r in again.run] == ["f", "r", "n"]
    assert again.run[0].attempts == 0  # a fresh start, and the old session is kept aside, not lost
    assert not (tmp_path / "sessions" / failed.id).exists() and list((tmp_path / "partial").iterdir())
