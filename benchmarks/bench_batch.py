"""Benchmark ``dynscan batch`` on one host: 8 sample apps on ``sim:4`` against the same on ``sim:1``.

    .venv/bin/python benchmarks/bench_batch.py                  # sim:1 and sim:4, quick scenario
    .venv/bin/python benchmarks/bench_batch.py --pools 1 2 4 --apps 8 --scenario quick

The 8 apps are the two example apps (leaky, compliant) built once and made distinct (each zip gets one
extra entry, so each has its own sha256 and job). Each pool size runs in a fresh child process that runs
the real CLI in-process and reports its wall time, its own CPU (the pool: scheduling, display, store)
and its children's CPU (the scans: driver, JVMs, mitmdump). "pool CPU %" is the pool's share of all
CPU the batch used. Results go to stdout as a table (copy them into docs/benchmarks.md).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CHILD = r"""
import json, resource, sys, time
from dynscan.cli.main import main
t0 = time.monotonic()
try:
    sys.argv = ["dynscan", *sys.argv[1:]]
    main()
except SystemExit as e:
    code = e.code
wall = time.monotonic() - t0
me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"code": code, "wall": wall, "self_cpu": me.ru_utime + me.ru_stime,
                  "children_cpu": kids.ru_utime + kids.ru_stime}), file=sys.__stdout__)
"""


def make_apps(n: int, dest: Path) -> None:
    built = {}
    for app in ("leaky", "compliant"):
        out = dest.parent / f"{app}.apk"
        subprocess.run([sys.executable, "-m", "dynscan", "sim", "build", str(ROOT / "examples" / "apps" / app),
                        "-o", str(out)], check=True, capture_output=True)
        built[app] = out
    dest.mkdir()
    for i in range(n):
        src = built["leaky" if i % 2 == 0 else "compliant"]
        target = dest / f"app{i:02d}-{src.stem}.apk"
        shutil.copyfile(src, target)
        with zipfile.ZipFile(target, "a") as z:
            z.writestr("assets/variant.txt", str(i))


def run_pool(apps: Path, pool: int, scenario: str, work: Path) -> dict[str, float]:
    """One batch on sim:POOL; run again on the finished store, it skips every job: its CPU is the fixed
    start-up cost (imports, planning, the report), which the pool's work proper does not include."""
    out = work / f"out-sim{pool}"
    result = _batch(apps, pool, scenario, out)
    result["startup_cpu"] = _batch(apps, pool, scenario, out)["self_cpu"]
    done = [json.loads(p.read_text()) for p in (out / "jobs").glob("*.json")]
    result["scans"] = sum(1 for r in done if r["status"] == "done")
    durations = [r["duration_s"] for r in done if r.get("duration_s")]
    result["mean_scan_s"] = sum(durations) / len(durations) if durations else 0.0
    return result


def _batch(apps: Path, pool: int, scenario: str, out: Path) -> dict[str, float]:
    proc = subprocess.run([sys.executable, "-c", CHILD, "batch", str(apps), "--devices", f"sim:{pool}",
                           "--out", str(out), "--scenario", scenario, "--fail-on", "never"],
                          capture_output=True, text=True)
    result: dict[str, float] = json.loads(proc.stdout.strip().splitlines()[-1])
    if result["code"] != 0:
        raise SystemExit(f"sim:{pool}: batch exited {result['code']}: {proc.stderr[-2000:]}")
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pools", type=int, nargs="+", default=[1, 4])
    ap.add_argument("--apps", type=int, default=8)
    ap.add_argument("--scenario", default="quick")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="dynscan-bench-batch-") as tmp:
        work = Path(tmp)
        make_apps(args.apps, work / "apps")
        load = os.getloadavg()[0]
        print(f"machine: {os.cpu_count()} cores, {platform.machine()}, Python {platform.python_version()}, "
              f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, load average at start {load:.1f}")
        print("| pool | apps | wall s | mean scan s | pool CPU s | of which start-up | scans CPU s | pool CPU % "
              "| pool CPU % without start-up | wall vs sim:1 |")
        print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        base = None
        for pool in args.pools:
            r = run_pool(work / "apps", pool, args.scenario, work)
            base = base or r["wall"]
            total = r["self_cpu"] + r["children_cpu"]
            share, proper = 100 * r["self_cpu"] / total, 100 * (r["self_cpu"] - r["startup_cpu"]) / total
            print(f"| sim:{pool} | {r['scans']:.0f} | {r['wall']:.1f} | {r['mean_scan_s']:.1f} | {r['self_cpu']:.2f} | "
                  f"{r['startup_cpu']:.2f} | {r['children_cpu']:.1f} | {share:.1f} | {proper:.1f} | "
                  f"{r['wall'] / base:.2f}x |", flush=True)


if __name__ == "__main__":
    main()
