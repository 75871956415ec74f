"""Which jobs a (re-)run of a batch runs: new ones, and unfinished ones of an earlier run."""

from __future__ import annotations

from dataclasses import dataclass, field

from dynscan.batch.execute import clear_session
from dynscan.batch.jobs import JobSpec, Skipped
from dynscan.batch.store import BatchStore, JobRecord


@dataclass
class Plan:
    run: list[JobRecord] = field(default_factory=list)
    done: list[JobRecord] = field(default_factory=list)
    failed: list[JobRecord] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)


def plan(store: BatchStore, jobs: list[JobSpec], skipped: list[Skipped], *, retry_failed: bool = False) -> Plan:
    p = Plan(skipped=skipped)
    for spec in jobs:
        rec = store.job(spec.id)
        if rec is not None and rec.status == "done":
            p.done.append(rec)
        elif rec is not None and rec.status == "failed" and not retry_failed:
            p.failed.append(rec)
        else:
            if rec is None or rec.status == "failed":
                if rec is not None:
                    clear_session(store, spec.id)
                rec = JobRecord(spec=spec)
            else:  # pending, or running when an earlier batch was stopped: resume
                rec.spec, rec.status = spec, "pending"
            store.save(rec)
            p.run.append(rec)
    return p
