"""The self-check: a probe app calls one API of every catalog category; every hook must fire and
every value the hooks saw must equal the device's known value (the agent passed it through)."""

from __future__ import annotations

import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from dynscan.device.base import AppInfo, Device
from dynscan.events.vocab import CATEGORIES
from dynscan.hooks import Catalog, load_catalog
from dynscan.hooks.model import Platform
from dynscan.identity import PLACEHOLDERS
from dynscan.instrument.doctor_checks import Check
from dynscan.instrument.models import AgentOptions, InitResult, SkippedHook
from dynscan.instrument.session import AgentSession
from dynscan.store import open_store

#: Identity keys whose value a hook returns verbatim.
_COMPARABLE = ("imei", "meid", "imsi", "iccid", "serial", "android_id", "mac", "bssid", "ssid", "phone_number")


def evaluate_probe(events: Iterable[Mapping[str, Any]], identity: Mapping[str, Any]) -> list[Check]:
    """Checks from a probe run's events: categories that fired, values that match the device."""
    calls = [e for e in events if e.get("kind") == "api_call"]
    seen = {str(e.get("category")) for e in calls}
    missing = [c for c in CATEGORIES if c not in seen]
    checks = [Check("probe.categories", "fail" if missing else "ok",
                    f"no hook fired for: {', '.join(missing)}" if missing else
                    f"all {len(CATEGORIES)} categories fired ({len(calls)} calls)",
                    "check `dynscan hooks` against the device's framework classes" if missing else "")]
    wrong: list[str] = []
    compared = 0
    for key in _COMPARABLE:
        want = identity.get(key)
        # only identifiers returned verbatim by the device's framework: counts, placeholders, withheld
        # values and JDK classes (the virtual device's java.net is the host's) say nothing here
        got = [e.get("value") for e in calls if e.get("data_type") == key and isinstance(e.get("value"), str)
               and str(e.get("value")).strip('"').lower() not in PLACEHOLDERS
               and not str(e.get("api", "")).startswith("java.")]
        if want is None or not got:
            continue
        compared += 1
        if any(str(v).strip('"') != str(want).strip('"') for v in got):
            wrong.append(f"{key}: saw {got[0]!r}, device has {want!r}")
    checks.append(Check("probe.values", "fail" if wrong else "ok",
                        "; ".join(wrong) if wrong else f"{compared} identifiers passed through unchanged",
                        "report a bug: the agent changed a return value" if wrong else ""))
    return checks


def hook_checks(events: Iterable[Mapping[str, Any]], catalog: Catalog, platform: Platform,
                skipped: Iterable[SkippedHook]) -> list[Check]:
    """Which hooks the device lacks (skipped: class or method absent) and which family never fired.

    A family is one catalog file; every family with a hook installed here must fire at least once.
    """
    absent = {s.id: s for s in skipped}
    fired = {str(e.get("hook")) for e in events if e.get("hook")}
    specs = [h for h in catalog.for_platform(platform) if h.kind in ("api_call", "tcf_signal", "net_connect")]
    checks: list[Check] = []
    if absent:
        names = sorted({s.api.rsplit(".", 1)[0] for s in absent.values()})
        checks.append(Check("probe.skipped", "warn",
                            f"{len(absent)} hook(s) skipped, absent on this device: {', '.join(names)}",
                            "expected for vendor SDKs and framework classes this Android version lacks"))
    quiet = [h for h in specs if h.id not in fired and h.id not in absent]
    families: dict[str, list[str]] = {}
    for h in specs:
        if h.id not in absent:
            families.setdefault(catalog.sources[h.id], []).append(h.id)
    dead = sorted(f for f, ids in families.items() if not fired.intersection(ids))
    checks.append(Check("probe.hooks", "fail" if dead else ("warn" if quiet else "ok"),
                        f"no hook of {', '.join(dead)} fired" if dead else
                        (f"{len(specs) - len(quiet) - len(absent)} of {len(specs)} hooks fired; silent: "
                         f"{', '.join(h.id for h in quiet)}" if quiet else
                         f"every installed hook fired ({len(specs) - len(absent)} in {len(families)} families)"),
                        "check `dynscan hooks` against the device's framework classes" if dead or quiet else ""))
    return checks


def agent_checks(init: InitResult) -> list[Check]:
    """What the agent could set up beyond the hooks: the watch for an app looking for Frida, and (ART)
    the boot-image deoptimization that lets hooks on inlined framework methods fire."""
    if init.probes_watched > 0:
        watch = Check("probe.frida_watch", "ok",
                      f"an app looking for Frida is recorded ({init.probes_watched} libc functions watched)")
    else:
        watch = Check("probe.frida_watch", "warn",
                      "an app looking for Frida would not be seen here (libc could not be watched)",
                      "reports from this device cannot say whether an app detected the instrumentation")
    checks = [watch]
    if init.boot_image not in ("done", "off", "not ART"):
        checks.append(Check("probe.boot_image", "warn", f"boot image not deoptimized: {init.boot_image}",
                            "hooks on framework methods ART inlined may stay silent (Android 8.0+ needed)"))
    return checks


def run_probe(device: Device, info: AppInfo, *, platform: Platform = "sim",
              timeout_s: float = 30.0) -> list[Check]:
    """Run the installed probe app on ``device`` under the agent, then evaluate what it saw."""
    with tempfile.TemporaryDirectory(prefix="dynscan-probe-") as tmp, open_store(tmp) as store:
        pid = device.spawn(info.package)
        catalog = load_catalog()
        agent = AgentSession(device.frida_device(), pid, store, catalog.agent_specs(platform),
                             options=AgentOptions(package=info.package), infer_crash=platform != "sim")
        try:
            init = agent.start()
            skipped = agent.health().skipped
            device.resume(pid)
            agent.wait_detached(timeout_s)
        finally:
            agent.stop()
            device.stop(info.package)
        events = list(store.iter_raw())
        checks = (evaluate_probe(events, device.identity()) + hook_checks(events, catalog, platform, skipped)
                  + agent_checks(init))
        health = agent.errors[:1]
        if health:
            checks.append(Check("probe.agent", "warn", f"agent error: {health[0]}"))
        return checks


def probe_checks(serial: str | None) -> list[Check]:
    """Run the probe where this build can; otherwise say why not."""
    if serial not in (None, "sim"):
        return [Check("probe", "warn", "the probe app runs on the virtual device only in this build")]
    try:
        from dynscan.device import sim
        sim_device = getattr(sim, "SimDevice")  # noqa: B009 - absent in builds without the sim
        build = getattr(sim, "build_probe_apk")  # noqa: B009
    except (ImportError, AttributeError):
        return [Check("probe", "warn", "the virtual device is not available in this build: probe skipped",
                      "install a dynscan release that includes `dynscan.device.sim`")]
    with tempfile.TemporaryDirectory(prefix="dynscan-probe-apk-") as tmp:
        device = sim_device()
        try:
            info = device.install(build(Path(tmp)), grant_permissions=True)
            return run_probe(device, info)
        finally:
            device.close()
