"""Bad behaviour: System.exit, a blocked main thread, a hung network thread, a crash in onCreate."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
from simagent import Agent
from simui import callbacks, find, screen_with, tap_node, wait_for

from dynscan.device.sim import SimDevice

pytestmark = pytest.mark.integration

PKG = "com.example.trouble"


@pytest.mark.timeout(60)
def test_system_exit_from_a_click_is_a_stop_by_the_app_with_frida_attached(
    device: SimDevice, apks: dict[str, Path], agent_source: str
) -> None:
    events: list[dict[str, Any]] = []
    device.set_event_sink(events.append)
    device.install(apks["trouble"])
    pid = device.spawn(PKG)
    agent = Agent(device, pid, agent_source)
    try:
        device.resume(pid)
        t0 = time.monotonic()
        tap_node(device, text="Exit")
        ex = device.wait_for_exit(PKG, 10)
        assert ex is not None and ex.cause == "app" and "System.exit" in ex.detail
        assert time.monotonic() - t0 < 5
    finally:
        agent.detach()
    assert [(e["state"], e["cause"]) for e in events] == [("stopped", "app")]


@pytest.mark.timeout(60)
def test_blocked_main_thread_is_recorded_as_crashed(device: SimDevice, apks: dict[str, Path]) -> None:
    events: list[dict[str, Any]] = []
    device.set_event_sink(events.append)
    device.install(apks["trouble"])
    device.launch(PKG)
    node = find(screen_with(device, text="Block"), text="Block")
    assert node is not None
    t0 = time.monotonic()
    assert device.touch(540, 480) in ("", "Block")  # the tap never completes: the app is ended as not responding
    ex = device.wait_for_exit(PKG, 10)
    assert ex is not None and ex.cause == "crashed" and ex.detail.startswith("ANR")
    assert time.monotonic() - t0 < 10
    assert [e["state"] for e in events] == ["crashed"]
    assert "launcher3" in device.dump_ui()


@pytest.mark.timeout(60)
def test_hung_network_thread_does_not_prevent_stop(device: SimDevice, apks: dict[str, Path]) -> None:
    device.install(apks["trouble"])
    device.launch(PKG)
    tap_node(device, text="Hang network")
    screen_with(device, text="network thread started")
    t0 = time.monotonic()
    device.stop(PKG)
    assert time.monotonic() - t0 < 10  # bounded by the stop's 2 s grace and a SIGKILL, not by the hung thread
    ex = device.last_exit(PKG)
    assert ex is not None and ex.cause == "driver"


@pytest.mark.timeout(60)
def test_crash_in_oncreate_and_clear_data(device: SimDevice, apks: dict[str, Path]) -> None:
    events: list[dict[str, Any]] = []
    device.set_event_sink(events.append)
    device.install(apks["trouble"])
    device.launch(PKG)
    tap_node(device, text="Arm crash")
    screen_with(device, text="armed")
    device.stop(PKG)
    device.launch(PKG)
    ex = device.wait_for_exit(PKG, 10)
    assert ex is not None and ex.cause == "crashed"
    assert "IllegalStateException: armed crash in onCreate" in ex.detail
    assert "MainActivity.onCreate" in ex.detail
    assert [e["state"] for e in events] == ["stopped", "crashed"]
    device.clear(PKG)
    device.launch(PKG)
    screen_with(device, text="ready")


@pytest.mark.timeout(60)
def test_activity_stack_services_and_background_work(device: SimDevice, apks: dict[str, Path]) -> None:
    events: list[dict[str, Any]] = []
    device.set_event_sink(events.append)
    device.install(apks["trouble"])
    device.launch(PKG)
    tap_node(device, text="Start services")
    screen_with(device, text="missing=null present=true")
    log = device.runtime_log(PKG)
    starts = [(e["via"], e["target_package"]) for e in log if e["kind"] == "component_start"]
    assert ("startService", "com.tencent.mm") in starts
    assert ("startService", "com.example.absent") not in starts

    # posted work keeps running in the background
    tap_node(device, text="Tick")
    device.key("HOME")
    prefs = device.root / "data" / PKG / "shared_prefs" / "trouble.properties"
    assert wait_for(lambda: prefs.exists() and "ticks=i\\:5" in prefs.read_text(), 30)
    device.launch(PKG)

    mark = len(device.runtime_log(PKG))
    tap_node(device, text="Second")
    screen_with(device, text="second screen")
    device.key("BACK")
    screen_with(device, text="Tick")
    log = device.runtime_log(PKG, since=mark)
    assert [(e["component"].rsplit(".", 1)[1], e["callback"]) for e in log if e["kind"] == "lifecycle"] == [
        ("MainActivity", "onPause"), ("SecondActivity", "onCreate"), ("SecondActivity", "onStart"),
        ("SecondActivity", "onResume"), ("MainActivity", "onStop"),
        ("SecondActivity", "onPause"), ("MainActivity", "onRestart"), ("MainActivity", "onStart"),
        ("MainActivity", "onResume"), ("SecondActivity", "onStop"), ("SecondActivity", "onDestroy"),
    ]
    # BACK on the last activity: the user closed the app
    device.key("BACK")
    ex = device.wait_for_exit(PKG, 10)
    assert ex is not None and ex.cause == "driver"
    assert callbacks(log, "SecondActivity") == ["onCreate", "onStart", "onResume", "onPause", "onStop", "onDestroy"]
    assert [(e["state"], e.get("cause")) for e in events] == [("stopped", "driver")]


@pytest.mark.timeout(60)
def test_own_service_and_receiver(device: SimDevice, apks: dict[str, Path]) -> None:
    device.install(apks["trouble"])
    device.launch(PKG)
    tap_node(device, text="Sync")
    screen_with(device, text="synced 3")
    log = device.runtime_log(PKG)
    assert callbacks(log, "SyncService") == ["onCreate", "onStartCommand", "onDestroy"]
