"""Agent benchmark (not a test): per-call cost of a hooked getter and host ingest rate.

    .venv/bin/python benchmarks/bench_agent.py [--calls 20000] [--events 200000] [--repeat 3]
                                               [--runtime qjs|v8] [--deep 30]

1. The fixture app (tests/agent/fixtures, Android-named classes on HotSpot, as on the virtual device)
   times each ``TelephonyManager.getImei()`` call: unhooked, hooked without stacks, hooked with stacks
   from ``main`` (2 frames below the API), and hooked with stacks ``--deep`` frames down (a full,
   16-frame stack, as in real apps), and that last case again with the whole built-in catalog
   installed (every hook the fixture's framework and the JDK have: sockets, file opens, exec ...).
2. The host's message path (pydantic batch validation + ``append_many`` into the session store) is fed
   agent-shaped batches of 2,000 events; events/s ingested is reported.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Literal

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "agent"))

from agent_testkit import compile_fixture, instrumented  # noqa: E402

from dynscan.hooks import load_catalog  # noqa: E402
from dynscan.hooks.model import HookSpec  # noqa: E402
from dynscan.instrument.models import AgentOptions  # noqa: E402
from dynscan.instrument.session import AgentSession  # noqa: E402
from dynscan.store import open_store  # noqa: E402


def per_call(classes: Path, calls: int, stack: bool | None, deep: int = 0,
             runtime: Literal["qjs", "v8"] = "qjs", full: bool = False) -> tuple[float, float]:
    spec = HookSpec.model_validate({"id": "b.imei", "class": "android.telephony.TelephonyManager",
                                    "method": "getImei", "category": "device_id", "data_type": "imei",
                                    "capture": {"stack": bool(stack)}}).agent_spec()
    specs = [spec]
    if full:  # the whole built-in catalog installed (its telephony.imei takes stacks), as in a real run
        specs = [s for s in load_catalog().agent_specs("sim") if s["id"] != "telephony.imei"] + [spec]
    scenario = ["timed_deep", str(calls), str(deep)] if deep else ["timed", str(calls)]
    options = AgentOptions(package="fixture.app", runtime=runtime)
    with tempfile.TemporaryDirectory() as d, instrumented(classes, Path(d), *scenario, agent=stack is not None,
                                                          specs=specs, options=options) as run:
        run.release()
        line = next(x for x in run.finish(timeout=600) if x.startswith("median_ns="))
    med, p90 = (int(p.split("=")[1]) / 1000.0 for p in line.split())
    return med, p90


def ingest(n: int) -> float:
    batch = [{"kind": "api_call", "ts_ms": 1.7e12 + i, "thread": "main", "api": "a.B.getImei",
              "category": "device_id", "data_type": "imei", "value": "860000000000001", "seq": i,
              "hook": "telephony.imei", "stack": ["com.app.Main.onCreate(Main.java:10)"] * 8}
             for i in range(2000)]
    with tempfile.TemporaryDirectory() as d, open_store(d) as store:
        session = AgentSession(None, 1, store, [])
        t0 = time.perf_counter()
        for _ in range(n // len(batch)):
            session._on_message({"type": "send", "payload": {"type": "events", "events": batch}}, None)
        elapsed = time.perf_counter() - t0
        assert store.count() == session.events_written
    return session.events_written / elapsed


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--calls", type=int, default=20_000)
    ap.add_argument("--events", type=int, default=200_000)
    ap.add_argument("--runtime", choices=["qjs", "v8"], default="qjs")
    ap.add_argument("--deep", type=int, default=30, help="caller depth for the full-stack case")
    ap.add_argument("--repeat", type=int, default=3,
                    help="fresh JVMs per case; the median of their medians is shown (runs vary by ~10 us)")
    args = ap.parse_args()
    rt = args.runtime

    def med(classes: Path, stack: bool | None, deep: int = 0, full: bool = False) -> tuple[float, float]:
        runs = [per_call(classes, args.calls, stack, deep=deep, runtime=rt, full=full) for _ in range(args.repeat)]
        return statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)

    with tempfile.TemporaryDirectory() as d:
        classes = compile_fixture(Path(d))
        base, _ = med(classes, None)
        no_stack, no_stack90 = med(classes, False)
        with_stack, with_stack90 = med(classes, True)
        deep, deep90 = med(classes, True, deep=args.deep)
        full, full90 = med(classes, True, deep=args.deep, full=True)
    print(f"runtime {rt}, {args.repeat} runs per case")
    print(f"unhooked getImei:           median {base:8.2f} us")
    print(f"hooked, no stack:           median {no_stack:8.2f} us  p90 {no_stack90:8.2f} us")
    print(f"hooked, stack (2 frames):   median {with_stack:8.2f} us  p90 {with_stack90:8.2f} us")
    print(f"hooked, stack (16 of {args.deep + 2}):  median {deep:8.2f} us  p90 {deep90:8.2f} us")
    print(f"same, whole catalog:        median {full:8.2f} us  p90 {full90:8.2f} us")
    print(f"added cost with stacks:     median {with_stack - base:8.2f} us (16 frames: {deep - base:.2f} us, "
          f"whole catalog: {full - base:.2f} us)")
    print(f"host ingest:                {ingest(args.events):,.0f} events/s")


if __name__ == "__main__":
    main()
