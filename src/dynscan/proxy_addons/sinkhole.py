"""The sinkhole addon: answers every HTTP(S) request locally, so no upstream connection is made.

Off unless ``--set dynscan_sinkhole=true``; when on it also sets ``connection_strategy=lazy``, so
HTTPS to hosts that do not even resolve is answered. For offline runs and the virtual device.
Websocket upgrades are completed locally (``101`` with the right ``Sec-WebSocket-Accept``): the
client's messages then go through the usual ``websocket_message`` hooks (scanned, recorded) and are
relayed to no one (``ws_sink``; pings are answered, a close is echoed). A client that offers
``permessage-deflate`` gets it (the ``101`` accepts the extension, without parameters): mitmproxy's
websocket layer then inflates its compressed frames before the hooks see them, as it does for a
real server that accepted it. Raw TCP still needs an upstream.
Loadable on its own: ``mitmdump -s .../proxy_addons/sinkhole.py --set dynscan_sinkhole=true``.
"""

from __future__ import annotations

import base64
import hashlib

from mitmproxy import ctx, http
from mitmproxy.addonmanager import Loader

from dynscan.proxy_addons import ws_sink

WS_GUID = b"258EAFA5-E914-47DA-95CA-C5AB0DC11B85"  # RFC 6455 section 1.3
SINKHOLE_HEADER = {"x-dynscan": "sinkhole"}


def websocket_accept(key: str) -> str:
    """The ``Sec-WebSocket-Accept`` value for a client's ``Sec-WebSocket-Key``."""
    return base64.b64encode(hashlib.sha1(key.strip().encode("latin-1") + WS_GUID).digest()).decode()


def accepted_extensions(offer: str) -> dict[str, str]:
    """The ``Sec-WebSocket-Extensions`` answer to a client's offer: ``permessage-deflate`` or nothing."""
    names = {part.split(";", 1)[0].strip().lower() for part in offer.split(",")}
    return {"sec-websocket-extensions": "permessage-deflate"} if "permessage-deflate" in names else {}


def is_websocket_upgrade(request: http.Request) -> bool:
    h = request.headers
    return (request.method == "GET" and h.get("upgrade", "").lower() == "websocket"
            and "upgrade" in h.get("connection", "").lower() and bool(h.get("sec-websocket-key"))
            and h.get("sec-websocket-version", "") == "13")


class Sinkhole:
    def load(self, loader: Loader) -> None:
        loader.add_option("dynscan_sinkhole", bool, False, "Answer every request locally (204-like 200).")

    def configure(self, updated: set[str]) -> None:
        if "dynscan_sinkhole" in updated and ctx.options.dynscan_sinkhole:
            ctx.options.update(connection_strategy="lazy")  # type: ignore[no-untyped-call]
            ws_sink.install()

    def request(self, flow: http.HTTPFlow) -> None:
        if not ctx.options.dynscan_sinkhole or flow.response is not None:
            return
        if is_websocket_upgrade(flow.request) and ctx.options.websocket:
            accept = websocket_accept(flow.request.headers["sec-websocket-key"])
            ext = accepted_extensions(flow.request.headers.get("sec-websocket-extensions", ""))
            flow.response = http.Response.make(101, b"", {"upgrade": "websocket", "connection": "Upgrade",
                                                          "sec-websocket-accept": accept, **ext, **SINKHOLE_HEADER})
            flow.metadata[ws_sink.MARK] = True
        else:
            flow.response = http.Response.make(200, b"", {"content-type": "text/plain", **SINKHOLE_HEADER})


addons = [Sinkhole()]
