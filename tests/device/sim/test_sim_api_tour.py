"""An app written against the API list of the issue builds and its checks pass on the device."""

from __future__ import annotations

from pathlib import Path

import pytest
from simui import screen_with, tap_node

from dynscan.device.sim import SimDevice, build_app

pytestmark = pytest.mark.integration

TOUR = Path(__file__).parent / "apps" / "tour"


@pytest.mark.timeout(120)
def test_api_tour(device: SimDevice, tmp_path: Path) -> None:
    apk = tmp_path / "tour.apk"
    build_app(TOUR, apk)
    device.install(apk, grant_permissions=True)
    device.launch("org.example.tour")
    tap_node(device, text="Run")
    xml = screen_with(device, text="tour ok", timeout_s=10) if "problems" not in device.dump_ui() else device.dump_ui()
    assert "tour ok" in xml, xml
    log = device.runtime_log("org.example.tour")
    starts = {(e["via"], e["target_package"]) for e in log if e["kind"] == "component_start"}
    assert ("startService", "com.tencent.mm") in starts and ("sendBroadcast", "com.tencent.mm") in starts
    assert (device.root / "clipboard.txt").read_text() == "copied text"
