"""``dynscan flows`` against its floor, paired, and its memory against the number of flows.

Run: ``.venv/bin/python benchmarks/bench_flows.py [--flows 3000] [--rounds 3]`` (not a timed test).

Writes a flow file of realistic mixed flows (tracker GETs with nested query strings and Floodlight
``;k=v`` paths, JSON and form POSTs, gzip bodies, base64/hex blobs, cookies with URL-encoded JSON,
protobuf bodies, websocket messages, TCP; a fifth carry a known value) with mitmproxy's own writer,
then measures in fresh child processes, interleaved, each round alternating which goes first:

- **floor**: ``mitmproxy.io.FlowReader`` over the file, decoding every request body
  (``request.get_content()``, content-encoding undone) and reading every message;
- **flows**: the ``dynscan flows FILE --identity ID --format json`` command in-process (output to
  ``/dev/null``);
- peak RSS (``resource.getrusage``) of ``dynscan flows`` at N / 2 and 5 N flows (streaming: flat);
- the CPU of importing ``dynscan.cli.main`` and the ``flows`` command's module (the part of the
  command that is not scanning; the other commands are imported lazily, when they run).
"""

from __future__ import annotations

import argparse
import base64
import gzip
import hashlib
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

IDENTITY = {"imei": "356938035643809", "android_id": "9774d56d682e549c", "email": "jane.doe@example.com",
            "mac": "02:1a:11:f0:3c:7d", "phone_number": "+8613800138000",
            "adid": "38400000-8cf0-11bd-b23e-10b96e40000d", "latitude": 39.9042, "longitude": 116.4074}


def _request(rng: random.Random, i: int) -> tuple[str, str, dict[str, str], bytes]:
    leak = i % 5 == 0
    email = IDENTITY["email"] if leak else f"user{i}@example.org"
    imei = str(IDENTITY["imei"]) if leak else str(rng.randrange(10**14, 10**15))
    kind = i % 8
    host = rng.choice(["api.shop.cn", "t.tracker.io", "ad.doubleclick.net", "alog.umeng.com", "cdn.img.io"])
    if kind == 0:
        inner = quote(f"e=ce&m={quote(quote('[' + email + ']', safe=''), safe='')}", safe="")
        return "GET", f"https://{host}/r?p0={inner}&v={rng.random()}", {}, b""
    if kind == 1:
        oref = quote(f"https://shop.example/checkout?step=2&email={quote(email, safe='')}", safe="")
        return "GET", f"https://{host}/activityi;src=4412;type=conv;ord={i};~oref={oref}?", {}, b""
    if kind == 2:
        doc = {"events": [{"name": f"ev{j}", "ts": time.time(), "props": {"k": rng.random(), "imei": imei}}
                          for j in range(rng.randrange(5, 40))], "lat": 39.9042 if leak else 10.0, "lng": 116.4074}
        headers = {"content-type": "application/json", "content-encoding": "gzip"}
        return "POST", f"https://{host}/v1/batch", headers, gzip.compress(json.dumps(doc).encode())
    if kind == 3:
        body = f"v=1&tid=UA-{i}&t=pageview&dr={quote('https://shop.example/a?email=' + quote(email, safe=''), safe='')}"
        return "POST", f"https://{host}/collect", {"content-type": "application/x-www-form-urlencoded"}, body.encode()
    if kind == 4:
        blob = base64.b64encode(json.dumps({"d": imei, "pad": "x" * rng.randrange(100, 2000)}).encode()).decode()
        return "POST", f"https://{host}/b", {"content-type": "application/json"}, json.dumps({"p": blob}).encode()
    if kind == 5:
        h = hashlib.sha256(hashlib.md5(email.encode()).hexdigest().encode()).hexdigest()
        cookie = "user=" + quote(json.dumps({"e": email, "id": i}), safe="")
        return "GET", f"https://{host}/event?a={i}&m=[{h}]", {"cookie": cookie}, b""
    if kind == 6:
        pb = b"\x0a" + bytes([len(imei)]) + imei.encode() + b"\x12\x04abcd" + os.urandom(rng.randrange(50, 800))
        return "POST", f"https://{host}/pb", {"content-type": "application/x-protobuf"}, pb
    text = " ".join(str(rng.random()) for _ in range(rng.randrange(50, 3000)))
    return "POST", f"https://{host}/log", {"content-type": "text/plain"}, text.encode()


def write_flows(path: Path, n: int, seed: int = 7) -> None:
    from mitmproxy import io, tcp, websocket
    from mitmproxy.test import tflow

    rng = random.Random(seed)
    with path.open("wb") as f:
        w = io.FlowWriter(f)
        for i in range(n):
            if i % 50 == 49:
                t = tflow.ttcpflow()
                t.messages = [tcp.TCPMessage(True, b"\x00\x01" + str(IDENTITY["imei"]).encode())]
                w.add(t)
                continue
            method, url, headers, body = _request(rng, i)
            fl = tflow.tflow(resp=True, ws=i % 40 == 39)
            fl.request.method = method
            fl.request.url = url
            fl.request.headers.clear()
            for k, v in headers.items():
                fl.request.headers[k] = v
            fl.request.raw_content = body
            if fl.websocket is not None:
                fl.websocket.messages = [websocket.WebSocketMessage(1, True, json.dumps({"aid": "9774d56d682e549c"})
                                                                    .encode())]
            w.add(fl)


FLOOR = """
import sys
from mitmproxy import io, http
n = 0
with open(sys.argv[1], "rb") as f:
    for fl in io.FlowReader(f).stream():
        n += 1
        if isinstance(fl, http.HTTPFlow):
            fl.request.get_content(strict=False)
            if fl.websocket is not None:
                [m.content for m in fl.websocket.messages]
        elif hasattr(fl, "messages"):
            [m.content for m in fl.messages]
"""

FLOWS = """
import sys
from dynscan.cli.main import main
sys.argv = ["dynscan", "flows", sys.argv[1], "--identity", sys.argv[2], "--format", "json"]
sys.stdout = open("/dev/null", "w")
try:
    main()
except SystemExit as e:
    assert not e.code, e.code
"""

IMPORT = """
from dynscan.cli.main import main
from dynscan.cli.lazy import load
load("flows")
"""

CHILD = """
import resource, sys, time
sys.argv = sys.argv[1:]
t0, c0 = time.perf_counter(), time.process_time()
exec(compile(open(sys.argv[0]).read(), "bench", "exec"), {"__name__": "bench"})
wall, cpu = time.perf_counter() - t0, time.process_time() - c0
print(wall, cpu, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, file=sys.stderr)
"""


def run(script: str, *args: str) -> tuple[float, float, float]:
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as f:
        f.write(script)
    try:
        out = subprocess.run([sys.executable, "-c", CHILD, f.name, *args], capture_output=True, text=True,
                             check=True)
    finally:
        os.unlink(f.name)
    wall, cpu, rss = (float(x) for x in out.stderr.strip().splitlines()[-1].split())
    return wall, cpu, rss


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--flows", type=int, default=3000)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--memory", action="store_true", help="also measure peak RSS at N and 10 N flows")
    a = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-flows-"))
    ident = work / "identity.json"
    ident.write_text(json.dumps(IDENTITY))
    path = work / "flows.mitm"
    write_flows(path, a.flows)
    print(f"{platform.machine()} {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"{time.strftime('%Y-%m-%d %H:%M')}, load {os.getloadavg()[0]:.1f}; {a.flows} flows, "
          f"{path.stat().st_size / 1e6:.1f} MB")
    ratios_cpu, ratios_wall = [], []
    for r in range(a.rounds):
        order = [("floor", FLOOR, (str(path),)), ("flows", FLOWS, (str(path), str(ident)))]
        if r % 2:
            order.reverse()
        res = {name: run(script, *args) for name, script, args in order}
        (fw, fc, fr), (dw, dc, dr) = res["floor"], res["flows"]
        ratios_cpu.append(dc / fc)
        ratios_wall.append(dw / fw)
        print(f"round {r + 1}: floor {fw:.2f} s wall {fc:.2f} s CPU {fr:.0f} MB | flows {dw:.2f} s wall "
              f"{dc:.2f} s CPU {dr:.0f} MB | ratio CPU {dc / fc:.2f} wall {dw / fw:.2f}")
    print(f"paired median ratio: CPU {statistics.median(ratios_cpu):.2f}, wall {statistics.median(ratios_wall):.2f}")
    imports = [run(IMPORT)[1] for _ in range(3)]
    print(f"CPU of importing the dynscan CLI and its flows command (the others load lazily): "
          f"median {statistics.median(imports):.2f} s")
    if a.memory:
        for n in (a.flows // 2, a.flows * 5):
            p = work / f"m{n}.mitm"
            write_flows(p, n)
            print(f"peak RSS dynscan flows, {n} flows: {run(FLOWS, str(p), str(ident))[2]:.0f} MB")


if __name__ == "__main__":
    main()
