"""The compliant sample app: consent, a rationale, the location dialog, background and back, stop, clear."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from simagent import Agent
from simui import callbacks, find, screen_with, tap_node, wait_for

from dynscan.device.sim import SimDevice

pytestmark = pytest.mark.integration

PKG = "com.example.compliant"
PC = "com.android.permissioncontroller:id/"


@pytest.mark.timeout(120)
def test_compliant_app_consent_permission_background_stop_and_clear(
    device: SimDevice, apks: dict[str, Path], agent_source: str
) -> None:
    events: list[dict[str, Any]] = []
    device.set_event_sink(events.append)
    device.install(apks["compliant"])
    pid = device.spawn(PKG)
    agent = Agent(device, pid, agent_source)
    try:
        device.resume(pid)
        screen = screen_with(device, rid="android:id/alertTitle", text="Privacy Policy")
        assert find(screen, rid="android:id/button2", text="Disagree")
        assert find(screen, rid=PC + "permission_message") is None  # no permission before consent
        assert tap_node(device, rid="android:id/button1", text="Agree") == "android:id/button1"

        # a rationale first, then the system dialog for the location group
        assert tap_node(device, rid="android:id/button1", text="Continue")
        screen = screen_with(device, rid=PC + "permission_allow_foreground_only_button")
        assert find(screen, rid=PC + "permission_allow_one_time_button")
        assert find(screen, rid=PC + "permission_message", text="Allow Good Weather to access this device's location?")
        assert find(screen, rid=PC + "permission_deny_button")
        assert tap_node(device, rid=PC + "permission_allow_foreground_only_button")
        screen_with(device, text="Weather at 31.2, 121.5: sunny")
        assert agent.calls("getDeviceId") == [] and agent.calls("requestPermissions")

        log = device.runtime_log(PKG)
        assert callbacks(log, "MainActivity") == ["onCreate", "onStart", "onResume", "onPause", "onResume"]
        kinds = [e["kind"] for e in log]
        assert kinds.index("permission_request") < kinds.index("permission_dialog") < kinds.index("permission_result")

        # HOME: paused and stopped, the launcher is in front; back again: restarted
        mark = len(log)
        device.key("HOME")
        assert find(device.dump_ui(), rid="") and "com.android.launcher3" in device.dump_ui()
        device.launch(PKG)
        log = device.runtime_log(PKG, since=mark)
        assert callbacks(log) == ["onPause", "onStop", "onRestart", "onStart", "onResume"]
        screen_with(device, text="Weather at 31.2, 121.5: sunny")

        # force-stop (before Frida detaches): recorded as stopped by the driver
        device.stop(PKG)
    finally:
        agent.detach()
    assert not device.is_running(PKG)
    assert [(e["state"], e.get("cause")) for e in events] == [("stopped", "driver")]

    # relaunch: consent and the permission survived
    device.launch(PKG)
    screen = screen_with(device, text="Weather at 31.2, 121.5: sunny")
    assert find(screen, rid="android:id/alertTitle") is None
    assert "launches=i\\:2" in (device.root / "data" / PKG / "shared_prefs" / "settings.properties").read_text()

    # clear data: consent and runtime permissions start over
    device.clear(PKG)
    assert not (device.root / "data" / PKG).exists()
    device.launch(PKG)
    screen_with(device, rid="android:id/alertTitle", text="Privacy Policy")
    tap_node(device, rid="android:id/button1", text="Agree")
    tap_node(device, rid="android:id/button1", text="Continue")
    screen = screen_with(device, rid=PC + "permission_deny_button")
    tap_node(device, rid=PC + "permission_deny_button")
    screen = screen_with(device, text="Weather: Beijing (location not allowed)")
    assert find(screen, rid=PC + "permission_message") is None  # declined gracefully: no nagging
    assert "launches=i\\:1" in (device.root / "data" / PKG / "shared_prefs" / "settings.properties").read_text()


@pytest.mark.timeout(60)
def test_decline_keeps_the_compliant_app_running(device: SimDevice, apks: dict[str, Path]) -> None:
    device.install(apks["compliant"])
    device.launch(PKG)
    tap_node(device, rid="android:id/button2", text="Disagree")
    screen = screen_with(device, text="Basic mode: no personal data is used")
    assert find(screen, rid="android:id/alertTitle") is None
    assert device.is_running(PKG)
    assert wait_for(lambda: device.app_state(PKG)["foreground"])
