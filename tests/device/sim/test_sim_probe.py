"""The doctor's probe app: every category's API answers with the device's values, then the app closes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from dynscan.device.sim import SimDevice, build_probe_apk
from dynscan.device.sim.probe import PROBE_PACKAGE

pytestmark = pytest.mark.integration


@pytest.mark.timeout(120)
def test_probe_app_calls_every_category_and_exits(device: SimDevice, tmp_path: Path) -> None:
    events: list[dict[str, Any]] = []
    device.set_event_sink(events.append)
    apk = build_probe_apk(tmp_path)
    info = device.install(apk, grant_permissions=True)
    assert info.package == PROBE_PACKAGE
    device.set_clipboard("probe clip")
    device.launch(PROBE_PACKAGE)
    ex = device.wait_for_exit(PROBE_PACKAGE, 20)
    assert ex is not None and ex.cause == "app"
    log = (device.root / "logs" / f"{PROBE_PACKAGE}.log").read_text()
    ident = device.identity()
    for line in [f"imei = {ident['imei']}", f"imsi = {ident['imsi']}", f"iccid = {ident['iccid']}",
                 f"serial = {ident['serial']}", f"phone_number = {ident['phone_number']}",
                 f"android_id = {ident['android_id']}", f"mac = {ident['mac']}", f"ssid = \"{ident['ssid']}\"",
                 "contacts = 3 rows", "sms = 2 rows", "call_log = 2 rows", "calendar = 1 rows", "media = 1 rows",
                 "camera = opened", "microphone = recorded", "accounts = 1", "sensor = true", "clipboard = ClipData"]:
        assert line in log, line
    failed = {line.split(": ", 1)[1].split(" failed")[0] for line in log.splitlines() if " failed: " in line}
    # only what no ordinary app may do (device owner, the authenticator's data) or the host lacks
    assert failed == {"dpm_mac", "user_data", "password", "peek_token", "exec", "dex_file", "dex_open",
                      "load_library", "load", "socket", "channel"}, failed
    assert [(e["state"], e["cause"]) for e in events] == [("stopped", "app")]
