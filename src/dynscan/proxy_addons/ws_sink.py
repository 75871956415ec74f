"""Websockets the sinkhole accepted: relayed to no one, without crashing mitmproxy.

mitmproxy 11.0.2 lets an addon answer an upgrade with ``101`` in the ``request`` hook and then runs
its usual websocket layer (so ``websocket_message`` hooks see every client message), but that layer
forwards each frame, ping and close to the server connection, and with no server connection the
HTTP layer raises ``KeyError`` and the client's connection dies. The one way around it without a
real upstream is this subclass of that layer: for flows marked ``dynscan.sinkhole`` its server side
swallows frames (answering pings itself) and nothing addressed to the server leaves the layer. Any
other flow is handled exactly as by mitmproxy. ``install()`` swaps it into mitmproxy's module.
"""

from __future__ import annotations

from collections.abc import Generator
from typing import Any

import wsproto
import wsproto.events
from mitmproxy.proxy import commands, events
from mitmproxy.proxy.layers import websocket

MARK = "dynscan.sinkhole"
_Base: Any = websocket.WebsocketLayer  # mitmproxy's layer is untyped


class _NoServer(websocket.WebsocketConnection):
    """The server side of a sinkholed websocket: pings are answered to the client; the rest is
    encoded as usual and dropped by the layer (it is addressed to the server)."""

    def __init__(self, layer: SinkholeWebsocketLayer) -> None:
        super().__init__(wsproto.ConnectionType.CLIENT, [], conn=layer.context.server)
        self.client: Any = layer.client_ws

    def send2(self, event: wsproto.events.Event) -> commands.SendData:
        if isinstance(event, wsproto.events.Ping):
            return self.client.send2(event.response())  # type: ignore[no-any-return]
        return super().send2(event)


class SinkholeWebsocketLayer(_Base):  # type: ignore[misc]
    def _sinkholed(self) -> bool:
        return bool(self.flow.metadata.get(MARK))

    def start(self, event: events.Event) -> Generator[commands.Command, Any, None]:
        yield from super().start(event)
        if self._sinkholed():
            self.server_ws = _NoServer(self)

    _handle_event = start

    def relay_messages(self, event: events.Event) -> Generator[commands.Command, Any, None]:
        gen = super().relay_messages(event)
        if not self._sinkholed():
            yield from gen
            return
        server = self.context.server
        reply: Any = None
        try:
            while True:
                cmd = gen.send(reply)
                to_server = isinstance(cmd, commands.ConnectionCommand) and cmd.connection is server
                reply = None if to_server else (yield cmd)
        except StopIteration:
            return


def install() -> None:
    """Use the sinkhole-aware layer for every websocket mitmproxy sets up from now on."""
    if websocket.WebsocketLayer is not SinkholeWebsocketLayer:
        setattr(websocket, "WebsocketLayer", SinkholeWebsocketLayer)  # noqa: B010 (mypy: no assigning to a type)
