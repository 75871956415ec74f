"""Simulation of the Celery path at scale: fake scans of fixed length on 50 fake devices, 3 workers.

    .venv/bin/python benchmarks/sim_celery.py                        # 500 jobs of 2 s, then the kill run
    .venv/bin/python benchmarks/sim_celery.py --jobs 300 --scan-s 1 --vt 10

A real redis-server (on a free loopback port) and 3 real `celery worker` processes use dynscan's own
Celery settings (:func:`dynscan.batch.celery_app.make_app`: late acks, prefetch 1, reject on worker
loss, visibility timeout, restore sweep); only the task is fake: it sleeps ``--scan-s`` and writes a
record. Each worker is one host with a thread pool of 17, 17 and 16 "devices". Two runs:

1. **distribution**: makespan against the ideal ``ceil(jobs / devices) * scan_s``, and jobs per worker;
2. **killed worker**: one worker is SIGKILLed halfway; every job still finishes, and the jobs it held
   finish within the visibility timeout (plus one scan and one restore sweep) after the kill.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from celery import Celery

SIM_TASK = "dynscan.sim_scan"
DEVICES = (17, 17, 16)


def sim_app() -> Celery:
    """The app the fake workers load (``-A sim_celery``): dynscan's settings plus the fake scan."""
    from dynscan.batch.celery_app import make_app

    app = make_app(os.environ["DYNSCAN_BROKER"], int(os.environ["DYNSCAN_VISIBILITY_TIMEOUT"]))

    @app.task(name=SIM_TASK, acks_late=True, reject_on_worker_lost=True)  # type: ignore[untyped-decorator]
    def sim_scan(job: int, scan_s: float, out: str) -> None:
        start = time.time()
        Path(out, "started", f"{job}-{os.environ['SIM_WORKER']}").touch()
        time.sleep(scan_s)
        rec = {"job": job, "worker": os.environ["SIM_WORKER"], "start": start, "end": time.time()}
        target = Path(out, f"{job}-{os.getpid()}-{start:.6f}.json")
        target.with_suffix(".tmp").write_text(json.dumps(rec))
        target.with_suffix(".tmp").replace(target)

    return app


if "DYNSCAN_BROKER" in os.environ and "SIM_WORKER" in os.environ:
    app = sim_app()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _start_workers(broker: str, vt: int, log_dir: Path) -> list[subprocess.Popen[bytes]]:
    procs = []
    for i, n in enumerate(DEVICES):
        env = {**os.environ, "DYNSCAN_BROKER": broker, "DYNSCAN_VISIBILITY_TIMEOUT": str(vt), "SIM_WORKER": f"w{i}",
               "PYTHONPATH": str(Path(__file__).parent)}
        log = (log_dir / f"w{i}.log").open("wb")
        procs.append(subprocess.Popen([sys.executable, "-m", "celery", "-A", "sim_celery", "worker", "-P", "threads",
                                       "-c", str(n), "--prefetch-multiplier", "1", "-n", f"w{i}@sim",
                                       "--without-gossip", "--without-mingle", "-l", "WARNING"],
                                      env=env, stdout=log, stderr=log, start_new_session=True))
    return procs


def _records(out: Path) -> list[dict[str, float | str]]:
    return [json.loads(p.read_text()) for p in out.glob("*.json")]


def run(broker: str, jobs: int, scan_s: float, vt: int, work: Path, kill_after: float | None) -> dict[str, object]:
    out = work / ("kill" if kill_after else "plain")
    (out / "started").mkdir(parents=True)
    procs = _start_workers(broker, vt, work)
    try:
        return _measure(procs, broker, jobs, scan_s, vt, out, kill_after)
    finally:
        for p in procs:
            if p.poll() is None:
                os.killpg(p.pid, signal.SIGKILL)
                p.wait(30)


def _measure(procs: list[subprocess.Popen[bytes]], broker: str, jobs: int, scan_s: float, vt: int, out: Path,
             kill_after: float | None) -> dict[str, object]:
    time.sleep(4)  # workers connect
    os.environ["DYNSCAN_BROKER"] = broker
    os.environ["DYNSCAN_VISIBILITY_TIMEOUT"] = str(vt)
    producer = sim_app()
    t0 = time.time()
    for j in range(jobs):
        producer.send_task(SIM_TASK, args=(j, scan_s, str(out)), queue="dynscan")
    killed_at, held = None, set()
    deadline = t0 + jobs * scan_s + 3 * vt + 60
    while time.time() < deadline:
        recs = _records(out)
        if kill_after is not None and killed_at is None and time.time() - t0 >= kill_after:
            os.killpg(procs[0].pid, signal.SIGKILL)
            killed_at = time.time()
        if len({r["job"] for r in recs}) >= jobs:
            break
        time.sleep(0.2)
    makespan = max(float(r["end"]) for r in _records(out)) - t0
    recs = _records(out)
    finished = {r["job"] for r in recs}
    per_worker = {w: sum(1 for r in recs if r["worker"] == w) for w in ("w0", "w1", "w2")}
    result: dict[str, object] = {"jobs": jobs, "finished": len(finished), "duplicates": len(recs) - len(finished),
                                 "makespan_s": round(makespan, 1), "per_worker": per_worker}
    ideal = math.ceil(jobs / sum(DEVICES)) * scan_s
    result["ideal_s"] = ideal
    result["over_ideal_pct"] = round(100 * (makespan - ideal) / ideal, 1)
    if killed_at is not None:  # jobs w0 had started and never finished: held by the killed worker
        w0_started = {int(p.name.split("-")[0]) for p in (out / "started").glob("*-w0")}
        held = w0_started - {int(r["job"]) for r in recs if r["worker"] == "w0"}
        redone = [r for r in recs if r["job"] in held]
        late = [float(r["end"]) - killed_at for r in redone]
        result["killed_at_s"] = round(killed_at - t0, 1)
        result["held_by_killed_worker"] = len(held)
        result["redelivered"] = len({r["job"] for r in redone})
        result["last_redelivered_done_after_kill_s"] = round(max(late), 1) if late else None
        result["bound_s"] = vt + max(1, vt // 10) + scan_s
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--jobs", type=int, default=500)
    ap.add_argument("--scan-s", type=float, default=2.0)
    ap.add_argument("--vt", type=int, default=15, help="visibility timeout (scaled down from a real scenario's)")
    args = ap.parse_args()
    server = shutil.which("redis-server")
    if not server:
        raise SystemExit("redis-server is missing: run scripts/bootstrap")
    with tempfile.TemporaryDirectory(prefix="dynscan-sim-celery-") as tmp:
        work = Path(tmp)
        port = _free_port()
        redis = subprocess.Popen([server, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly",
                                  "no", "--dir", tmp], stdout=subprocess.DEVNULL)
        time.sleep(0.5)
        broker = f"redis://127.0.0.1:{port}/0"
        try:
            when = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
            print(f"{sum(DEVICES)} fake devices on {len(DEVICES)} workers {DEVICES}; {args.jobs} jobs of "
                  f"{args.scan_s}s; visibility timeout {args.vt}s; {when}")
            print("distribution:", json.dumps(run(broker, args.jobs, args.scan_s, args.vt, work, None)))
            half = math.ceil(args.jobs / sum(DEVICES)) * args.scan_s / 2
            print("killed worker:", json.dumps(run(broker, args.jobs, args.scan_s, args.vt, work, half)))
        finally:
            redis.terminate()
            redis.wait(10)


if __name__ == "__main__":
    main()
