"""mitmproxy addons: PII detection, flow events into the session store, and a sinkhole.

The addons in mitmdump only capture; detection and writing run in a worker process (``worker.py``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

_HERE = Path(__file__).resolve().parent


def default_addons() -> list[Any]:
    """The addons of ``dynscan_proxy.py`` (the sinkhole is separate): one object serving every option
    and hook (``FlowEvents`` with the session option, the detector's and the classifier's), so each
    event is one dispatch."""
    from dynscan.proxy_addons.flow_events import FlowEvents

    return [FlowEvents()]


def proxy_script() -> Path:
    """Path for ``mitmdump -s``: detector + flow events."""
    return _HERE / "dynscan_proxy.py"


def sinkhole_script() -> Path:
    """Path for ``mitmdump -s``: the sinkhole (enable with ``--set dynscan_sinkhole=true``)."""
    return _HERE / "sinkhole.py"


def wireguard_conf_script() -> Path:
    """Path for ``mitmdump -s``: writes the WireGuard client configuration (``--set dynscan_wireguard_conf=FILE``)."""
    return _HERE / "wireguard_conf.py"
