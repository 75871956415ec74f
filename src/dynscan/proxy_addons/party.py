"""The destination classifier's options: the config file and the app's package, given at start.

``--set dynscan_config=dynscan.toml`` (its ``first_party_domains`` and ``sdk_signatures``) and
``--set dynscan_package=com.example.app`` reach the worker, which builds the session's one
:class:`~dynscan.attribution.DestinationClassifier` from them before the first flow; a bad config or
signature file is an ``OptionsError`` at start. The ``session_start`` in the store and the
connections the agent saw opened (``net_request``) are added as the session runs.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from mitmproxy import ctx, exceptions
from mitmproxy.addonmanager import Loader

from dynscan.attribution import DestinationClassifier
from dynscan.config import Config
from dynscan.errors import DynscanError

_PACKAGE = re.compile(r"^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z0-9_]+)*$")


class PartyOptions:
    def __init__(self) -> None:
        self.config_path = ""
        self.package = ""

    def load(self, loader: Loader) -> None:
        loader.add_option("dynscan_config", str, "",
                          "dynscan.toml whose first_party_domains and sdk_signatures decide the party of hosts.")
        loader.add_option("dynscan_package", str, "", "The app's package name (first-party domains guessed from it).")

    def configure(self, updated: set[str]) -> None:
        if not updated & {"dynscan_config", "dynscan_package"}:
            return
        path, package = str(ctx.options.dynscan_config or ""), str(ctx.options.dynscan_package or "")
        if package and not _PACKAGE.match(package):
            raise exceptions.OptionsError(f"dynscan_package: not a package name: {package[:80]!r}")  # type: ignore[no-untyped-call]
        try:
            classifier_from(path, package)
        except DynscanError as e:
            raise exceptions.OptionsError(str(e)) from e  # type: ignore[no-untyped-call]
        self.config_path, self.package = path, package

    def worker_config(self) -> dict[str, Any]:
        return {"config_path": self.config_path, "package": self.package}


def classifier_from(config_path: str, package: str) -> DestinationClassifier:
    """The classifier of a config file (or the defaults) and a package; ``InputError`` if bad."""
    config = Config.load(Path(config_path) if config_path else None)
    return DestinationClassifier.build(package=package or None, first_party_domains=config.first_party_domains,
                                       sdk_signatures=config.sdk_signatures)
