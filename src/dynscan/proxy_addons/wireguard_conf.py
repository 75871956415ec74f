"""Writes the WireGuard client configuration of ``mitmdump --mode wireguard`` into the session.

``mitmdump -s .../wireguard_conf.py --set dynscan_wireguard_conf=FILE [--set dynscan_wireguard_endpoint=HOST:PORT]``

mitmproxy (11.0) keeps the server and client keys in a JSON key file (``--mode wireguard:KEYFILE@HOST:PORT``)
and shows the client configuration only in its log and its web UI (``WireGuardServerInstance.client_conf``).
Once its servers run (the ``running`` event comes after they are set up), this addon asks each running
WireGuard server for that configuration and writes it, mode 0600 (it holds the client's private key), to
``dynscan_wireguard_conf``, its ``Endpoint`` replaced by ``dynscan_wireguard_endpoint`` when given (the
address the phone dials, e.g. an emulator's ``10.0.2.2``, differs from the one mitmdump listens on).
The host waits for that file: it is also mitmdump's signal that the WireGuard server is up.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from mitmproxy import ctx
from mitmproxy.addonmanager import Loader
from mitmproxy.proxy.mode_servers import WireGuardServerInstance

from dynscan.util.atomic import write_atomic

_ENDPOINT = re.compile(r"^Endpoint = .*$", re.MULTILINE)


def client_configs() -> list[str]:
    """The client configuration of every running WireGuard server of this mitmdump."""
    manager: Any = ctx.master.addons  # AddonManager.get is untyped
    servers = manager.get("proxyserver").servers
    return [conf for s in servers if isinstance(s, WireGuardServerInstance) and (conf := s.client_conf())]


def with_endpoint(conf: str, endpoint: str) -> str:
    return _ENDPOINT.sub(lambda _m: f"Endpoint = {endpoint}", conf) if endpoint else conf


class WireGuardConf:
    def load(self, loader: Loader) -> None:
        loader.add_option("dynscan_wireguard_conf", str, "", "File that receives the WireGuard client configuration.")
        loader.add_option("dynscan_wireguard_endpoint", str, "",
                          "HOST:PORT the device dials (default: mitmproxy's own guess).")

    def running(self) -> None:
        target = ctx.options.dynscan_wireguard_conf
        if not target:
            return
        confs = client_configs()
        if confs:
            text = with_endpoint(confs[0], ctx.options.dynscan_wireguard_endpoint) + "\n"
            write_atomic(Path(target), text.encode())


addons = [WireGuardConf()]
