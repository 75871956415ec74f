"""The Celery path end to end: a real redis-server, `dynscan worker` with two worker processes (one per
virtual device), `dynscan batch --broker`; one worker is killed mid-scan and its job finishes on the other."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .redis_kit import RedisServer

ROOT = Path(__file__).resolve().parents[2]
DYNSCAN = [sys.executable, "-m", "dynscan"]

#: Scaled down from the scenario's default, so that a killed worker's job comes back soon. A worker stops its
#: scan 5 s before its lease (VT - 20 s) ends: 95 s is about twice a quick scan of leaky on this 2-core
#: machine at load 7-9 (41-49 s); 90 gave a 65 s cap, which a slower machine can reach.
VT = 120


def _with_env(key: str, value: str) -> list[int]:
    needle = f"{key}={value}".encode()
    found = []
    for p in Path("/proc").iterdir():
        if p.name.isdigit():
            with contextlib.suppress(OSError):
                if needle in (p / "environ").read_bytes().split(b"\0"):
                    found.append(int(p.name))
    return found


def _build(apps: Path, *names: str) -> None:
    for name in names:
        subprocess.run([*DYNSCAN, "sim", "build", str(ROOT / "examples" / "apps" / name), "-o",
                        str(apps / f"{name}.apk")], check=True, capture_output=True, timeout=180)


def _stop(worker: subprocess.Popen[str]) -> str:
    worker.send_signal(signal.SIGINT)
    try:
        return worker.communicate(timeout=60)[1]
    except subprocess.TimeoutExpired:
        os.killpg(worker.pid, signal.SIGKILL)
        return worker.communicate()[1]


def _end(batch: subprocess.Popen[str] | None) -> None:
    """A batch the test gave up on is killed and reaped, not left waiting on the broker."""
    if batch is not None and batch.poll() is None:
        batch.kill()
        batch.communicate()


def _records(out: Path) -> list[dict[str, object]]:
    recs = []
    for p in (out / "jobs").glob("*.json"):
        with contextlib.suppress(json.JSONDecodeError):
            recs.append(json.loads(p.read_text()))
    return recs


@pytest.mark.integration
@pytest.mark.timeout(600)
def test_a_killed_worker_s_job_is_redelivered_and_finished_elsewhere(redis_server: RedisServer,
                                                                    tmp_path: Path) -> None:
    redis_url = redis_server.url
    apps = tmp_path / "apps"
    apps.mkdir()
    _build(apps, "leaky")
    out = tmp_path / "store"
    worker = subprocess.Popen([*DYNSCAN, "worker", "--broker", redis_url, "--devices", "sim:2",
                               "--visibility-timeout", str(VT)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True, start_new_session=True)
    batch: subprocess.Popen[str] | None = None
    try:
        batch = subprocess.Popen([*DYNSCAN, "batch", str(apps), "--broker", redis_url, "--out", str(out),
                                  "--scenario", "quick", "--visibility-timeout", str(VT)],
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        deadline = time.monotonic() + 240
        victim = None
        while victim is None and time.monotonic() < deadline:
            for rec in _records(out):
                logs = list((out / "logs").glob("*-1.log"))
                if rec["status"] == "running" and rec.get("pid") and logs and "scenario" in logs[0].read_text():
                    victim = str(rec["devices"][-1]).rsplit("/", 1)[-1]  # type: ignore[index]
            time.sleep(0.2)
        assert victim, "the job never ran"
        # the whole worker of that device dies at once: Celery main process, pool process, scan, JVM, proxy
        for pid in _with_env("DYNSCAN_DEVICE_NAME", victim):
            with contextlib.suppress(ProcessLookupError):
                if f"DYNSCAN_BROKER={redis_url}".encode() in Path(f"/proc/{pid}/environ").read_bytes():
                    os.kill(pid, signal.SIGKILL)
        _, err = batch.communicate(timeout=VT + 300)
        assert batch.returncode == 1, err  # the leaky app has high findings
        (rec,) = _records(out)
        assert rec["status"] == "done" and rec["attempts"] == 2, rec
        first, second = rec["devices"]  # type: ignore[misc]
        assert first.endswith(victim) and not second.endswith(victim)
        assert (out / "sessions" / str(rec["spec"]["id"]) / "report.json").is_file()  # type: ignore[index]
        assert (out / "index.html").is_file()
    finally:
        _end(batch)
        werr = _stop(worker)
    assert f"worker {victim} ended (killed by signal 9)" in werr
    assert not _with_env("DYNSCAN_BROKER", redis_url), "no worker, scan or JVM is left behind"


def test_an_unreachable_broker_is_one_line_and_exit_2(tmp_path: Path) -> None:
    proc = subprocess.run([*DYNSCAN, "worker", "--broker", "redis://127.0.0.1:9/0"], capture_output=True, text=True,
                          timeout=60)
    assert proc.returncode == 2 and "broker redis://127.0.0.1:9/0 is not reachable" in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


@pytest.mark.integration
@pytest.mark.timeout(600)
def test_a_redis_restart_mid_batch_loses_no_job(redis_server: RedisServer, tmp_path: Path) -> None:
    apps = tmp_path / "apps"
    apps.mkdir()
    _build(apps, "leaky", "compliant")
    out = tmp_path / "store"
    worker = subprocess.Popen([*DYNSCAN, "worker", "--broker", redis_server.url, "--devices", "sim:1",
                               "--visibility-timeout", str(VT)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True, start_new_session=True)
    batch: subprocess.Popen[str] | None = None
    try:
        batch = subprocess.Popen([*DYNSCAN, "batch", str(apps), "--broker", redis_server.url, "--out", str(out),
                                  "--scenario", "quick", "--visibility-timeout", str(VT)],
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        deadline = time.monotonic() + 240
        while not any(r["status"] == "running" for r in _records(out)) and time.monotonic() < deadline:
            time.sleep(0.2)
        redis_server.restart()  # the second job, still queued, is gone with it
        _, err = batch.communicate(timeout=400)
        assert batch.returncode == 1, err
        assert "the broker restarted and lost its queue: 1 unfinished job enqueued again" in err
        assert sorted(str(r["status"]) for r in _records(out)) == ["done", "done"]
    finally:
        _end(batch)
        _stop(worker)
    assert not _with_env("DYNSCAN_BROKER", redis_server.url)


def test_a_delivery_of_a_finished_or_leased_job_does_nothing(tmp_path: Path) -> None:
    from dynscan.batch.store import BatchStore, JobRecord
    from dynscan.batch.task import scan_job

    from .batchkit import spec

    store = BatchStore(str(tmp_path))
    done, held = spec("done.apk", "1" * 64), spec("held.apk", "2" * 64)
    store.save(JobRecord(spec=done, status="done", attempts=1))
    store.save(JobRecord(spec=held, status="running", attempts=1, devices=["host/sim-1"],
                         lease_until=time.time() + 60))
    task = None  # never touched on these paths: nothing is run, requeued or retired
    assert scan_job(task, done.model_dump(mode="json"), str(tmp_path), {}) == "done"  # type: ignore[arg-type]
    assert scan_job(task, held.model_dump(mode="json"), str(tmp_path), {}) == "held elsewhere"  # type: ignore[arg-type]
    assert store.job(held.id) == JobRecord(spec=held, status="running", attempts=1, devices=["host/sim-1"],
                                           lease_until=store.job(held.id).lease_until)  # type: ignore[union-attr]
