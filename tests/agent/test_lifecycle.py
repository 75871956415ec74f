"""Foreground/background, permission requests and results, component starts, taps and consent."""

from __future__ import annotations

from pathlib import Path

import pytest
from agent_testkit import PACKAGE, instrumented

from dynscan.instrument.models import AgentOptions

pytestmark = [pytest.mark.integration, pytest.mark.timeout(90)]


@pytest.fixture(scope="module")
def events(fixture_classes: Path, tmp_path_factory: pytest.TempPathFactory) -> list[dict]:
    opts = AgentOptions(package=PACKAGE, consent_taps=["同意", "Agree"])
    with instrumented(fixture_classes, tmp_path_factory.mktemp("lc"), "lifecycle", options=opts) as run:
        run.release()
        out = run.finish()
        assert "clicked" in out and "result 7 2" in out
        return run.events()


def test_foreground_background_foreground(events: list[dict]) -> None:
    states = [e["state"] for e in events if e["kind"] == "app_state"]
    assert states == ["foreground", "background", "foreground", "stopped"]
    kinds = [(e["kind"], e.get("state") or e.get("api")) for e in events]
    bg = kinds.index(("app_state", "background"))
    assert ("api_call", "android.telephony.TelephonyManager.getImei") in kinds[bg:]


def test_permission_request_and_results(events: list[dict]) -> None:
    (req,) = [e for e in events if e["kind"] == "permission_request"]
    assert req["permissions"] == ["android.permission.CAMERA", "android.permission.READ_CONTACTS"]
    assert req["stack"][0].startswith("fixture.app.Main.lifecycle(")
    results = {e["permission"]: e["granted"] for e in events if e["kind"] == "permission_result"}
    # MainActivity overrides onRequestPermissionsResult without calling super: hooked in its own class.
    assert results == {"android.permission.CAMERA": True, "android.permission.READ_CONTACTS": False}
    assert events.index(req) < min(i for i, e in enumerate(events) if e["kind"] == "permission_result")
    checks = [e for e in events if e["kind"] == "permission_check"]
    # checkSelfPermission, checkPermission(own pid) (ContextCompat's path), checkCallingOrSelfPermission,
    # PackageManager.checkPermission(own package); not a check of another pid or package
    assert [(c["permission"], c["granted"]) for c in checks] == [
        ("android.permission.CAMERA", True), ("android.permission.READ_CONTACTS", False),
        ("android.permission.RECORD_AUDIO", False), ("android.permission.CAMERA", True)]


def test_component_starts_to_other_packages(events: list[dict]) -> None:
    starts = [e for e in events if e["kind"] == "component_start"]
    assert [(s["via"], s["target_package"]) for s in starts] == [
        ("startActivity", "com.other"), ("startActivity", "(implicit)"), ("startService", "com.other.push")]
    assert starts[0]["component"] == "com.other/com.other.Main"
    assert starts[1]["uri"] == "https://example.com/promo" and starts[1]["implicit"] is True


def test_tap_with_text_and_consent(events: list[dict]) -> None:
    (tap,) = [e for e in events if e["kind"] == "user_action"]
    assert tap["action"] == "tap" and tap["target"] == "同意"
    assert tap["detail"] == {"view": "android.widget.Button"}
    (consent,) = [e for e in events if e["kind"] == "consent"]
    assert consent["action"] == "policy_accepted"


def test_an_app_that_looks_for_nothing_has_no_instrumentation_probe(events: list[dict]) -> None:
    # the agent's own reads of /proc/self/maps (Frida's threads and code) are not the app's
    assert [e for e in events if e["kind"] == "instrumentation_probe"] == []
