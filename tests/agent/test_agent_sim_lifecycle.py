"""On the virtual device: permission requests/results, starts of other packages, background and
foreground, all from the agent's hooks (the sim app is under tests/agent/sim_apps/lifecycle)."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from dynscan.device.sim import SimDevice, build_app
from dynscan.instrument.launch import instrument_app
from dynscan.store import open_store

pytestmark = [pytest.mark.integration, pytest.mark.timeout(120)]
APP_SRC = Path(__file__).parent / "sim_apps" / "lifecycle"


def _wait_for(store_events: Callable[[], list[dict[str, Any]]], pred: Callable[[list[dict[str, Any]]], bool],
              timeout_s: float = 60.0) -> list[dict[str, Any]]:
    deadline = time.monotonic() + timeout_s
    while True:
        evs = store_events()
        if pred(evs) or time.monotonic() > deadline:
            return evs
        time.sleep(0.1)


def test_lifecycle_on_sim(tmp_path: Path, agent_bundle: Path) -> None:
    apk = tmp_path / "lc.apk"
    build_app(APP_SRC, apk)
    with SimDevice() as dev, open_store(tmp_path / "s") as store:
        info = dev.install(apk, grant_permissions=True)
        agent = instrument_app(dev, info.package, store)
        try:
            def events() -> list[dict[str, Any]]:
                return [e for e in store.iter_raw() if e.get("source") == "agent"]

            def states(evs: list[dict[str, Any]]) -> list[str]:
                return [e["state"] for e in evs if e["kind"] == "app_state"]

            evs = _wait_for(events, lambda evs: states(evs) == ["foreground", "background"])
            dev.launch(info.package)
            evs = _wait_for(events, lambda evs: states(evs) == ["foreground", "background", "foreground"])
        finally:
            agent.stop()
            dev.stop(info.package)
    assert states(evs) == ["foreground", "background", "foreground"]
    (req,) = [e for e in evs if e["kind"] == "permission_request"]
    assert req["permissions"] == ["android.permission.CAMERA", "android.permission.READ_CONTACTS"]
    assert req["stack"][0].startswith("io.dynscan.lifecycle.MainActivity.onCreate(")
    results = {e["permission"]: e["granted"] for e in evs if e["kind"] == "permission_result"}
    assert results == {"android.permission.CAMERA": True, "android.permission.READ_CONTACTS": False}
    starts = [(e["via"], e["target_package"], e.get("uri")) for e in evs if e["kind"] == "component_start"]
    assert starts == [("startActivity", "com.other.app", None),
                      ("startActivity", "(implicit)", "https://example.com/landing")]
    (imei,) = [e for e in evs if e["kind"] == "api_call"]
    assert imei["error"].startswith("java.lang.SecurityException")  # READ_PHONE_STATE not declared


def test_lifecycle_hooks_use_the_perform_entry_points_on_sim(tmp_path: Path, agent_bundle: Path) -> None:
    """Overrides that call super late: foreground/background come from performResume/performStop, before
    the override's own code (hooks on Activity.onResume/onStop would only see the late super call)."""
    apk = tmp_path / "ov.apk"
    build_app(Path(__file__).parent / "sim_apps" / "overrides", apk)
    with SimDevice() as dev, open_store(tmp_path / "s") as store:
        info = dev.install(apk)
        agent = instrument_app(dev, info.package, store)
        try:
            def events() -> list[dict[str, Any]]:
                return [e for e in store.iter_raw() if e.get("source") == "agent"]

            def seq(evs: list[dict[str, Any]]) -> list[str]:
                return [e["state"] if e["kind"] == "app_state" else "api" for e in evs
                        if e["kind"] in ("app_state", "api_call")]

            def wait_seq(want: list[str]) -> list[dict[str, Any]]:
                return _wait_for(events, lambda evs: seq(evs) == want)

            expected = ["foreground", "api"]
            evs = wait_seq(expected)
            for state in ("background", "foreground", "background", "foreground"):
                if state == "background":
                    dev.key("HOME")
                else:
                    dev.launch(info.package)
                expected = [*expected, state, "api"]
                evs = wait_seq(expected)
            health = agent.health()
        finally:
            agent.stop()
            dev.stop(info.package)
    assert seq(evs) == expected
    apis = [e for e in evs if e["kind"] == "api_call"]
    assert {e["api"] for e in apis} == {"android.provider.Settings$Secure.getString"}
    installed = {h.id: h.overloads for h in health.installed}
    assert installed["lifecycle.perform_resume"] == ["(boolean,java.lang.String)"]
    assert installed["lifecycle.perform_pause"] == ["()"]
    assert installed["lifecycle.perform_stop"] == ["(boolean,java.lang.String)"]
    assert "lifecycle.resume" not in installed  # the on* hooks are for Android only
    assert health.fired.get("lifecycle.perform_resume", 0) >= 3
    assert health.fired.get("lifecycle.perform_stop", 0) >= 2


def test_an_app_that_finds_frida_and_dies_is_reported_as_such_on_sim(tmp_path: Path, agent_bundle: Path) -> None:
    from dynscan.coverage import CoverageBuilder
    from dynscan.events.model import parse_event
    from dynscan.rules.config import Config
    from dynscan.rules.engine import evaluate

    apk = tmp_path / "fc.apk"
    build_app(Path(__file__).parent / "sim_apps" / "frida_check", apk)
    with SimDevice() as dev, open_store(tmp_path / "s") as store:
        info = dev.install(apk)
        agent = instrument_app(dev, info.package, store)
        try:
            ended = dev.wait_for_exit(info.package, 30)  # it found Frida and killed itself
            agent.wait_detached(5)
        finally:
            agent.stop()
            dev.stop(info.package)
        evs = list(store.iter_raw())
    assert ended is not None and ended.cause == "app" and "killProcess" in ended.detail
    probes = {(e["probe"], e["target"]) for e in evs if e["kind"] == "instrumentation_probe"}
    assert probes == {("frida_file", "/data/local/tmp/frida-server"), ("proc_maps", "/proc/self/maps")}
    # the timeline as a run writes it: launched by the driver, the exit as the device reported it
    end = {"kind": "app_state", "ts": evs[-1]["ts"] + 0.2, "state": "stopped", "cause": "app", "source": "device"}
    launch = {"kind": "app_launch", "ts": evs[0]["ts"] - 1, "source": "driver"}
    events = [parse_event(e) for e in [launch, *evs, end]]
    (finding,) = [f for f in evaluate(events, Config()).findings if f.rule == "INSTRUMENTATION_PROBE"]
    assert finding.data_type == "frida_file" and "/data/local/tmp/frida-server" in finding.message
    cov = CoverageBuilder()
    for e in events:
        cov.add(e)
    result = cov.result()
    assert result.instrumentation_probes == {"frida_file": 1, "proc_maps": 1}
    assert any("stopped" in why and "after looking for Frida" in why for why in result.incomplete)
