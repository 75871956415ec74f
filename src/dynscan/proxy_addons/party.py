"""The destination classifier's options: the app's package and the config's party data, at start.

``--set dynscan_package=com.example.app``, ``--set dynscan_first_party_domains=a.example,b.example``
and ``--set dynscan_sdk_signatures=FILE[:FILE...]`` (``os.pathsep``-separated; ``dynscan run`` passes
its config's ``first_party_domains`` and ``sdk_signatures`` here) reach the worker, which builds the
session's one :class:`~dynscan.attribution.DestinationClassifier` from them before the first flow; a
bad package name or signature file is an ``OptionsError`` at start. The ``session_start`` in the store
and the connections the agent saw opened (``net_request``) are added as the session runs.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

from mitmproxy import ctx, exceptions
from mitmproxy.addonmanager import Loader

from dynscan.attribution import DestinationClassifier
from dynscan.errors import DynscanError

_PACKAGE = re.compile(r"^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z0-9_]+)*$")
_OPTIONS = {"dynscan_package", "dynscan_first_party_domains", "dynscan_sdk_signatures"}


class PartyOptions:
    def __init__(self) -> None:
        self.package = ""
        self.domains: list[str] = []
        self.signatures: list[str] = []

    def load(self, loader: Loader) -> None:
        loader.add_option("dynscan_package", str, "", "The app's package name (first-party domains guessed from it).")
        loader.add_option("dynscan_first_party_domains", str, "", "The app's own domains, comma-separated.")
        loader.add_option("dynscan_sdk_signatures", str, "",
                          f"Extra SDK signature files, separated by {os.pathsep!r} (merged over the shipped ones).")

    def configure(self, updated: set[str]) -> None:
        if not updated & _OPTIONS:
            return
        package = str(ctx.options.dynscan_package or "")
        domains = [d.strip() for d in str(ctx.options.dynscan_first_party_domains or "").split(",") if d.strip()]
        signatures = [s for s in str(ctx.options.dynscan_sdk_signatures or "").split(os.pathsep) if s]
        if package and not _PACKAGE.match(package):
            raise exceptions.OptionsError(f"dynscan_package: not a package name: {package[:80]!r}")  # type: ignore[no-untyped-call]
        try:
            classifier_from({"package": package, "first_party_domains": domains, "sdk_signatures": signatures})
        except DynscanError as e:
            raise exceptions.OptionsError(str(e)) from e  # type: ignore[no-untyped-call]
        self.package, self.domains, self.signatures = package, domains, signatures

    def worker_config(self) -> dict[str, Any]:
        return {"package": self.package, "first_party_domains": self.domains, "sdk_signatures": self.signatures}


def classifier_from(config: dict[str, Any]) -> DestinationClassifier:
    """The classifier of a worker configuration (``worker_config``); ``InputError`` if a file is bad."""
    return DestinationClassifier.build(
        package=str(config.get("package") or "") or None,
        first_party_domains=[str(d) for d in config.get("first_party_domains") or ()],
        sdk_signatures=[Path(str(p)) for p in config.get("sdk_signatures") or ()])
