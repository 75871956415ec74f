"""The timeline SVG: bands, marks by actor, escaping, and a bounded size for big sessions."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from typing import Any

from reports_factories import T0, XSS, make_events, make_input

from dynscan.attribution import SdkDb
from dynscan.reports import render
from dynscan.reports.timeline_chart import BINS, CONSENT_COLORS, MAX_LANES, actor_of, render_chart


def chart(events: list[dict[str, Any]], known: dict[str, str] | None = None, lang: str = "en") -> str:
    return render_chart(lambda: iter(events), "com.example.app", known or {}, lang, lambda a: a, SdkDb.load())


def test_bands_and_marks() -> None:
    svg = chart(make_events(), {"e2": "sdk:umeng-analytics"})
    assert svg.count(f'fill="{CONSENT_COLORS["pending"]}"') == 1
    assert svg.count(f'fill="{CONSENT_COLORS["given"]}"') == 1
    assert "Foreground" in svg and "Background" in svg
    assert 'class="deny"' in svg and "android.permission.READ_PHONE_STATE" in svg
    assert 'class="ev"' in svg  # the evidence event's bin is outlined
    assert ">sdk:umeng-analytics<" in svg and ">app<" in svg


def test_reset_and_decline_bands() -> None:
    events = [{"kind": "consent", "ts": 0.0, "action": "policy_declined"},
              {"kind": "app_reset", "ts": 5.0},
              {"kind": "consent", "ts": 7.0, "action": "policy_accepted"},
              {"kind": "consent", "ts": 9.0, "action": "policy_withdrawn"}]
    svg = chart(events)
    fills = re.findall(r'<rect x="[^"]+" y="22" width="[^"]+" height="16" fill="(#\w+)"', svg)
    assert fills == [CONSENT_COLORS[s] for s in ("refused", "pending", "given", "refused")]


def test_escapes_app_strings() -> None:
    events = make_events()
    events.append({"kind": "permission_result", "ts": T0 + 9.5, "permission": XSS, "granted": True})
    svg = chart(events, {"e9": f"lib:{XSS}"})
    assert "<script>" not in svg
    assert svg.count("&lt;script&gt;") >= 2  # the lane of the hostile actor and the permission's tooltip


def test_empty_timeline() -> None:
    assert "No timeline events" in chart([])
    assert "<svg" not in chart([{"kind": "x", "ts": float("nan")}])


def test_actor_of() -> None:
    events = make_events()
    assert actor_of(events[2], "com.example.app", {}) == "lib:com.umeng"  # no SDK data: the first frame's library
    assert actor_of(events[2], "com.example.app", {}, SdkDb.load()) == "sdk:umeng-analytics"
    assert actor_of(events[6], "com.example.app", {}) == "app"
    assert actor_of(events[3], "com.example.app", {}) == "sdk:umeng-analytics"
    flow = {k: v for k, v in events[3].items() if k != "sdk"}
    assert actor_of(flow, "com.example.app", {}) == "unknown"  # the engine decides a host's actor
    assert actor_of(flow, "com.example.app", {}, hosts={"alog.umeng.com": "sdk:x"}) == "sdk:x"
    assert actor_of({"kind": "api_call", "id": "z"}, None, {"z": "sdk:x"}) == "sdk:x"
    assert actor_of({"kind": "api_call", "actor": "lib:a"}, None, {}) == "lib:a"
    assert actor_of({"kind": "api_call"}, None, {}) == "unknown"
    assert actor_of({"kind": "flow", "attribution": "system", "host": "h"}, None, {}) == "system"


def big_timeline(n: int) -> Iterator[dict[str, Any]]:
    yield {"kind": "session_start", "ts": T0, "package": "com.example.app"}
    for i in range(n):
        ts = T0 + i * 0.01
        if i % 1000 == 0:
            yield {"kind": "app_state", "ts": ts, "state": "background" if i % 2000 else "foreground"}
        if i % 3 == 0:
            yield {"kind": "flow", "ts": ts, "id": f"f{i}", "method": "GET", "url": "https://x/", "host": "x",
                   "scheme": "https", "pii": [], "sdk": f"sdk{i % 40}"}
        else:
            yield {"kind": "api_call", "ts": ts, "id": f"a{i}", "api": "a.B.c", "category": "device_id",
                   "stack": [f"com.lib{i % 30}.X.y(X.java:1)"]}


def test_big_session_stays_bounded() -> None:
    n = 150_000
    data = make_input(timeline=lambda: big_timeline(n))
    start = time.monotonic()
    html = render("html", data)
    elapsed = time.monotonic() - start
    assert elapsed < 30
    rects = html.count(b"<rect")
    assert rects < 2 * BINS * MAX_LANES + 1000
    assert len(html) < 3_000_000
    assert b"other callers" in html
    assert XSS.encode() not in html
