"""Proxy overhead: requests/s through ``mitmdump`` with the dynscan addons vs with no addon.

Same client (``http.client``, one keep-alive connection, small JSON POSTs carrying an IMEI, with a
sequence number and a timestamp in the URL and the body, so no two requests are the same), same local
upstream, same run; the two proxies are measured in alternating rounds and the medians compared.
Run: ``.venv/bin/python benchmarks/bench_proxy.py [--seconds 3] [--rounds 5] [--compare SRC]`` (not a
timed test). ``--compare SRC`` adds a third proxy running the addon of another source tree (``SRC`` holds
``dynscan/``, e.g. ``git archive main src | tar -x -C /tmp/x`` then ``/tmp/x/src``), measured in the same
rotating rounds, each proxy with its own session: a before/after comparison on the same machine load.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import http.client
import json
import os
import platform
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from dynscan.proxy_addons import proxy_script

MITMDUMP = Path(sys.executable).parent / "mitmdump"
IMEI = "356938035643809"
BODY = json.dumps({"event": "open", "imei": IMEI, "ts": 1700000000, "extra": {"k": "v" * 200}}).encode()


def body(n: int) -> bytes:
    """The n-th request's body (``BODY`` with its own sequence number and time)."""
    return json.dumps({"event": "open", "imei": IMEI, "ts": time.time(), "seq": n, "extra": {"k": "v" * 200}}).encode()


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args: Any) -> None:
        pass

    def setup(self) -> None:
        super().setup()
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("content-length") or 0))
        self.send_response(200)
        self.send_header("content-length", "2")
        self.end_headers()
        self.wfile.write(b"ok")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _start(extra: list[str], work: Path, pythonpath: Path | None = None) -> tuple[subprocess.Popen[bytes], int]:
    port = _free_port()
    env = dict(os.environ)
    if pythonpath is not None:  # ahead of the editable install: that tree's dynscan, worker included
        env["PYTHONPATH"] = os.pathsep.join(p for p in (str(pythonpath), env.get("PYTHONPATH", "")) if p)
    proc = subprocess.Popen([str(MITMDUMP), "--listen-host", "127.0.0.1", "--listen-port", str(port), "-q",
                             "--set", f"confdir={work / 'conf'}", *extra],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return proc, port
        except OSError:
            time.sleep(0.05)
    proc.kill()
    raise SystemExit("mitmdump did not start")


def _cpu_s(pid: int) -> tuple[float, float]:
    """User + system CPU seconds so far of a process and of its children (the worker)."""
    totals = [0.0, 0.0]
    for i, p in enumerate([pid, *_children(pid)]):
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        totals[min(i, 1)] += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return totals[0], totals[1]


def _children(pid: int) -> list[int]:
    try:
        return [int(x) for x in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def _rate(proxy_port: int, upstream_port: int, seconds: float) -> tuple[float, int]:
    """(requests per second, requests made)."""
    c = http.client.HTTPConnection("127.0.0.1", proxy_port, timeout=30)
    c.connect()
    assert c.sock is not None
    c.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)  # no Nagle + delayed-ACK stalls
    url = f"http://127.0.0.1:{upstream_port}/collect?aid=9774d56d682e549c&n="
    n = 0
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        c.request("POST", f"{url}{n}", body=body(n), headers={"content-type": "application/json"})
        c.getresponse().read()
        n += 1
    c.close()
    return n / seconds, n


def hook_cost(work: Path, n: int = 400) -> dict[str, float]:
    """CPU per flow spent in mitmdump's process by the addons (measured in-process): the hook
    (``snapshot.capture`` + appending to the batch) and the hand-off's pickling of the item. The test
    flows are frozen out of the garbage collector first: 400 live flows made every full collection,
    triggered by the hook's allocations, cost more than the hook (0.15-0.5 ms per flow, not 0.01)."""
    from mitmproxy.test import taddons, tflow

    from dynscan.proxy_addons import default_addons
    from dynscan.proxy_addons.handoff import frame
    from dynscan.proxy_addons.snapshot import capture

    adds = default_addons()
    with taddons.context(*adds) as tctx:
        tctx.configure(adds[-1], dynscan_session=str(work / "hooks"), dynscan_identity=str(work / "identity.json"))
        flows = []
        for _ in range(n):
            f = tflow.tflow(resp=True)
            f.request.url = f"http://127.0.0.1:1/collect?aid=9774d56d682e549c&n={len(flows)}"
            f.request.content = body(len(flows))
            flows.append(f)
        time.sleep(1.0)  # let the worker finish starting (imports, matcher build) on the other core
        gc.collect()
        gc.freeze()  # the 400 test flows are not a proxy's heap: keep full collections from walking them

        async def hooks() -> tuple[float, float]:  # in an event loop, as in mitmdump: the batch waits for its timer
            t0 = time.perf_counter()
            for f in flows:
                adds[-1].response(f)
            return t0, time.perf_counter()

        t0, t1 = asyncio.run(hooks())
        snaps = [capture(f) for f in flows]
        t2 = time.perf_counter()
        for i in range(0, n, 25):  # the sender pickles a batch (50 ms of flows) as one list
            frame([("http", s, True) for s in snaps[i:i + 25]])
        t3 = time.perf_counter()
        adds[-1].done()
    gc.unfreeze()
    return {"hook": (t1 - t0) / n * 1e3, "pickle": (t3 - t2) / n * 1e3}

def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=float, default=3.0)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--compare", type=Path, help="another source tree's src/ (its addon measured too)")
    args = ap.parse_args()
    up = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    threading.Thread(target=up.serve_forever, daemon=True).start()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        (work / "identity.json").write_text(json.dumps({"imei": IMEI, "android_id": "9774d56d682e549c"}))
        base = _start([], work)
        addon = _start(["-s", str(proxy_script()), "--set", f"dynscan_session={work / 'session'}",
                        "--set", f"dynscan_identity={work / 'identity.json'}"], work)
        procs = {"no addon": base, "dynscan": addon}
        if args.compare is not None:
            script = args.compare.resolve() / "dynscan" / "proxy_addons" / "dynscan_proxy.py"
            procs["compared"] = _start(["-s", str(script), "--set", f"dynscan_session={work / 'session-compared'}",
                                        "--set", f"dynscan_identity={work / 'identity.json'}"], work,
                                       pythonpath=args.compare.resolve())
        names = list(procs)
        try:
            for _, port in procs.values():
                _rate(port, up.server_address[1], 0.5)  # warm-up
            rates: dict[str, list[float]] = {k: [] for k in names}
            cpu: dict[str, list[float]] = {k: [] for k in names}
            own: dict[str, list[float]] = {k: [] for k in names}  # mitmdump's process alone
            paired: list[float] = []
            paired_cmp: list[float] = []
            for r in range(args.rounds):
                order = names[r % len(names):] + names[:r % len(names)]  # rotating: cancel drift
                if len(names) == 2 and r % 2:
                    order = order[::-1]
                for name in order:
                    proc, port = procs[name]
                    c0 = _cpu_s(proc.pid)
                    rate, n = _rate(port, up.server_address[1], args.seconds)
                    time.sleep(0.2)  # the worker finishes the round's last batch
                    rates[name].append(rate)
                    c1 = _cpu_s(proc.pid)
                    cpu[name].append((sum(c1) - sum(c0)) / max(n, 1) * 1e3)
                    own[name].append((c1[0] - c0[0]) / max(n, 1) * 1e3)
                paired.append(rates["dynscan"][-1] / rates["no addon"][-1])
                if "compared" in rates:
                    paired_cmp.append(rates["compared"][-1] / rates["no addon"][-1])
        finally:
            for proc, _ in procs.values():
                proc.terminate()
                proc.wait(10)
            up.shutdown()
        cost = hook_cost(work)  # after the rounds: not competing with them
    print(f"# {platform.node()} {platform.machine()} python {platform.python_version()} cpus={os.cpu_count()} "
          f"load={os.getloadavg()[0]:.2f} {time.strftime('%Y-%m-%d %H:%M')}")
    for k, v in rates.items():
        print(f"{k:9s} median {statistics.median(v):7.1f} req/s  rounds {', '.join(f'{x:.1f}' for x in v)}; "
              f"CPU per request (mitmdump + worker) median {statistics.median(cpu[k]):.3f} ms, "
              f"mitmdump's process alone {statistics.median(own[k]):.3f} ms")
    print(f"CPU per flow in mitmdump's process: hook {cost['hook']:.3f} ms, hand-off pickling {cost['pickle']:.3f} ms "
          "(detection and writing run in the worker process)")
    print(f"paired ratios (same round): {', '.join(f'{x:.3f}' for x in paired)}")
    print(f"ratio dynscan / no addon: {statistics.median(rates['dynscan']) / statistics.median(rates['no addon']):.3f} "
          f"(medians); {statistics.median(paired):.3f} (median of paired rounds)")
    for k in names[1:]:  # less sensitive to the machine's load than req/s: the proxy's own CPU, same round
        cpu_ratios = [b / a for a, b in zip(own[k], own["no addon"], strict=True)]
        print(f"{k}: mitmdump's CPU per request, no addon / {k}, paired: "
              f"{', '.join(f'{x:.3f}' for x in cpu_ratios)}; median {statistics.median(cpu_ratios):.3f}")
    if paired_cmp:
        print(f"compared ({args.compare}) paired ratios: {', '.join(f'{x:.3f}' for x in paired_cmp)}; "
              f"median {statistics.median(paired_cmp):.3f}")


if __name__ == "__main__":
    main()
