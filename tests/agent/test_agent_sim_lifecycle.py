"""On the virtual device: permission requests/results, starts of other packages, background and
foreground, all from the agent's hooks (the sim app is under tests/agent/sim_apps/lifecycle)."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest

from dynscan.device.sim import SimDevice, build_app
from dynscan.instrument.launch import instrument_app
from dynscan.store import open_store

pytestmark = pytest.mark.timeout(120)
APP_SRC = Path(__file__).parent / "sim_apps" / "lifecycle"


def _wait_for(store_events: Callable[[], list[dict]], pred: Callable[[list[dict]], bool],
              timeout_s: float = 10.0) -> list[dict]:
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
            def events() -> list[dict]:
                return [e for e in store.iter_raw() if e.get("source") == "agent"]

            def states(evs: list[dict]) -> list[str]:
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
