"""The PII detector's options: which identity is searched for and the location tolerance.

The detection itself runs in the worker process (``worker.py``), started by the flow-events addon,
so the proxy's process never spends CPU on it. This addon declares the options and checks them at
``configure`` (a bad identity file or tolerance is an ``OptionsError``, as before). The identity
defaults to ``SESSION/identity.json`` when that exists. Values learned mid-session are picked up by
the worker from the identity file (its mtime is watched) and from ``api_call`` events in the store.
"""

from __future__ import annotations

import os
from typing import Any

from mitmproxy import ctx, exceptions
from mitmproxy.addonmanager import Loader

from dynscan.errors import DynscanError
from dynscan.identity import Identity


class PiiDetect:
    def __init__(self) -> None:
        self.identity_path = ""
        self.identity_given = False
        self.tolerance = 0.01

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
        if path and (ctx.options.dynscan_identity or os.path.exists(path)):
            try:
                Identity.load(path)
            except DynscanError as e:
                raise exceptions.OptionsError(str(e)) from e  # type: ignore[no-untyped-call]
        self.identity_path, self.identity_given, self.tolerance = path, bool(ctx.options.dynscan_identity), tolerance

    def worker_config(self) -> dict[str, Any]:
        return {"identity_path": self.identity_path, "identity_given": self.identity_given,
                "tolerance": self.tolerance}
