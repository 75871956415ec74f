"""The probe's verdicts: values compared verbatim, absent classes listed, silent hook families failed."""

from __future__ import annotations

from typing import Any

from dynscan.hooks import load_catalog
from dynscan.instrument.models import InitResult, SkippedHook
from dynscan.instrument.probe import agent_checks, evaluate_probe, hook_checks


def _call(hook: str, data_type: str, value: Any, api: str = "android.x.Y.z") -> dict[str, Any]:
    return {"kind": "api_call", "hook": hook, "category": "device_id", "data_type": data_type,
            "value": value, "api": api}


def test_counts_placeholders_and_jdk_values_are_not_compared() -> None:
    events = [_call("wifi.mac", "mac", "a4:50:46:1c:7e:92"), _call("bt.adapter_address", "mac", "02:00:00:00:00:00"),
              _call("net.hardware_address", "mac", "02:fc:00:00:00:01", api="java.net.NetworkInterface.x"),
              _call("wifi.configured_networks", "ssid", 1)]
    values = evaluate_probe(events, {"mac": "a4:50:46:1c:7e:92", "ssid": "x"})[1]
    assert values.status == "ok" and "1 identifiers" in values.detail


def test_a_changed_value_fails() -> None:
    values = evaluate_probe([_call("wifi.mac", "mac", "a4:50:46:1c:7e:99")], {"mac": "a4:50:46:1c:7e:92"})[1]
    assert values.status == "fail"


def test_skipped_classes_are_listed_and_every_family_must_fire() -> None:
    cat = load_catalog()
    sim = [h for h in cat.for_platform("sim") if h.kind in ("api_call", "tcf_signal", "net_connect")]
    everything = [{"kind": "api_call", "hook": h.id} for h in sim]
    skipped = [SkippedHook(id="camera2.open", api="android.hardware.camera2.CameraManager.openCamera",
                           reason="class not found")]
    checks = {c.name: c for c in hook_checks(everything, cat, "sim", skipped)}
    assert checks["probe.skipped"].status == "warn"
    assert "android.hardware.camera2.CameraManager" in checks["probe.skipped"].detail
    assert checks["probe.hooks"].status == "ok"

    no_telephony = [e for e in everything if cat.sources[e["hook"]] != "catalog/telephony.yaml"]
    checks = {c.name: c for c in hook_checks(no_telephony, cat, "sim", [])}
    assert checks["probe.hooks"].status == "fail" and "catalog/telephony.yaml" in checks["probe.hooks"].detail
    one_quiet = everything[1:]
    checks = {c.name: c for c in hook_checks(one_quiet, cat, "sim", [])}
    assert checks["probe.hooks"].status == "warn" and sim[0].id in checks["probe.hooks"].detail


def test_doctor_says_whether_an_app_looking_for_frida_would_be_seen() -> None:
    watched = {c.name: c for c in agent_checks(InitResult(installed=1, skipped=0, probes_watched=30,
                                                           boot_image="not ART"))}
    assert watched["probe.frida_watch"].status == "ok" and "30 libc functions" in watched["probe.frida_watch"].detail
    assert "probe.boot_image" not in watched  # HotSpot: nothing to deoptimize
    blind = {c.name: c for c in agent_checks(InitResult(installed=1, skipped=0, probes_watched=-1,
                                                         boot_image="unavailable: This API is only available on "
                                                                    "Android >= 8.0"))}
    assert blind["probe.frida_watch"].status == "warn" and blind["probe.boot_image"].status == "warn"
    assert "Android >= 8.0" in blind["probe.boot_image"].detail
