"""The flow-events addon: one CONTRACTS ``flow`` event per HTTP exchange, websocket or TCP message.

The hooks only capture (an HTTP flow at ``response``/``error`` via ``snapshot.capture``, a client
message's bytes with its flow's method/URL/host/scheme, a finished websocket/TCP flow's state) and
hand them to the worker process (``handoff.WorkerLink``, bounded, never blocking). The worker
(``worker.py``) scans them, classifies the destination, and writes the events to
``SESSION/session.db`` and the raw flows to ``SESSION/flows.mitm`` (open it in mitmweb). ``party``
and ``sdk`` come from the session's destination classifier (``party.py``); ``attribution`` is the
``dynscan_attribution`` option, ``unknown`` by default: the proxy sees sockets, not processes. TLS
handshakes a client refused (likely certificate pinning) become ``tls_failed`` events, one per
failure, with the host. ``done`` drains the hand-off and waits for the worker, so no event is lost at shutdown.

This one object serves every option and hook of the dynscan proxy (``default_addons``): it declares
the session option and the detector's and classifier's options and checks them at ``configure``
(in that order), so mitmproxy dispatches each event to one addon, not four.
"""

from __future__ import annotations

import time
from typing import Any

from mitmproxy import ctx, exceptions, http, tcp, tls
from mitmproxy.addonmanager import Loader

from dynscan.proxy_addons import snapshot
from dynscan.proxy_addons.detect import PiiDetect
from dynscan.proxy_addons.handoff import WorkerError, WorkerLink
from dynscan.proxy_addons.options import SessionOption
from dynscan.proxy_addons.party import PartyOptions
from dynscan.traffic.detect import ScanResult
from dynscan.traffic.flowscan import tcp_record, ws_record

FLOWS_FILE = "flows.mitm"
_ATTRIBUTIONS = ("app", "system", "unknown")
_RESTART_ON = {"dynscan_session", "dynscan_identity", "dynscan_tolerance", "dynscan_attribution", "dynscan_package",
               "dynscan_first_party_domains", "dynscan_sdk_signatures"}
_EMPTY = ScanResult([])


class FlowEvents:
    def __init__(self, detect: PiiDetect | None = None, party: PartyOptions | None = None) -> None:
        self.detect = detect or PiiDetect()
        self.party = party or PartyOptions()
        self.link: WorkerLink | None = None
        self.pinning: dict[str, int] = {}

    def load(self, loader: Loader) -> None:
        SessionOption().load(loader)
        self.detect.load(loader)
        self.party.load(loader)
        loader.add_option("dynscan_attribution", str, "unknown",
                          "attribution of every flow event: app, system or unknown.")
        loader.add_option("dynscan_save_flows", bool, True, "Keep the raw flows in SESSION/flows.mitm.")

    def configure(self, updated: set[str]) -> None:
        self.detect.configure(updated)
        self.party.configure(updated)
        if ctx.options.dynscan_attribution not in _ATTRIBUTIONS:
            raise exceptions.OptionsError(f"dynscan_attribution must be one of {', '.join(_ATTRIBUTIONS)}")  # type: ignore[no-untyped-call]
        if not updated & _RESTART_ON:
            return
        self._close()
        session = ctx.options.dynscan_session
        if not session:
            return
        config = {"session": session, "attribution": ctx.options.dynscan_attribution, **self.detect.worker_config(),
                  **self.party.worker_config()}
        try:
            self.link = WorkerLink(config)
        except WorkerError as e:
            raise exceptions.OptionsError(f"dynscan_session {session}: {e}") from e  # type: ignore[no-untyped-call]

    def _http_done(self, flow: http.HTTPFlow) -> None:
        if self.link is None or flow.metadata.get("dynscan.emitted"):
            return
        flow.metadata["dynscan.emitted"] = True
        save = flow.websocket is None and bool(ctx.options.dynscan_save_flows)
        self.link.submit(("http", snapshot.capture(flow), save))

    def response(self, flow: http.HTTPFlow) -> None:
        self._http_done(flow)

    def error(self, flow: http.HTTPFlow) -> None:
        self._http_done(flow)

    def _message(self, record: dict[str, Any], message: Any) -> None:
        assert self.link is not None
        del record["pii"]
        self.link.submit(("msg", record, message.content, message.timestamp))

    def websocket_message(self, flow: http.HTTPFlow) -> None:
        assert flow.websocket is not None
        msg = flow.websocket.messages[-1]
        if self.link is not None and msg.from_client:
            self._message(ws_record(flow, _EMPTY), msg)

    def tcp_message(self, flow: tcp.TCPFlow) -> None:
        msg = flow.messages[-1]
        if self.link is not None and msg.from_client:
            self._message(tcp_record(flow, _EMPTY), msg)

    def _save(self, flow: Any) -> None:
        if self.link is not None and ctx.options.dynscan_save_flows:
            self.link.submit(("flow", flow.get_state()))

    def websocket_end(self, flow: http.HTTPFlow) -> None:
        self._save(flow)

    def tcp_end(self, flow: tcp.TCPFlow) -> None:
        self._save(flow)

    def tls_failed_client(self, data: tls.TlsData) -> None:
        host = data.context.client.sni or (data.context.server.address or ("", 0))[0]
        self.pinning[host] = self.pinning.get(host, 0) + 1
        if self.link is not None:
            self.link.submit(("event", {"kind": "tls_failed", "ts": time.time(), "source": "proxy", "host": host,
                                        "reason": str(data.conn.error or ""), "count": self.pinning[host]}))

    def _close(self) -> None:
        if self.link is not None:
            self.link.close()
            self.link = None

    def done(self) -> None:
        self._close()
