"""mitmproxy addons: PII detection, flow events into the session store, and a sinkhole.

The addons in mitmdump only capture; detection and writing run in a worker process (``worker.py``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

_HERE = Path(__file__).resolve().parent


def default_addons() -> list[Any]:
    """The addons of ``dynscan_proxy.py``, in order (the sinkhole is separate)."""
    from dynscan.proxy_addons.detect import PiiDetect
    from dynscan.proxy_addons.flow_events import FlowEvents
    from dynscan.proxy_addons.options import SessionOption
    from dynscan.proxy_addons.party import PartyOptions

    detect, party = PiiDetect(), PartyOptions()
    return [SessionOption(), detect, party, FlowEvents(detect, party)]


def proxy_script() -> Path:
    """Path for ``mitmdump -s``: detector + flow events."""
    return _HERE / "dynscan_proxy.py"


def sinkhole_script() -> Path:
    """Path for ``mitmdump -s``: the sinkhole (enable with ``--set dynscan_sinkhole=true``)."""
    return _HERE / "sinkhole.py"


def wireguard_conf_script() -> Path:
    """Path for ``mitmdump -s``: writes the WireGuard client configuration (``--set dynscan_wireguard_conf=FILE``)."""
    return _HERE / "wireguard_conf.py"
