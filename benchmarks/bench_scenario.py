"""Scenario benchmark (not a test): the wall time of ``dynscan run`` per app, and dynscan's own CPU share.

    .venv/bin/python benchmarks/bench_scenario.py [--apps leaky compliant] [--scenarios default quick]
                                                  [--time-scale 1.0]

Each app of ``examples/apps`` is built once, then scanned on the virtual device with each scenario in
a fresh ``dynscan run`` process. While it runs, the process tree is sampled from ``/proc`` every
0.25 s, and the CPU time (user + system) of each process is kept as last seen, by role:

- **dynscan**: the ``dynscan run`` process itself (driver, Frida host side, store, reports);
- **proxy**: mitmdump with dynscan's addons, and its worker;
- **app**: the app's JVMs (the app's own work *plus* the Frida agent's hooks running inside it:
  the two cannot be told apart from outside).

A process that ends between two samples loses at most 0.25 s of CPU, so the figures are a slight
underestimate. The share is CPU seconds over wall seconds (1.0 = one core busy the whole run).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DYNSCAN = [sys.executable, "-m", "dynscan"]
TICK = os.sysconf("SC_CLK_TCK")


def _children(pid: int) -> list[int]:
    out: list[int] = []
    try:
        for task in Path(f"/proc/{pid}/task").iterdir():
            kids = (task / "children").read_text().split()
            out.extend(int(k) for k in kids)
    except OSError:
        pass
    return out


def _cpu_and_role(pid: int) -> tuple[float, str] | None:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
        cmd = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return None
    fields = stat.rsplit(")", 1)[1].split()
    cpu = (int(fields[11]) + int(fields[12])) / TICK  # utime, stime
    role = "app" if "dynscan.sim.Main" in cmd else "proxy" if ("mitmdump" in cmd or "dynscan_proxy" in cmd
                                                                or "proxy_addons" in cmd) else "dynscan"
    return cpu, role


class TreeSampler(threading.Thread):
    def __init__(self, root: int) -> None:
        super().__init__(daemon=True)
        self.root = root
        self.seen: dict[int, float] = {}
        self.roles: dict[int, str] = {}
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.is_set():
            todo, tree = [self.root], []
            while todo:
                pid = todo.pop()
                tree.append(pid)
                todo.extend(_children(pid))
            for pid in tree:
                got = _cpu_and_role(pid)
                if got is not None:
                    self.seen[pid], self.roles[pid] = got[0], got[1] if pid != self.root else "dynscan"
            self.stop.wait(0.25)

    def by_role(self) -> dict[str, float]:
        out = {"dynscan": 0.0, "proxy": 0.0, "app": 0.0}
        for pid, cpu in self.seen.items():
            out[self.roles[pid]] += cpu
        return out


def scan(apk: Path, scenario: str, out: Path, time_scale: float) -> dict[str, Any]:
    start = time.monotonic()
    proc = subprocess.Popen([*DYNSCAN, "run", "--apk", str(apk), "--out", str(out), "--scenario", scenario,
                             "--time-scale", str(time_scale), "-f", "json", "--fail-on", "never"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    sampler = TreeSampler(proc.pid)
    sampler.start()
    _, err = proc.communicate(timeout=900)
    wall = time.monotonic() - start
    sampler.stop.set()
    sampler.join()
    if proc.returncode != 0:
        raise SystemExit(f"dynscan run failed ({proc.returncode}): {err.decode()[-2000:]}")
    cpu = sampler.by_role()
    report = out / "report.json"
    verdict = json.loads(report.read_text())["verdict"] if report.is_file() else "?"
    return {"wall": wall, **cpu, "verdict": verdict}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--apps", nargs="+", default=["leaky", "compliant"])
    ap.add_argument("--scenarios", nargs="+", default=["default", "quick"])
    ap.add_argument("--time-scale", type=float, default=1.0)
    args = ap.parse_args()
    print(f"# {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"{time.strftime('%Y-%m-%d %H:%M')} UTC, load average {os.getloadavg()[0]:.1f}")
    print("| app | scenario | verdict | wall s | dynscan CPU s | proxy CPU s | app JVM CPU s | "
          "dynscan+proxy share of wall |")
    print("|---|---|---|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory(prefix="dynscan-bench-") as tmp:
        work = Path(tmp)
        for app in args.apps:
            apk = work / f"{app}.apk"
            subprocess.run([*DYNSCAN, "sim", "build", str(ROOT / "examples" / "apps" / app), "-o", str(apk)],
                           check=True, capture_output=True)
            for scenario in args.scenarios:
                r = scan(apk, scenario, work / f"{app}-{scenario}", args.time_scale)
                share = (r["dynscan"] + r["proxy"]) / r["wall"]
                print(f"| {app} | {scenario} | {r['verdict']} | {r['wall']:.1f} | {r['dynscan']:.1f} | "
                      f"{r['proxy']:.1f} | {r['app']:.1f} | {share:.0%} |", flush=True)


if __name__ == "__main__":
    main()
