"""Sensor injection: a weak shake makes the leaky app jump to a promo page in the built-in browser."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from simui import callbacks, find, screen_with, tap_node

from dynscan.device.base import SensorSample
from dynscan.device.sim import SimDevice

pytestmark = pytest.mark.integration

PKG = "com.example.leaky"
PC = "com.android.permissioncontroller:id/"


def shake(peak: float, duration_s: float = 0.6, step_s: float = 0.02) -> list[SensorSample]:
    n = int(duration_s / step_s)
    return [SensorSample("accelerometer", (peak * math.sin(i * 1.3), 0.0, 9.81), i * step_s) for i in range(n)]


@pytest.mark.timeout(90)
def test_weak_shake_opens_the_browser_and_back_returns(device: SimDevice, apks: dict[str, Path]) -> None:
    device.install(apks["leaky"])
    device.launch(PKG)
    tap_node(device, rid=PC + "permission_allow_button")
    tap_node(device, rid="android:id/button1", text="Agree")
    screen_with(device, text="consent: accepted")

    # at rest: only the baseline reaches the listener, nothing happens
    device.inject_sensor([SensorSample("accelerometer", (0.0, 0.0, 9.81), 0.0)])
    assert device.app_state(PKG)["foreground"] is True

    mark = len(device.runtime_log(PKG))
    device.inject_sensor(shake(peak=8.0))
    screen = screen_with(device, rid="com.android.chrome:id/url_bar")
    url = find(screen, rid="com.android.chrome:id/url_bar")
    assert url and url["text"] == "https://promo.leakyshop.example/flash-sale?from=shake"
    log = device.runtime_log(PKG, since=mark)
    starts = [e for e in log if e["kind"] == "component_start"]
    assert starts and starts[0]["target_package"] == "com.android.chrome"
    assert starts[0]["uri"] == url["text"]
    assert callbacks(log) == ["onPause", "onStop"]
    assert device.app_state(PKG)["foreground"] is False

    # BACK leaves the browser: the app is resumed
    device.key("BACK")
    screen_with(device, text="consent: accepted")
    assert callbacks(device.runtime_log(PKG, since=mark))[-3:] == ["onRestart", "onStart", "onResume"]
