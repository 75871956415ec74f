"""The PII detector addon: finds the identity's values in what clients send.

Results go to ``flow.metadata["dynscan.pii"]`` (CONTRACTS ``pii`` items) and the limits that cut
the work to ``flow.metadata["dynscan.cuts"]``; the flow-events addon writes them out. It never
changes or blocks traffic. Values learned mid-session are picked up from the identity file (its
mtime is watched) and, when ``dynscan_session`` is set, from ``api_call`` events in the store.
"""

from __future__ import annotations

import logging
import os
import time
from typing import Any

from mitmproxy import ctx, exceptions, http, tcp
from mitmproxy.addonmanager import Loader

from dynscan.errors import DynscanError
from dynscan.identity import Identity
from dynscan.proxy_addons.session_feed import SessionFeed
from dynscan.traffic.detect import Detector, ScanResult
from dynscan.traffic.flowscan import scan_http_request

log = logging.getLogger(__name__)
WATCH_SECONDS = 0.5


class PiiDetect:
    def __init__(self) -> None:
        self.detector: Detector | None = None
        self.identity_path = ""
        self._mtime = 0.0
        self._next_watch = 0.0
        self.feed: SessionFeed | None = None

    def load(self, loader: Loader) -> None:
        loader.add_option("dynscan_identity", str, "",
                          "Identity file (JSON) whose values are searched for; default SESSION/identity.json.")
        loader.add_option("dynscan_tolerance", str, "0.01", "Location tolerance in degrees.")

    def configure(self, updated: set[str]) -> None:
        if not updated & {"dynscan_identity", "dynscan_tolerance", "dynscan_session"}:
            return
        session = str(getattr(ctx.options, "dynscan_session", "") or "")
        path = ctx.options.dynscan_identity or (os.path.join(session, "identity.json") if session else "")
        try:
            tolerance = float(ctx.options.dynscan_tolerance)
        except ValueError as e:
            raise exceptions.OptionsError(f"dynscan_tolerance: not a number: {e}") from e  # type: ignore[no-untyped-call]
        identity = Identity()
        if path and (ctx.options.dynscan_identity or os.path.exists(path)):
            try:
                identity = Identity.load(path)
                self._mtime = os.stat(path).st_mtime
            except DynscanError as e:
                raise exceptions.OptionsError(str(e)) from e  # type: ignore[no-untyped-call]
        self.identity_path = path
        self.detector = Detector.build(identity, tolerance=tolerance)
        for s in self.detector.matcher.skipped:
            log.info("dynscan: not searching for %s: %s", s.type, s.reason)
        if self.feed is not None:
            self.feed.close()
        self.feed = SessionFeed(session) if session else None

    def refresh(self, force: bool = False) -> None:
        """Pick up learned values (identity file changed, new ``api_call`` values in the store)."""
        if self.detector is None:
            return
        now = time.monotonic()
        if self.identity_path and (force or now >= self._next_watch):
            self._next_watch = now + WATCH_SECONDS
            try:
                mtime = os.stat(self.identity_path).st_mtime
                if mtime != self._mtime:
                    self._mtime = mtime
                    for t, v in Identity.load(self.identity_path).values():
                        self.detector.add_value(t, v)
            except (OSError, DynscanError) as e:
                log.warning("dynscan: identity file not reloaded: %s", e)
        if self.feed is not None:
            for t, v in self.feed.poll(force):
                self.detector.add_value(t, v)

    def _store(self, flow: Any, result: ScanResult | None) -> None:
        if result is None:
            flow.metadata["dynscan.pii"] = []
            flow.metadata["dynscan.cuts"] = {"scan_error": 1}
            return
        flow.metadata["dynscan.pii"] = result.pii()
        flow.metadata["dynscan.cuts"] = dict(result.cuts)

    def request(self, flow: http.HTTPFlow) -> None:
        self.refresh()
        if self.detector is None:
            return
        try:
            result: ScanResult | None = scan_http_request(self.detector, flow)
        except Exception:  # a decoder bug must never stop the proxy
            log.exception("dynscan: scan failed for %s", flow.request.pretty_url)
            result = None
        self._store(flow, result)

    def websocket_message(self, flow: http.HTTPFlow) -> None:
        assert flow.websocket is not None
        self._message(flow, flow.websocket.messages[-1])

    def tcp_message(self, flow: tcp.TCPFlow) -> None:
        self._message(flow, flow.messages[-1])

    def _message(self, flow: Any, message: Any) -> None:
        flow.metadata["dynscan.message_pii"] = []
        if self.detector is None or not message.from_client:
            return
        self.refresh()
        try:
            r = self.detector.scan_message(message.content)
            flow.metadata["dynscan.message_pii"] = r.pii()
            flow.metadata["dynscan.message_cuts"] = dict(r.cuts)
        except Exception:
            log.exception("dynscan: message scan failed")
            flow.metadata["dynscan.message_cuts"] = {"scan_error": 1}

    def done(self) -> None:
        if self.feed is not None:
            self.feed.close()
