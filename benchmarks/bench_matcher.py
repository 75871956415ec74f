"""Matcher benchmark: throughput on 1 MB bodies, pattern-set build time, learned-value update time.

Run: ``.venv/bin/python benchmarks/bench_matcher.py`` (one core; not a timed test).
"""

from __future__ import annotations

import gzip
import json
import os
import platform
import random
import statistics
import time

from dynscan.identity import Identity
from dynscan.traffic.detect import Detector
from dynscan.traffic.matcher import Matcher

IDENTITY = Identity(
    imei="356938035643809", meid="A0000041234567", imsi="460001234567890", iccid="89860012345678901234",
    serial="R58M12ABCDE", android_id="9774d56d682e549c", mac="02:1a:11:f0:3c:7d", bt_mac="22:33:44:55:66:77",
    bssid="a4:5e:60:e1:22:33", ssid="HomeWifi-5G", adid="38400000-8cf0-11bd-b23e-10b96e40000d",
    oaid="a1b2c3d4-e5f6-7788-99aa-bbccddeeff00", phone_number="+8613800138000", email="jane.doe@example.com",
    extra={"user_id": "u-88127345", "device_token": "tok_5f2a9c1e77"},
)
MB = 1 << 20


def body(rng: random.Random) -> bytes:
    words = [rng.choice(["id", "ts", "event", "value", "session", "x"]) + str(rng.randrange(10**9)) for _ in range(400)]
    out = bytearray()
    while len(out) < MB:
        out += json.dumps({w: rng.random() for w in rng.sample(words, 8)}).encode()
    return bytes(out[:MB])


def best(fn: object, n: int) -> float:
    times = []
    for _ in range(n):
        t = time.perf_counter()
        fn()  # type: ignore[operator]
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> None:
    rng = random.Random(1)
    data = body(rng)
    print(f"# {platform.node()} {platform.processor() or platform.machine()} python {platform.python_version()} "
          f"cpus={os.cpu_count()} {time.strftime('%Y-%m-%d')}")
    print(f"identity values: {len(IDENTITY.values())}")
    for fallback in (False, True):
        builds = []
        for _ in range(5):
            m = Matcher.build(IDENTITY, force_fallback=fallback)
            builds.append(m.build_seconds)
        t = best(lambda: m.scan(data), 3 if fallback else 20)  # noqa: B023
        adds = []
        for i in range(20):
            t0 = time.perf_counter()
            m.add_value("imsi", f"46000{1000000000 + i}")
            adds.append(time.perf_counter() - t0)
        print(f"{m.engine_name:15s} patterns={m.pattern_count:5d} build={statistics.median(builds) * 1e3:6.1f} ms "
              f"scan 1MB={t * 1e3:6.2f} ms ({MB / t / 1e9:5.2f} GB/s) "
              f"add_value median={statistics.median(adds) * 1e3:.2f} ms "
              f"max={max(adds) * 1e3:.2f} ms (after 20 learned values)")
    det = Detector.build(IDENTITY)
    t = best(lambda: det.scan_request("https://h/p?a=1", [(b"content-type", b"application/json")], data), 5)
    print(f"full request scan (raw + JSON walk + base64 runs) 1MB JSON: {t * 1e3:.1f} ms ({MB / t / 1e6:.0f} MB/s)")
    # worst cases for the container decoders: 1 MB of hex strings, a protobuf full of varints, gzip members
    hexes = json.dumps({"h": [rng.randbytes(32).hex() for _ in range(MB // 70)]}).encode()
    t = best(lambda: det.scan_request("https://h/p", [(b"content-type", b"application/json")], hexes), 5)
    print(f"1MB JSON of 64-char hex strings (hex decoding capped at 256): {t * 1e3:.1f} ms")
    varints = b"".join(bytes([0x08, rng.randrange(128) | 0x80, 0x01, 0x10, rng.randrange(128)]) for _ in range(800))
    t = best(lambda: det.scan_message(b"\x0a" + bytes([len(varints) & 0x7F | 0x80, len(varints) >> 7]) + varints), 20)
    print(f"protobuf with 1,600 varints (location pairs checked): {t * 1e3:.2f} ms")
    members = gzip.compress(b"") * 4096 + gzip.compress(data)
    t = best(lambda: det.scan_request("https://h/p", [(b"content-encoding", b"gzip")], members), 3)
    print(f"gzip body of 4,096 empty members + 1MB member (member cap 4,096): {t * 1e3:.1f} ms")


if __name__ == "__main__":
    main()
