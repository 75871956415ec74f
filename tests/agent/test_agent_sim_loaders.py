"""On the virtual device: hooks on classes that appear only after start-up, in the app's own loader
(made after the agent's init, as on a spawned Android app), in a jar a packer shell splices into that loader
(pathList.dexElements, in attachBaseContext), in DexClassLoaders made at run time and in a jar added later to
the app's own loader (addDexPath), are installed once per class and reported pending until then (the app is
tests/agent/sim_apps/loaders)."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest

from dynscan.device.sim import SimDevice, build_app
from dynscan.hooks.model import HookSpec
from dynscan.instrument.models import AgentOptions, HookHealth
from dynscan.instrument.session import AgentSession
from dynscan.store import open_store

pytestmark = [pytest.mark.integration, pytest.mark.timeout(120)]
APP_SRC = Path(__file__).parent / "sim_apps" / "loaders"
PACKAGE = "io.dynscan.loaders"


def _spec(id_: str, cls: str, method: str) -> dict[str, Any]:
    return HookSpec.model_validate({"id": id_, "class": cls, "method": method, "category": "device_id",
                                    "data_type": "android_id", "permission": "none"}).agent_spec()


SPECS = [_spec("t.tracker", "io.dynscan.loaders.Tracker", "collect"),
         _spec("t.beacon", "io.dynscan.plugin.Beacon", "ping"),
         _spec("t.never", "io.dynscan.loaders.NeverLoaded", "run"),
         _spec("t.late", "io.dynscan.late.LateSdk", "collect"),
         _spec("t.packed", "io.dynscan.packed.Real", "collect"),
         _spec("t.framework", "android.telephony.TelephonyManager", "getImei")]


def test_hooks_on_classes_that_appear_after_start_up_land_once_per_class(tmp_path: Path, agent_bundle: Path) -> None:
    apk = tmp_path / "loaders.apk"
    build_app(APP_SRC, apk)
    with SimDevice() as dev, open_store(tmp_path / "s") as store:
        info = dev.install(apk, grant_permissions=True)
        pid = dev.spawn(info.package)
        agent = AgentSession(dev.frida_device(), pid, store, SPECS, options=AgentOptions(package=PACKAGE),
                             infer_crash=False)
        try:
            init = agent.start()
            before = agent.health()
            dev.resume(pid)
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:
                calls = [e for e in store.iter_raw() if e["kind"] == "api_call"]
                if len(calls) >= 6:
                    break
                time.sleep(0.2)
            after = agent.health()
            reports = [[h["id"] for h in e["hooks"]] for e in store.iter_raw() if e["kind"] == "hooks_pending"]
        finally:
            agent.stop()
            dev.stop(info.package)
    # held before the app's loader exists: only the framework class is in, the app's three wait
    assert (init.installed, init.pending) == (1, 5)
    assert {p.id for p in before.pending} == {"t.tracker", "t.beacon", "t.never", "t.late", "t.packed"}
    assert all("class not loaded yet" in p.reason for p in before.pending)
    _assert_installed_once_per_class(after)
    # every call reported once: the packed code from Application.onCreate, the app's two, then each plug-in's
    # ping (its nested Tracker call is inside it), then the class that came into the app's own loader 300 ms later
    apis = [(e["hook"], e["stack"][0].split("(")[0] if e.get("stack") else "") for e in calls]
    assert [h for h, _ in apis] == ["t.packed", "t.tracker", "t.beacon", "t.beacon", "t.tracker", "t.late"], apis
    assert after.fired == {"t.packed": 1, "t.tracker": 2, "t.beacon": 2, "t.late": 1}
    # the timeline says what was pending at init and each time one landed: the last, what nothing watched
    assert sorted(reports[0]) == ["t.beacon", "t.late", "t.never", "t.packed", "t.tracker"], reports
    assert reports[-1] == ["t.never"], reports


def _assert_installed_once_per_class(health: HookHealth) -> None:
    by_id: dict[str, list[str | None]] = {}
    for h in health.installed:
        by_id.setdefault(h.id, []).append(h.loader)
    assert by_id["t.framework"] == [None]
    # the app's class once, though each DexClassLoader (its child) finds it again by delegation
    (app_loader,) = by_id["t.tracker"]
    assert app_loader is not None and app_loader.startswith("dalvik.system.PathClassLoader")
    # two loaders of one jar: two classes, each hooked once
    assert len(by_id["t.beacon"]) == 2 and all(str(x).startswith("dalvik.system.DexClassLoader")
                                                for x in by_id["t.beacon"])
    # spliced into the app's loader by its packer shell: hooked when Application.attach returned
    (packed_loader,) = by_id["t.packed"]
    assert packed_loader is not None and packed_loader.startswith("dalvik.system.PathClassLoader")
    assert "packed.jar" in packed_loader
    # defined into the app's loader after it was searched: hooked when addDexPath returned
    (late_loader,) = by_id["t.late"]
    assert late_loader is not None and late_loader.startswith("dalvik.system.PathClassLoader")
    assert "late.jar" in late_loader
    assert [p.id for p in health.pending] == ["t.never"]
    assert not health.skipped
