"""What the agent's libc hooks cost the app per call (not a test).

    .venv/bin/python benchmarks/bench_libc_hooks.py [--calls 3000] [--rounds 5] [--workload connect open]

The fixture app (tests/agent/fixtures) times ``N`` calls in a fresh JVM: ``connect``, a ``Socket.connect`` to a
loopback listener (one libc ``connect`` each), or ``open``, opening and closing an existing file (one libc
``openat``). Each round runs, in fresh JVMs, the agent with no libc hook (the floor: no catalog hook, no probe
watch) and the agent with ``native_connect`` (the catalog's ``socket.native_connect`` / ``socket.native_sendto``),
with the probe watch (``detect_probes``) and with both; the order rotates from round to round, and each
configuration's per-call median is divided by the floor's of the same round (paired), so a machine that slows
down between rounds moves both. No Java hook is installed: a ``Socket.connect`` is then a connection no Java
hook saw, so ``native_connect`` reports every one (its JavaScript callback and a ``net_connect`` event: the worst
case); with the Java hook in (as in a scan), the Java hook reports it and ``native_connect`` only checks its guard.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dynscan.hooks import Catalog

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "agent"))

WORKLOADS = {"connect": "connect_timed", "open": "open_timed"}
NATIVE = ("socket.native_connect", "socket.native_sendto")
JAVA = ("socket.connect",)


@dataclass(frozen=True)
class Config:
    label: str
    hooks: tuple[str, ...]  # catalog ids installed
    watch: bool  # the probe watch on open/stat/connect...


CONFIGS = (Config("floor: agent, no libc hook", (), False), Config("native_connect", NATIVE, False),
           Config("probe watch", (), True), Config("native_connect + probe watch", NATIVE, True),
           Config("Java Socket.connect hook", JAVA, False),
           Config("Java Socket.connect hook + native_connect", JAVA + NATIVE, False))


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--calls", type=int, default=3000, help="calls timed per JVM (default 3000)")
    ap.add_argument("--rounds", type=int, default=5, help="rounds of every configuration (default 5)")
    ap.add_argument("--workload", nargs="+", choices=sorted(WORKLOADS), default=["connect", "open"])
    args = ap.parse_args(argv)
    if args.calls < 10 or args.rounds < 1:
        ap.error("--calls must be at least 10 and --rounds at least 1")
    return args


def per_call(classes: Path, mode: str, calls: int, config: Config, catalog: Catalog) -> float:
    """The median microseconds of one call in a fresh JVM with the agent in ``config``."""
    from agent_testkit import instrumented

    from dynscan.instrument.models import AgentOptions

    options = AgentOptions(package="fixture.app", detect_probes=config.watch)
    specs = [catalog.by_id(i).agent_spec() for i in config.hooks]
    with tempfile.TemporaryDirectory() as d, instrumented(classes, Path(d), mode, str(calls), specs=specs,
                                                          options=options) as run:
        run.release()
        line = next(x for x in run.finish(timeout=600) if x.startswith("median_ns="))
    return int(line.split()[0].split("=")[1]) / 1000.0


def bench(classes: Path, workload: str, calls: int, rounds: int, catalog: Catalog) -> None:
    medians: dict[str, list[float]] = {c.label: [] for c in CONFIGS}
    ratios: dict[str, list[float]] = {c.label: [] for c in CONFIGS}
    for r in range(rounds):
        order = CONFIGS[r % len(CONFIGS):] + CONFIGS[:r % len(CONFIGS)]
        got = {c.label: per_call(classes, WORKLOADS[workload], calls, c, catalog) for c in order}
        floor = got[CONFIGS[0].label]
        for label, us in got.items():
            medians[label].append(us)
            ratios[label].append(us / floor)
        print(f"# {workload} round {r + 1}: " + ", ".join(f"{k} {v:.2f} us" for k, v in got.items()), flush=True)
    floor = statistics.median(medians[CONFIGS[0].label])
    print(f"| {workload} | config | median per call | paired ratio to floor (median, range) | + per call |")
    for c in CONFIGS:
        med, rs = statistics.median(medians[c.label]), ratios[c.label]
        print(f"| {workload} | {c.label} | {med:.2f} us | {statistics.median(rs):.2f} ({min(rs):.2f}-{max(rs):.2f}) "
              f"| {med - floor:+.2f} us |", flush=True)


def main(argv: Sequence[str] | None = None) -> None:
    args = parse_args(argv)
    from agent_testkit import compile_fixture

    from dynscan.hooks import load_catalog

    catalog = load_catalog()
    print(f"# load average {os.getloadavg()}, {os.cpu_count()} cores", flush=True)
    with tempfile.TemporaryDirectory() as d:
        classes = compile_fixture(Path(d))
        for workload in args.workload:
            bench(classes, workload, args.calls, args.rounds, catalog)
    print(f"# load average {os.getloadavg()}", flush=True)


if __name__ == "__main__":
    main()
