"""PII in a lab's own mitmproxy: ``mitmdump -s proxy_addons/dynscan_pii.py --set dynscan_identity=FILE``.

Unlike the session proxy (:func:`dynscan.proxy_addons.default_addons`, which hands every flow to a
worker process and writes timeline events), this addon scans in mitmproxy's own process and writes
nothing: each client request, websocket message or TCP message that carries one of the identity's
values is logged on one line, marked (``:warning:``) with the hits as its comment, and keeps them in
``flow.metadata["dynscan.pii"]`` (saved by ``-w``). Simple to drop into a lab's set-up; about 1 ms of
mitmproxy's CPU per flow (docs/traffic.md).
"""

from __future__ import annotations

import logging
from typing import Any

from mitmproxy import http, tcp

from dynscan.errors import DynscanError
from dynscan.identity import Identity
from dynscan.proxy_addons.detect import PiiDetect
from dynscan.traffic.detect import Detector, ScanResult
from dynscan.traffic.flowscan import scan_http_request

log = logging.getLogger("dynscan.pii")
_SHOWN = 200  # characters of a URL in a log line


def _printable(text: str) -> str:
    """App-controlled text made safe for a terminal: control characters escaped, cut to a line."""
    out = "".join(c if c.isprintable() else f"\\x{ord(c):02x}" for c in text[:_SHOWN])
    return out + ("..." if len(text) > _SHOWN else "")


def summary(pii: list[dict[str, Any]]) -> str:
    """``imei (md5, body), android_id (plain, url)``."""
    return ", ".join(f"{h['type']} ({h['encoding']}, {h['location']})" for h in pii)


class PiiAnnotate:
    """Scan each request and client message in process; log, mark and annotate the flows that leak."""

    def __init__(self, options: PiiDetect) -> None:
        self.options = options
        self.detector: Detector | None = None

    def configure(self, updated: set[str]) -> None:
        if not updated & {"dynscan_identity", "dynscan_tolerance"}:
            return
        if not self.options.identity_path:
            log.warning("dynscan: no --set dynscan_identity=FILE: there is nothing to search for")
            self.detector = None
            return
        try:
            identity = Identity.load(self.options.identity_path)
        except DynscanError as e:  # PiiDetect already refused a bad file; this is a file changed since
            log.error("dynscan: %s", e)
            return
        self.detector = Detector.build(identity, tolerance=self.options.tolerance)
        for s in self.detector.matcher.skipped:
            log.info("dynscan: not searching for %s: %s", s.type, s.reason)

    def request(self, flow: http.HTTPFlow) -> None:
        if self.detector is not None:
            self._annotate(flow, f"{flow.request.method} {flow.request.pretty_url}",
                           lambda d: scan_http_request(d, flow))

    def websocket_message(self, flow: http.HTTPFlow) -> None:
        if self.detector is not None and flow.websocket is not None:
            message = flow.websocket.messages[-1]
            if message.from_client:
                self._annotate(flow, f"WEBSOCKET {flow.request.pretty_url}",
                               lambda d: d.scan_message(message.content))

    def tcp_message(self, flow: tcp.TCPFlow) -> None:
        message = flow.messages[-1]
        if self.detector is not None and message.from_client:
            self._annotate(flow, f"TCP {flow.server_conn.address}", lambda d: d.scan_message(message.content))

    def _annotate(self, flow: Any, what: str, scan: Any) -> None:
        assert self.detector is not None
        try:
            result: ScanResult = scan(self.detector)
        except Exception:  # a decoder bug must never break the lab's proxy
            log.exception("dynscan: scan failed for %s", _printable(what))
            return
        if not result.hits:
            return
        known = flow.metadata.get("dynscan.pii") or []
        pii = known + [h for h in result.pii() if h not in known]
        flow.metadata["dynscan.pii"] = pii
        flow.marked = ":warning:"
        flow.comment = f"dynscan: {summary(pii)}"
        log.warning("dynscan: %s: %s", _printable(what), summary(result.pii()))


def pii_addons() -> list[Any]:
    """The addons of ``proxy_addons/dynscan_pii.py``: the identity options, then the annotator."""
    options = PiiDetect()
    return [options, PiiAnnotate(options)]
