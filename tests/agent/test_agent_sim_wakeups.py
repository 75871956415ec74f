"""On the virtual device: a receiver registered at run time (its registration, per action, and each broadcast it
gets) and an alarm whose PendingIntent opens an activity are recorded as start paths (`component_start`); the
app is tests/agent/sim_apps/wakeups."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest

from dynscan.device.sim import SimDevice, build_app
from dynscan.instrument.launch import instrument_app
from dynscan.store import open_store

pytestmark = [pytest.mark.integration, pytest.mark.timeout(120)]
APP_SRC = Path(__file__).parent / "sim_apps" / "wakeups"
PKG = "io.dynscan.wakeups"
RECEIVER = f"{PKG}/{PKG}.MainActivity$PingReceiver"


def _starts(events: list[dict[str, Any]]) -> list[tuple[str, str | None, str | None, str | None]]:
    return [(e["via"], e.get("stage"), e.get("component"), e.get("action")) for e in events
            if e["kind"] == "component_start" and e.get("source") == "agent" and e["via"] != "startActivity"]


def test_registered_receivers_and_an_alarm_that_opens_an_activity(tmp_path: Path, agent_bundle: Path) -> None:
    apk = tmp_path / "wakeups.apk"
    build_app(APP_SRC, apk)
    want = ("alarm", "run", f"{PKG}/{PKG}.AlarmActivity", None)
    with SimDevice() as dev, open_store(tmp_path / "s") as store:
        info = dev.install(apk, grant_permissions=True)
        agent = instrument_app(dev, info.package, store)
        try:
            deadline = time.monotonic() + 60
            while want not in (starts := _starts(list(store.iter_raw()))) and time.monotonic() < deadline:
                time.sleep(0.1)
            events = list(store.iter_raw())
        finally:
            agent.stop()
            dev.stop(info.package)
    starts = _starts(events)
    # registered: one event per action of its filter, with the code that registered it
    regs = [e for e in events if e["kind"] == "component_start" and e["via"] == "registerReceiver"
            and e.get("stage") is None]
    assert [(e["component"], e["action"]) for e in regs] == [(RECEIVER, f"{PKG}.PING"), (RECEIVER, f"{PKG}.PONG")]
    assert regs[0]["target_package"] == PKG  # the framework's frames, then the app's call (what attribution reads)
    assert any(f.startswith(f"{PKG}.MainActivity.onCreate(") for f in regs[0]["stack"]), regs[0]["stack"]
    # the app's own broadcast and the alarm's (its run just before), the alarm that opened an activity; the two
    # alarms set
    assert sorted(starts, key=repr) == sorted([
        ("registerReceiver", None, RECEIVER, f"{PKG}.PING"), ("registerReceiver", None, RECEIVER, f"{PKG}.PONG"),
        ("alarm", None, None, None), ("alarm", None, None, None),
        ("registerReceiver", "run", RECEIVER, f"{PKG}.PING"),
        ("alarm", "run", RECEIVER, None), ("registerReceiver", "run", RECEIVER, f"{PKG}.PONG"),
        want], key=repr), starts
    pong = starts.index(("registerReceiver", "run", RECEIVER, f"{PKG}.PONG"))
    assert starts[pong - 1] == ("alarm", "run", RECEIVER, None)
    opened = next(e for e in events if e["kind"] == "component_start" and e.get("stage") == "run"
                  and e["via"] == "alarm" and e["component"].endswith("AlarmActivity"))
    assert opened["stack"] == [f"{PKG}.AlarmActivity.onCreate(Unknown Source)"]
