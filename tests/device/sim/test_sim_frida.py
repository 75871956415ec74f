"""The leaky sample app under real Frida: hooks see the SDK's very first call, dialogs are driven by UI."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
from simagent import Agent
from simui import callbacks, find, screen_with, tap_node, wait_for

from dynscan.device.sim import SimDevice

pytestmark = pytest.mark.integration

LEAKY = "com.example.leaky"
PC = "com.android.permissioncontroller:id/"


@pytest.mark.timeout(120)
def test_leaky_sdk_collects_before_consent_and_app_exits_after_decline(
    device: SimDevice, apks: dict[str, Path], agent_source: str
) -> None:
    events: list[dict[str, Any]] = []
    device.set_event_sink(events.append)
    device.set_clipboard("LS-SPRING-88")
    info = device.install(apks["leaky"])
    pid = device.spawn(info.package)
    agent = Agent(device, pid, agent_source)
    try:
        assert wait_for(lambda: agent.messages)  # the agent's ready, however slowly it comes
        time.sleep(0.3)  # a moment for app code that would run before the resume to show (none may)
        assert agent.messages == [{"type": "ready"}], "app code ran before resume"
        device.resume(pid)
        assert wait_for(lambda: agent.calls("getInstalledPackages"), 30)

        first = agent.calls()[0]
        assert first["api"] == "android.telephony.TelephonyManager.getDeviceId"
        assert "SecurityException" in first["error"]  # READ_PHONE_STATE not granted yet
        assert first["thread"] == "main"
        assert first["stack"][0] == "android.telephony.TelephonyManager.getDeviceId(Native Method)"
        assert first["stack"][1].startswith("com.umeng.analytics.DeviceCollector.collect(DeviceCollector.java:")
        assert any(f.startswith("com.example.leaky.LeakyApp.onCreate(") for f in first["stack"])
        ident = device.identity()
        assert agent.calls("Settings$Secure.getString")[0]["value"] == ident["android_id"]
        assert agent.calls("getMacAddress")[0]["value"] == ident["mac"]
        assert "com.tencent.mm" in agent.calls("getInstalledPackages")[0]["value"]

        # the privacy dialog and, on top of it, the system permission dialog (asked in onResume)
        screen = screen_with(device, rid=PC + "permission_deny_button")
        assert find(screen, rid="android:id/alertTitle", text="Privacy Policy")
        assert find(screen, rid="android:id/button1", text="Agree")
        msg = find(screen, rid=PC + "permission_message")
        assert msg and msg["text"] == "Allow Leaky Shop to make and manage phone calls?"
        assert msg["package"] == "com.android.permissioncontroller"
        assert wait_for(lambda: agent.calls("getPrimaryClip"))  # clipboard read in onResume, no paste
        assert find(screen, text="coupon LS-SPRING-88")

        # deny: the app asks again at once (second dialog has "don't ask again"); deny again: no more dialogs
        assert tap_node(device, rid=PC + "permission_deny_button") == PC + "permission_deny_button"
        assert tap_node(device, rid=PC + "permission_deny_and_dont_ask_again_button")
        assert wait_for(lambda: len(agent.calls("requestPermissions")) >= 3)
        time.sleep(0.3)
        screen = device.dump_ui()
        assert find(screen, rid=PC + "permission_message") is None
        log = device.runtime_log(LEAKY)
        assert [e["kind"] for e in log].count("permission_dialog") == 2
        assert [e["kind"] for e in log].count("permission_request") == 3
        results = [e["granted"] for e in log if e["kind"] == "permission_result"]
        assert results == [False, False, False]
        assert callbacks(log, "LeakyApp") == ["onCreate"]
        assert callbacks(log, "MainActivity")[:3] == ["onCreate", "onStart", "onResume"]
        assert find(screen, text="phone permission denied")

        # a modal dialog: a tap on the activity's button below does not reach it
        deals = find(screen, text="Today's deals")
        assert deals is not None
        assert device.touch(540, 700) == ""
        state = device.app_state(LEAKY)
        assert state["foreground"] is True and "external" not in state

        # decline: the app finishes its only activity; with Frida attached it still exits promptly
        t0 = time.monotonic()
        # the tap's answer races the exit it causes (finish() of the last activity ends the JVM on the main
        # thread while the control thread writes the answer): "" is "the tap ended the app"; a missed tap
        # would fail the exit check below
        assert tap_node(device, rid="android:id/button2", text="Disagree") in ("android:id/button2", "")
        ex = device.wait_for_exit(LEAKY, 10)
        assert ex is not None and ex.cause == "app", ex
        assert time.monotonic() - t0 < 5
    finally:
        agent.detach()
    stopped = [e for e in events if e["kind"] == "app_state"]
    assert len(stopped) == 1
    assert stopped[0]["state"] == "stopped" and stopped[0]["cause"] == "app" and stopped[0]["source"] == "device"
    assert stopped[0]["pid"] == pid
    prefs = (device.root / "data" / LEAKY / "shared_prefs" / "leaky.properties").read_text()
    assert "consent=s\\:declined" in prefs


@pytest.mark.timeout(120)
def test_granted_permission_returns_identity_values(
    device: SimDevice, apks: dict[str, Path], agent_source: str
) -> None:
    info = device.install(apks["leaky"])
    pid = device.launch(info.package)
    assert tap_node(device, rid=PC + "permission_allow_button")
    assert tap_node(device, rid="android:id/button1", text="Agree") == "android:id/button1"
    assert wait_for(lambda: find(device.dump_ui(), text="consent: accepted"))
    device.stop(info.package)
    # relaunch: consent and permission persisted; the SDK now gets the IMEI
    pid = device.spawn(info.package)
    agent = Agent(device, pid, agent_source)
    try:
        device.resume(pid)
        assert wait_for(lambda: agent.calls("getDeviceId"), 30)
        assert agent.calls("getDeviceId")[0]["value"] == device.identity()["imei"]
        screen = screen_with(device, text="consent: accepted")
        assert find(screen, rid="android:id/alertTitle") is None
        assert find(screen, rid=PC + "permission_message") is None
        assert agent.calls("requestPermissions") == []
    finally:
        device.stop(info.package)  # stop first: unhooking under running threads can crash a JVM
        agent.detach()
