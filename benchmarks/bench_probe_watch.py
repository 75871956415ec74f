"""What watching libc for anti-Frida checks costs the app (not a test).

    .venv/bin/python benchmarks/bench_probe_watch.py [--calls 50000] [--repeat 3]

The fixture app (tests/agent/fixtures) times ``File.exists`` on an absent path (one libc ``stat`` per
call, the kind of call the watch intercepts) in a fresh JVM: without the agent, with the agent and no
probe watch (``detect_probes=False``), and with it (the default). No hook of the catalog is installed,
so the difference is the Interceptor trampoline plus the C filter (hooks/probes.ts).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "agent"))

from agent_testkit import compile_fixture, instrumented  # noqa: E402

from dynscan.instrument.models import AgentOptions  # noqa: E402


def per_call(classes: Path, calls: int, agent: bool, watch: bool) -> tuple[float, float]:
    options = AgentOptions(package="fixture.app", detect_probes=watch)
    with tempfile.TemporaryDirectory() as d, instrumented(classes, Path(d), "stat_timed", str(calls), agent=agent,
                                                          specs=[], options=options) as run:
        run.release()
        line = next(x for x in run.finish(timeout=600) if x.startswith("median_ns="))
    med, p90 = (int(p.split("=")[1]) / 1000.0 for p in line.split())
    return med, p90


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--calls", type=int, default=50_000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as d:
        classes = compile_fixture(Path(d))
        for label, agent, watch in (("no agent", False, False), ("agent, no probe watch", True, False),
                                    ("agent, probe watch", True, True)):
            runs = [per_call(classes, args.calls, agent, watch) for _ in range(args.repeat)]
            med = statistics.median(r[0] for r in runs)
            p90 = statistics.median(r[1] for r in runs)
            print(f"File.exists, {label:24s} median {med:6.2f} us  p90 {p90:6.2f} us")


if __name__ == "__main__":
    main()
