"""The flow-events addon: one CONTRACTS ``flow`` event per HTTP exchange, websocket or TCP message.

Events go to ``SESSION/session.db`` (written by a background thread, in batches, so the proxy never
waits on the disk) and the raw flows to ``SESSION/flows.mitm`` (open it in mitmweb). ``party`` and
``sdk`` come from the destination; ``attribution`` is the ``dynscan_attribution`` option, ``unknown``
by default: the proxy sees sockets, not processes. TLS handshakes a client refused (likely
certificate pinning) become ``tls_failed`` events, one per failure, with the host.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from pathlib import Path
from typing import Any, BinaryIO

from mitmproxy import ctx, exceptions, http, tcp, tls
from mitmproxy.addonmanager import Loader
from mitmproxy.io import tnetstring

from dynscan.errors import DynscanError
from dynscan.proxy_addons.session_feed import SessionFeed
from dynscan.store import SessionStore, open_store
from dynscan.traffic.destination import Classifier
from dynscan.traffic.detect import ScanResult
from dynscan.traffic.flowscan import http_record, tcp_record, ws_record

log = logging.getLogger(__name__)
FLOWS_FILE = "flows.mitm"
_ATTRIBUTIONS = ("app", "system", "unknown")


class _Writer(threading.Thread):
    """Appends events to the store and flow states to ``flows.mitm``, off the proxy's event loop."""

    def __init__(self, store: SessionStore, flows_out: BinaryIO) -> None:
        super().__init__(name="dynscan-flow-events", daemon=True)
        self.store = store
        self.flows_out = flows_out
        self.q: queue.Queue[tuple[str, Any] | None] = queue.Queue()

    def run(self) -> None:
        stop = False
        while not stop:
            batch = [self.q.get()]
            while True:
                try:
                    batch.append(self.q.get_nowait())
                except queue.Empty:
                    break
            stop = None in batch
            items = [b for b in batch if b is not None]
            self._write_flows([state for kind, state in items if kind == "flow"])
            events = [e for kind, e in items if kind == "event"]
            try:
                if events:
                    self.store.append_many(events)
            except DynscanError as e:
                log.error("dynscan: %d flow events lost: %s", len(events), e)

    def _write_flows(self, states: list[dict[str, Any]]) -> None:
        try:
            for state in states:
                tnetstring.dump(state, self.flows_out)
            if states:
                self.flows_out.flush()
        except (OSError, ValueError) as e:
            log.error("dynscan: %d raw flows not saved: %s", len(states), e)

    def close(self) -> None:
        self.q.put(None)
        self.join(timeout=30)
        self.store.close()
        self.flows_out.close()


class FlowEvents:
    def __init__(self) -> None:
        self.writer: _Writer | None = None
        self.feed: SessionFeed | None = None
        self.classifier = Classifier()
        self._classifier_from: dict[str, Any] | None = None
        self.pinning: dict[str, int] = {}

    def load(self, loader: Loader) -> None:
        loader.add_option("dynscan_attribution", str, "unknown",
                          "attribution of every flow event: app, system or unknown.")
        loader.add_option("dynscan_save_flows", bool, True, "Keep the raw flows in SESSION/flows.mitm.")

    def configure(self, updated: set[str]) -> None:
        if ctx.options.dynscan_attribution not in _ATTRIBUTIONS:
            raise exceptions.OptionsError(f"dynscan_attribution must be one of {', '.join(_ATTRIBUTIONS)}")  # type: ignore[no-untyped-call]
        if "dynscan_session" not in updated:
            return
        self._close()
        session = ctx.options.dynscan_session
        if not session:
            return
        try:
            store = open_store(session)
            flows_out = (Path(session) / FLOWS_FILE).open("ab")
        except (DynscanError, OSError) as e:
            raise exceptions.OptionsError(f"dynscan_session {session}: {e}") from e  # type: ignore[no-untyped-call]
        self.writer = _Writer(store, flows_out)
        self.writer.start()
        self.feed = SessionFeed(session)

    def _destination(self, host: str) -> dict[str, Any]:
        if self.feed is not None:
            self.feed.poll()
            start = self.feed.session_start
            if start is not None and start is not self._classifier_from:
                self._classifier_from = start
                self.classifier = Classifier(start.get("first_party_domains") or [], start.get("package"))
        d = self.classifier.classify(host)
        out: dict[str, Any] = {"party": d.party}
        if d.sdk:
            out["sdk"] = d.sdk
        return out

    def _emit(self, record: dict[str, Any], ts: float, cuts: dict[str, int] | None) -> None:
        if self.writer is None:
            return
        event = {"kind": "flow", "ts": ts, "source": "proxy", **record,
                 **self._destination(record["host"]), "attribution": ctx.options.dynscan_attribution}
        if cuts:
            event["scan_cuts"] = cuts
        self.writer.q.put(("event", event))

    def _save(self, flow: Any) -> None:
        if self.writer is not None and ctx.options.dynscan_save_flows:
            self.writer.q.put(("flow", flow.get_state()))  # a snapshot; serialised by the writer thread

    def _http_done(self, flow: http.HTTPFlow) -> None:
        if flow.metadata.get("dynscan.emitted"):
            return
        flow.metadata["dynscan.emitted"] = True
        pii = flow.metadata.get("dynscan.pii", [])
        result = ScanResult([])
        record = http_record(flow, result) | {"pii": pii}
        self._emit(record, flow.request.timestamp_start, flow.metadata.get("dynscan.cuts"))
        if flow.websocket is None:
            self._save(flow)

    def response(self, flow: http.HTTPFlow) -> None:
        self._http_done(flow)

    def error(self, flow: http.HTTPFlow) -> None:
        self._http_done(flow)

    def websocket_message(self, flow: http.HTTPFlow) -> None:
        assert flow.websocket is not None
        msg = flow.websocket.messages[-1]
        if msg.from_client:
            rec = ws_record(flow, ScanResult([])) | {"pii": flow.metadata.get("dynscan.message_pii", [])}
            self._emit(rec, msg.timestamp, flow.metadata.get("dynscan.message_cuts"))

    def websocket_end(self, flow: http.HTTPFlow) -> None:
        self._save(flow)

    def tcp_message(self, flow: tcp.TCPFlow) -> None:
        msg = flow.messages[-1]
        if msg.from_client:
            rec = tcp_record(flow, ScanResult([])) | {"pii": flow.metadata.get("dynscan.message_pii", [])}
            self._emit(rec, msg.timestamp, flow.metadata.get("dynscan.message_cuts"))

    def tcp_end(self, flow: tcp.TCPFlow) -> None:
        self._save(flow)

    def tls_failed_client(self, data: tls.TlsData) -> None:
        host = data.context.client.sni or (data.context.server.address or ("", 0))[0]
        self.pinning[host] = self.pinning.get(host, 0) + 1
        if self.writer is not None:
            self.writer.q.put(("event", {"kind": "tls_failed", "ts": time.time(), "source": "proxy", "host": host,
                                         "reason": str(data.conn.error or ""), "count": self.pinning[host]}))

    def _close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            self.writer = None
        if self.feed is not None:
            self.feed.close()
            self.feed = None

    def done(self) -> None:
        self._close()
