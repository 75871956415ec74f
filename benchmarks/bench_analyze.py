"""Benchmark ``dynscan analyze --events FILE --format json`` against the cost of parsing the file.

    .venv/bin/python benchmarks/bench_analyze.py            # 100k and 1M events
    .venv/bin/python benchmarks/bench_analyze.py --sizes 200000

For each size a realistic timeline (a mix of kinds and actors: the app, Umeng, other libraries,
system traffic, a few unknown kinds) is written to a temporary file, then a fresh child process
measures (a) the floor: reading every line and parsing it with orjson, and (b) the whole analysis
in-process (import into a session store, rules, JSON report), with its phases, and the child's
peak RSS. (a) and (b) run twice, interleaved; the table keeps each one's faster run. "Paired" is
(b) over (a) measured again in (b)'s process right after it (CPU). Results go to stdout as a table
(copy them into docs/benchmarks.md).

The timeline is in time order, so (b) takes one pass (validate, store and judge each line as it is
read). The phases are measured separately: the import alone, reading the store back as models
(what a recorded session or an out-of-order file costs on top) and the rules over the store.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import platform
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import orjson

T0 = 1764230400.0
_STACKS = {
    "app": ["com.example.big.feed.FeedRepository.load(FeedRepository.java:{n})",
            "com.example.big.feed.FeedFragment.onResume(FeedFragment.java:88)",
            "androidx.fragment.app.Fragment.performResume(Fragment.java:3039)"],
    "umeng": ["com.umeng.commonsdk.statistics.idtracking.ImeiTracker.f(ImeiTracker.java:{n})",
              "com.umeng.commonsdk.statistics.idtracking.AbstractIdTracker.a(AbstractIdTracker.java:52)",
              "com.umeng.commonsdk.UMConfigure.init(UMConfigure.java:301)",
              "com.example.big.BigApp.onCreate(BigApp.java:27)"],
    "lib": ["com.tencent.mm.opensdk.utils.DeviceUtil.id(DeviceUtil.java:{n})",
            "com.tencent.mm.opensdk.openapi.WXApiImplV10.registerApp(WXApiImplV10.java:140)",
            "com.example.big.share.Share.init(Share.java:19)"],
}
_APIS = [("android.telephony.TelephonyManager.getImei", "device_id", "imei"),
         ("android.provider.Settings$Secure.getString", "device_id", "android_id"),
         ("android.location.LocationManager.getLastKnownLocation", "location", "location"),
         ("android.net.wifi.WifiInfo.getSSID", "network_info", "ssid"),
         ("android.content.ClipboardManager.getPrimaryClip", "clipboard", "clipboard"),
         ("android.hardware.SensorManager.registerListener", "sensor", "accelerometer"),
         ("android.app.ApplicationPackageManager.getInstalledPackages", "app_list", "app_list")]
_HOSTS = [("api.big.example.com", "first"), ("ulogs.umeng.com", "third"), ("cdn.big.example.com", "first"),
          ("track.ads.example.net", "third"), ("connectivitycheck.gstatic.com", None)]


def _event(i: int, rnd: random.Random, consent_at: int) -> dict[str, object]:
    ts = round(T0 + i * 0.05, 3)
    roll = rnd.random()
    base: dict[str, object] = {"id": f"e{i}", "ts": ts, "pid": 4242}
    if i == 0:
        return {**base, "kind": "session_start", "package": "com.example.big",
                "first_party_domains": ["big.example.com"], "source": "driver"}
    if i == consent_at:
        return {**base, "kind": "consent", "action": "policy_accepted", "source": "driver"}
    if roll < 0.55:
        api, category, data_type = _APIS[rnd.randrange(len(_APIS))]
        actor = rnd.choice(("app", "app", "umeng", "lib"))
        stack = [f"{api}(Native Method)"] + [f.replace("{n}", str(rnd.randrange(20, 400)))
                                             for f in _STACKS[actor]]
        return {**base, "kind": "api_call", "api": api, "category": category, "data_type": data_type,
                "value": f"v{rnd.randrange(1000)}", "stack": stack, "source": "agent", "thread": "main"}
    if roll < 0.77:
        host, party = _HOSTS[rnd.randrange(len(_HOSTS))]
        pii = [{"type": "android_id", "encoding": "md5", "location": "body"}] if rnd.random() < 0.3 else []
        flow: dict[str, object] = {**base, "kind": "flow", "method": "POST", "url": f"https://{host}/v1/x?i={i}",
                                   "host": host, "scheme": "https", "pii": pii, "source": "proxy"}
        if party is None:
            flow["attribution"] = "system"
        else:
            flow["party"] = party
        return flow
    if roll < 0.89:
        return {**base, "kind": "user_action", "action": "tap", "target": f"com.example.big:id/item_{i % 50}",
                "source": "driver"}
    if roll < 0.93:
        return {**base, "kind": "app_state", "state": rnd.choice(("foreground", "background")),
                "cause": "driver", "source": "driver"}
    if roll < 0.95:
        return {**base, "kind": "component_start", "via": "startActivity", "target_package": "com.example.big",
                "component": "com.example.big/.Detail", "source": "agent"}
    if roll < 0.97:
        return {**base, "kind": "permission_result", "permission": "android.permission.CAMERA",
                "granted": rnd.random() < 0.5, "source": "driver"}
    if roll < 0.99:
        return {**base, "kind": "permission_request", "permissions": ["android.permission.CAMERA"],
                "stack": [f.replace("{n}", "1") for f in _STACKS["app"]], "source": "agent"}
    return {**base, "kind": "frame_stats", "fps": rnd.randrange(30, 61), "source": "device"}


def generate(path: Path, n: int, seed: int = 7) -> int:
    rnd = random.Random(seed)
    with open(path, "wb", buffering=1 << 20) as f:
        for start in range(0, n, 10_000):
            f.write(b"".join(orjson.dumps(_event(i, rnd, consent_at=min(500, n // 2))) + b"\n"
                             for i in range(start, min(n, start + 10_000))))
    return path.stat().st_size


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class _Clock:
    """Wall and CPU seconds (CPU time is steadier on a shared machine)."""

    def __init__(self) -> None:
        self.wall, self.cpu = time.perf_counter(), time.process_time()

    def read(self) -> tuple[float, float]:
        return time.perf_counter() - self.wall, time.process_time() - self.cpu


def child(path: Path, what: str) -> dict[str, float]:
    """One measurement in a fresh process (so ru_maxrss is this measurement's peak)."""
    if what == "floor":
        clock = _Clock()
        with open(path, "rb", buffering=1 << 20) as f:
            for line in f:
                orjson.loads(line)
        wall, cpu = clock.read()
        return {"seconds": wall, "cpu": cpu, "rss_mb": _rss_mb()}
    from dynscan.analysis import analyze_store, run_analysis
    from dynscan.rules.config import Config
    from dynscan.store import open_store
    from dynscan.store.importer import import_jsonl

    if what == "analyze":
        clock = _Clock()
        run_analysis(events=path, formats=["json"], stdout=io.BytesIO())
        wall, cpu = clock.read()
        rss = _rss_mb()
        # the floor again, in this process right after: the paired ratio is steadier than (b)/(a)
        # when a busy neighbour makes the machine faster or slower from one minute to the next
        floor = child(path, "floor")["cpu"]
        return {"seconds": wall, "cpu": cpu, "rss_mb": rss, "paired": cpu / floor}
    # phases (CPU seconds), separately: import, reading the store back as models, rules + evidence
    with tempfile.TemporaryDirectory() as d:
        clock = _Clock()
        import_jsonl(path, Path(d), warn=None)
        cpu_import = clock.read()[1]
        with open_store(Path(d), create=False) as store:
            clock = _Clock()
            for _ in store.iter_events():
                pass
            cpu_read = clock.read()[1]
            clock = _Clock()
            analyze_store(store, Config())
            cpu_rules = clock.read()[1] - cpu_read
    return {"import": cpu_import, "read_models": cpu_read, "rules": cpu_rules, "rss_mb": _rss_mb()}


def measure(path: Path, what: str) -> dict[str, float]:
    out = subprocess.run([sys.executable, __file__, "--child", what, str(path)], check=True,
                         capture_output=True, text=True).stdout
    return dict(json.loads(out))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    ap.add_argument("--child", nargs=2, metavar=("WHAT", "FILE"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        print(json.dumps(child(Path(args.child[1]), args.child[0])))
        return
    print(f"# {time.strftime('%Y-%m-%d %H:%M')}, {platform.python_implementation()} {platform.python_version()}, "
          f"{os.cpu_count()} cores, {platform.machine()}")
    print(f"# load average before: {os.getloadavg()[0]:.1f}")
    print("| events | file MB | (a) floor wall s | (a) floor CPU s | (b) analyze wall s | (b) analyze CPU s "
          "| b/a (CPU) | b/a (wall) | b/a paired | import CPU s | read models CPU s | rules CPU s | peak RSS floor MB "
          "| peak RSS analyze MB |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as d:
        for n in args.sizes:
            path = Path(d) / f"timeline-{n}.jsonl"
            size = generate(path, n)
            # floor and analysis twice, interleaved, keeping each one's faster run (by CPU): on a
            # shared VM a busy neighbour slows whichever happens to run at the time
            floor, full, floor2, full2, phases = (measure(path, w) for w in (
                "floor", "analyze", "floor", "analyze", "phases"))
            floor = min(floor, floor2, key=lambda m: m["cpu"])
            full = min(full, full2, key=lambda m: m["cpu"])
            print(f"| {n:,} | {size / 1e6:,.0f} | {floor['seconds']:.2f} | {floor['cpu']:.2f} "
                  f"| {full['seconds']:.2f} | {full['cpu']:.2f} | {full['cpu'] / floor['cpu']:.1f}x "
                  f"| {full['seconds'] / floor['seconds']:.1f}x | {full['paired']:.1f}x "
                  f"| {phases['import']:.2f} | {phases['read_models']:.2f} | {phases['rules']:.2f} "
                  f"| {floor['rss_mb']:.0f} | {full['rss_mb']:.0f} |", flush=True)
            path.unlink()
    print(f"# load average after: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
