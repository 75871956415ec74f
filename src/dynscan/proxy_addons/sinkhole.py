"""The sinkhole addon: answers every HTTP(S) request locally, so no upstream connection is made.

Off unless ``--set dynscan_sinkhole=true``; when on it also sets ``connection_strategy=lazy``, so
HTTPS to hosts that do not even resolve is answered. For offline runs and the virtual device.
Loadable on its own: ``mitmdump -s .../proxy_addons/sinkhole.py --set dynscan_sinkhole=true``.
"""

from __future__ import annotations

from mitmproxy import ctx, http
from mitmproxy.addonmanager import Loader


class Sinkhole:
    def load(self, loader: Loader) -> None:
        loader.add_option("dynscan_sinkhole", bool, False, "Answer every request locally (204-like 200).")

    def configure(self, updated: set[str]) -> None:
        if "dynscan_sinkhole" in updated and ctx.options.dynscan_sinkhole:
            ctx.options.update(connection_strategy="lazy")  # type: ignore[no-untyped-call]

    def request(self, flow: http.HTTPFlow) -> None:
        if ctx.options.dynscan_sinkhole and flow.response is None:
            flow.response = http.Response.make(200, b"", {"content-type": "text/plain", "x-dynscan": "sinkhole"})


addons = [Sinkhole()]
