"""Flows from the agent's TLS hooks: the plaintext of connections the proxy did not decrypt.

The agent reports what the app wrote to each TLS socket (``tls_write``: ``conn``, ``host``,
``data_b64``, the writing stack on a connection's first write). At the end of a recording, each
connection to a host *no proxy flow covers* (certificate pinning made the proxy's handshake fail, or
the app bypassed the proxy) is cut into its HTTP/1.x requests, each scanned by the same detector as
the proxy's flows, and stored as a ``flow`` with ``capture: tls_hook`` and the opening ``stack``.
Hosts the proxy decrypted are skipped: their flows are there already. Hand-written because the
requests are reassembled from a byte stream, not read from a socket mitmproxy could parse; HTTP/2
(binary frames) is scanned as one message per connection.
"""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Iterable, Mapping
from typing import Any

from dynscan.identity import Identity
from dynscan.traffic.detect import Detector

_REQUEST = re.compile(rb"(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) (\S+) HTTP/1\.[01]\r\n")
MAX_CONNECTION_BYTES = 4 << 20


def _requests(data: bytes) -> list[tuple[str, str, list[tuple[bytes, bytes]], bytes]]:
    """(method, target, headers, body) of each HTTP/1.x request in a connection's written bytes, one
    after the other (``Content-Length`` or chunked bodies); stops at the first thing that is not one."""
    out: list[tuple[str, str, list[tuple[bytes, bytes]], bytes]] = []
    pos = 0
    while pos < len(data):
        m = _REQUEST.match(data, pos)
        end = data.find(b"\r\n\r\n", pos)
        if m is None or end < 0:
            break
        headers: list[tuple[bytes, bytes]] = []
        for line in data[m.end():end].split(b"\r\n"):
            name, sep, value = line.partition(b":")
            if sep:
                headers.append((name.strip(), value.strip()))
        fields = {k.lower(): v for k, v in headers}
        body_at = end + 4
        if b"chunked" in fields.get(b"transfer-encoding", b"").lower():
            stop = data.find(b"\r\n0\r\n\r\n", body_at)
            body_end = len(data) if stop < 0 else stop + 7
        else:
            length = fields.get(b"content-length", b"0")
            body_end = body_at + (int(length) if length.isdigit() else 0)
        out.append((m.group(1).decode(), m.group(2).decode("latin-1"), headers, data[body_at:body_end]))
        pos = body_end
    return out


def tls_hook_flows(events: Iterable[Mapping[str, Any]], identity: Identity) -> list[dict[str, Any]]:
    """``flow`` events for the TLS-hooked connections to hosts no proxy flow covers."""
    proxied: set[str] = set()
    conns: dict[Any, dict[str, Any]] = {}
    opened: dict[str, list[tuple[float, list[str]]]] = {}  # host -> (ts, stack) of net_request events
    for ev in events:
        kind = ev.get("kind")
        if kind == "net_request" and ev.get("stack"):
            opened.setdefault(str(ev.get("host", "")).lower(), []).append((float(ev["ts"]), ev["stack"]))
        elif kind == "flow" and ev.get("capture") != "tls_hook":
            proxied.add(str(ev.get("host", "")).lower())
        elif kind == "tls_write" and isinstance(ev.get("data_b64"), str):
            c = conns.setdefault(ev.get("conn"), {"host": str(ev.get("host", "")).lower(), "ts": ev.get("ts"),
                                                   "data": bytearray(), "stack": None, "ev": ev})
            if c["stack"] is None and ev.get("stack"):
                c["stack"] = ev["stack"]
            try:
                chunk = base64.b64decode(ev["data_b64"], validate=True)
            except (binascii.Error, ValueError):
                continue
            if len(c["data"]) + len(chunk) <= MAX_CONNECTION_BYTES:
                c["data"] += chunk
    todo = [c for c in conns.values() if c["host"] and c["data"] and c["host"] not in proxied]
    if not todo:
        return []
    detector = Detector.build(identity)
    flows: list[dict[str, Any]] = []
    for c in todo:
        data = bytes(c["data"])
        base = {"kind": "flow", "ts": c["ts"], "source": "agent", "host": c["host"], "scheme": "https",
                "capture": "tls_hook", "attribution": "app"}
        for key in ("pid", "process", "thread"):
            if c["ev"].get(key) is not None:
                base[key] = c["ev"][key]
        # the code that opened the connection (URL.openConnection / OkHttp's newCall, shortly before),
        # else the stack of its first write (deep in the HTTP client, often short of the caller)
        openers = [stack for ts, stack in opened.get(c["host"], []) if ts <= float(c["ts"]) + 2.0]
        stack = openers[-1] if openers else c["stack"]
        if stack:
            base["stack"] = stack
        reqs = _requests(data)
        if not reqs:  # not HTTP/1.x: one message
            result = detector.scan_message(data)
            flows.append({**base, "method": "?", "url": f"https://{c['host']}/", "pii": result.pii()})
            continue
        for method, target, headers, body in reqs:
            url = target if target.startswith("https://") else f"https://{c['host']}{target}"
            result = detector.scan_request(url, headers, body or None)
            flows.append({**base, "method": method, "url": url, "pii": result.pii()})
    return flows
