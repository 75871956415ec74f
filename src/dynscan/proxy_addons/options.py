"""The option every dynscan addon shares: the session directory. Load this addon first."""

from __future__ import annotations

from mitmproxy.addonmanager import Loader


class SessionOption:
    def load(self, loader: Loader) -> None:
        loader.add_option("dynscan_session", str, "",
                          "Session directory: receives flow events (session.db) and flows.mitm.")
