"""The HTML report's timeline: one inline SVG, bounded in size whatever the session's length.

One pass over the timeline finds the time range, the state changes (consent, app state, permission
results) and the time and actor of every ``api_call`` and ``flow`` (kept in compact arrays, 12 bytes
an event); these are then counted per actor lane into :data:`BINS` time bins.  At most
:data:`MAX_LANES` actors get a lane (the rest share one), so the SVG holds at most a few thousand
elements whatever the session's length.
"""

from __future__ import annotations

import math
from array import array
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from html import escape
from typing import Any

from dynscan.reports.catalog import SdkLookup
from dynscan.reports.i18n import t
from dynscan.reports.view import FRAMEWORK_PREFIXES

BINS = 200
MAX_LANES = 12
MAX_STATE_CHANGES = 20_000
WIDTH, LEFT, RIGHT = 1000, 190, 12
PLOT = WIDTH - LEFT - RIGHT
OTHER = "\x00other"

CONSENT_COLORS = {"pending": "#f5c26b", "given": "#8fd19e", "refused": "#f19c9c"}
STATE_COLORS = {"foreground": "#9cc3f5", "background": "#c9c9d6", "stopped": "#7a7a85", "crashed": "#e06666"}
PALETTE = ("#d1495b", "#edae49", "#00798c", "#8e6c8a", "#30638e", "#66a182", "#c05746", "#6f5e76",
           "#b5a642", "#4f6d7a", "#e07a5f", "#3d405b")
APP_COLOR, UNKNOWN_COLOR = "#2f6fdf", "#8a8a8a"
def actor_of(event: Mapping[str, Any], package: str | None, known: Mapping[str, str],
             db: SdkLookup | None = None, hosts: Mapping[str, str] | None = None) -> str:
    """The actor of an ``api_call``/``flow`` event for the chart (the engine's when it is known).

    A flow's actor is the engine's for its host (``stats.flow_actors_by_host``, handed in as
    ``hosts``): the party of a host is decided once, by the rules' destination classifier."""
    actor = event.get("actor")
    if isinstance(actor, str):
        return actor
    eid = event.get("id")
    if isinstance(eid, str) and eid in known:
        return known[eid]
    if event.get("kind") == "flow":
        if event.get("sdk"):
            return f"sdk:{event['sdk']}"
        if event.get("attribution") == "system":
            return "system"
        host = event.get("host")
        return (hosts or {}).get(host, "unknown") if isinstance(host, str) else "unknown"
    stack = event.get("stack")
    if not isinstance(stack, list) or not stack:
        return "unknown"
    if db is not None:
        actor = _safe(lambda: db.attribute(stack, package))
        if isinstance(actor, str):
            return actor
    for frame in stack:
        if isinstance(frame, str) and not frame.startswith(FRAMEWORK_PREFIXES):
            if package and frame.startswith(package + "."):
                return "app"
            return "lib:" + ".".join(frame.split(".")[:2])
    return "unknown"


def _safe(call: Callable[[], Any]) -> Any:
    try:
        return call()
    except Exception:  # attribution is optional in the chart: fall back to the simple heuristic
        return None


@dataclass
class _Scan:
    t0: float = math.inf
    t1: float = -math.inf
    changes: list[tuple[float, str, Any]] = field(default_factory=list)
    actors: dict[str, int] = field(default_factory=dict)  # actor -> index
    counts: list[int] = field(default_factory=list)  # per actor index
    times: array[float] = field(default_factory=lambda: array("d"))  # per api_call/flow event
    codes: array[int] = field(default_factory=lambda: array("I"))  # actor index * 2 + (1 if flow)
    marked: list[tuple[float, int]] = field(default_factory=list)  # (ts, actor index) of evidence events


def _scan(events: Iterable[dict[str, Any]], package: str | None, known: Mapping[str, str],
          db: SdkLookup | None, hosts: Mapping[str, str] | None = None) -> _Scan:
    """One pass: time range, state changes, and (time, actor) of each call and flow (12 bytes each)."""
    scan = _Scan()
    actors, counts, times, codes = scan.actors, scan.counts, scan.times, scan.codes
    t0, t1 = math.inf, -math.inf
    for ev in events:
        ts = ev.get("ts")
        if not isinstance(ts, int | float) or ts != ts or ts in (math.inf, -math.inf):
            continue
        if ts < t0:
            t0 = ts
        if ts > t1:
            t1 = ts
        kind = ev.get("kind")
        if kind == "api_call" or kind == "flow":
            actor = actor_of(ev, package, known, db, hosts)
            idx = actors.get(actor)
            if idx is None:
                idx = actors[actor] = len(counts)
                counts.append(0)
            counts[idx] += 1
            times.append(ts)
            codes.append(idx * 2 + (kind == "flow"))
            if ev.get("id") in known:
                scan.marked.append((ts, idx))
        elif kind in _STATE_KINDS and len(scan.changes) < MAX_STATE_CHANGES:
            scan.changes.append((float(ts), str(kind), ev))
    scan.t0, scan.t1 = t0, t1
    return scan


_STATE_KINDS = frozenset({"consent", "app_reset", "app_state", "permission_result"})


def _bands(scan: _Scan) -> tuple[list[tuple[float, float, str]], list[tuple[float, float, str]]]:
    consent: list[tuple[float, float, str]] = []
    states: list[tuple[float, float, str]] = []
    c_state, c_from = "pending", scan.t0
    a_state: str | None = None
    a_from = scan.t0
    for ts, kind, ev in scan.changes:
        new_c = c_state
        if kind == "app_reset":
            new_c = "pending"
        elif kind == "consent":
            new_c = {"policy_accepted": "given", "policy_declined": "refused",
                     "policy_withdrawn": "refused"}.get(str(ev.get("action")), c_state)
        if new_c != c_state:
            if ts > c_from:
                consent.append((c_from, ts, c_state))
            c_state, c_from = new_c, ts
        if kind == "app_state" and ev.get("state") != a_state:
            if a_state is not None and ts > a_from:
                states.append((a_from, ts, a_state))
            a_state, a_from = str(ev.get("state")), ts
    consent.append((c_from, scan.t1, c_state))
    if a_state is not None:
        states.append((a_from, scan.t1, a_state))
    return consent, states


def _step(span: float) -> float:
    for step in (0.1, 0.2, 0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 14400,
                 21600, 43200, 86400):
        if span / step <= 8:
            return step
    return 86400.0 * math.ceil(span / 86400 / 8)


def _fmt_offset(sec: float) -> str:
    if sec >= 3600:
        return f"+{sec / 3600:g}h"
    if sec >= 60:
        return f"+{sec / 60:g}m"
    return f"+{sec:g}s"


def _short(name: str, room: float = 30) -> str:
    """``name`` cut to fit the lane label column (CJK characters count double)."""
    width = 0.0
    for i, char in enumerate(name):
        width += 2 if ord(char) > 0x2E80 else 1
        if width > room:
            return name[:i] + "…"
    return name


def _title(text: str) -> str:
    return f"<title>{escape(text)}</title>"


def render_chart(timeline: Callable[[], Iterable[dict[str, Any]]], package: str | None,
                 known: Mapping[str, str], lang: str, actor_name: Callable[[str], str],
                 sdks: SdkLookup | None = None, hosts: Mapping[str, str] | None = None) -> str:
    """The SVG (and its legend) as an HTML fragment; every app-derived string is escaped. ``sdks``: the SDK
    data that names the actors of calls no finding cites (without it: by the first non-framework frame);
    ``hosts``: the engine's actor per flow host (``stats.flow_actors_by_host``)."""
    scan = _scan(timeline(), package, known, sdks, hosts)
    if scan.t0 > scan.t1:
        return f'<p class="muted">{escape(t("no_events", lang))}</p>'
    span = max(scan.t1 - scan.t0, 1e-3)

    def x(ts: float) -> float:
        return LEFT + (ts - scan.t0) / span * PLOT

    by_count = sorted(scan.actors, key=lambda a: -scan.counts[scan.actors[a]])
    lanes = by_count[:MAX_LANES]
    if len(by_count) > MAX_LANES:
        lanes[-1] = OTHER
    lane_of = [len(lanes) - 1] * len(scan.counts)  # actors without a lane share the last ("other")
    for i, a in enumerate(lanes):
        if a != OTHER:
            lane_of[scan.actors[a]] = i
    bins = [[0] * BINS for _ in range(2 * len(lanes))]  # lane * 2 (+1 for flows)
    scale = BINS / span
    t0, last = scan.t0, BINS - 1
    for ts, code in zip(scan.times, scan.codes, strict=True):
        b = int((ts - t0) * scale)
        bins[lane_of[code >> 1] * 2 + (code & 1)][b if b < last else last] += 1
    api_bins, flow_bins = bins[0::2], bins[1::2]
    marked = {(lane_of[idx], min(int((ts - t0) * scale), last)) for ts, idx in scan.marked}
    peak = max([max(r) for r in api_bins + flow_bins] + [1])
    parts: list[str] = []
    y = 22
    rows = [("consent", 16), ("app_state", 16), ("permissions", 16)]
    height = y + sum(h + 4 for _, h in rows) + len(lanes) * 24 + 8
    parts.append(f'<svg class="timeline" viewBox="0 0 {WIDTH} {height}" width="100%" '
                 f'xmlns="http://www.w3.org/2000/svg" role="img" aria-label="{escape(t("timeline", lang))}">')
    step = _step(span)
    k = 0
    while k * step <= span + 1e-9:
        tx = x(scan.t0 + k * step)
        parts.append(f'<line x1="{tx:.1f}" y1="16" x2="{tx:.1f}" y2="{height - 4}" class="grid"/>'
                     f'<text x="{tx:.1f}" y="12" class="tick">{escape(_fmt_offset(k * step))}</text>')
        k += 1
    consent, states = _bands(scan)
    for key, h in rows:
        parts.append(f'<text x="{LEFT - 6}" y="{y + h - 4}" class="lane">{escape(t(key, lang))}</text>')
        if key == "consent":
            for start, end, st in consent:
                parts.append(f'<rect x="{x(start):.1f}" y="{y}" width="{max(x(end) - x(start), 1):.1f}" height="{h}" '
                             f'fill="{CONSENT_COLORS[st]}">{_title(t(st, lang))}</rect>')
        elif key == "app_state":
            for start, end, st in states:
                color = STATE_COLORS.get(st, "#dddddd")
                label = t(st, lang) if st in STATE_COLORS else st
                parts.append(f'<rect x="{x(start):.1f}" y="{y}" width="{max(x(end) - x(start), 1):.1f}" height="{h}" '
                             f'fill="{color}">{_title(label)}</rect>')
        else:
            ticks: dict[tuple[int, bool], list[str]] = {}
            for ts, kind, ev in scan.changes:
                if kind == "permission_result":
                    names = ticks.setdefault((int((ts - scan.t0) / span * (BINS - 1)), bool(ev.get("granted"))), [])
                    if len(names) < 5:
                        names.append(str(ev.get("permission", "")))
            for (b, granted), names in ticks.items():
                tx = LEFT + b / (BINS - 1) * PLOT
                label = t("granted" if granted else "denied", lang) + ": " + ", ".join(names)
                parts.append(f'<rect x="{tx - 1.5:.1f}" y="{y}" width="3" height="{h}" '
                             f'class="{"grant" if granted else "deny"}">{_title(label)}</rect>')
        y += h + 4
    bw = PLOT / BINS
    for i, actor in enumerate(lanes):
        name = t("other_actors", lang) if actor == OTHER else actor_name(actor)
        color = APP_COLOR if actor == "app" else UNKNOWN_COLOR if actor in ("unknown", OTHER, "system") \
            else PALETTE[i % len(PALETTE)]
        parts.append(f'<text x="{LEFT - 6}" y="{y + 15}" class="lane">{escape(_short(name))}'
                     f'{_title(name)}</text>')
        for row, off, label in ((api_bins[i], 0, "api_calls"), (flow_bins[i], 11, "flows")):
            for b, count in enumerate(row):
                if count:
                    op = 0.3 + 0.7 * math.log1p(count) / math.log1p(peak)
                    extra = ' class="ev"' if (i, b) in marked and off == 0 else ""
                    shape_y = y + 1 + off
                    parts.append(f'<rect x="{LEFT + b * bw:.1f}" y="{shape_y}" width="{max(bw, 1.5):.1f}" '
                                 f'height="{9 if off == 0 else 7}" fill="{color}" fill-opacity="{op:.2f}"{extra}>'
                                 f'{_title(f"{name} · {t(label, lang)}: {count}")}</rect>')
        y += 24
    parts.append("</svg>")
    return "".join(parts) + _legend(lang)


def _legend(lang: str) -> str:
    items = [(CONSENT_COLORS[k], t(k, lang)) for k in CONSENT_COLORS]
    items += [(STATE_COLORS[k], t(k, lang)) for k in ("foreground", "background")]
    items += [("#2e9d55", t("granted", lang)), ("#d33", t("denied", lang))]
    chips = "".join(f'<span class="chip"><i style="background:{c}"></i>{escape(label)}</span>' for c, label in items)
    note = (f'<span class="chip"><i class="tall"></i>{escape(t("api_calls", lang))}</span>'
            f'<span class="chip"><i class="short"></i>{escape(t("flows", lang))}</span>')
    return f'<div class="legend">{chips}{note}<div class="muted">{escape(t("legend_note", lang))}</div></div>'
