"""Every category fires from the fixture app, values pass through unchanged, exceptions propagate."""

from __future__ import annotations

from pathlib import Path

import pytest
from agent_testkit import instrumented

from dynscan.events.model import parse_event
from dynscan.events.vocab import CATEGORIES
from dynscan.instrument.probe import evaluate_probe

pytestmark = [pytest.mark.integration, pytest.mark.timeout(90)]

FIXTURE_IDENTITY = {"imei": "860000000000001", "imsi": "460001234567890", "iccid": "89860012345678901234",
                    "serial": "SIMSERIAL01", "android_id": "a1b2c3d4e5f60718", "mac": "02:00:00:aa:bb:cc",
                    "bssid": "11:22:33:44:55:66", "ssid": "dynscan-wifi", "phone_number": "+8613800138000"}


@pytest.fixture(scope="module")
def values_run(fixture_classes: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[list[str], list[str],
                                                                                           list[dict]]:
    d = tmp_path_factory.mktemp("values")
    with instrumented(fixture_classes, d / "plain", "values", agent=False) as plain:
        plain.release()
        plain_out = plain.finish()
    with instrumented(fixture_classes, d / "hooked", "values") as run:
        run.release()
        hooked_out = run.finish()
        events = run.events()
    return plain_out, hooked_out, events


def test_every_category_fires(values_run: tuple[list[str], list[str], list[dict]]) -> None:
    _, _, events = values_run
    seen = {e["category"] for e in events if e["kind"] == "api_call"}
    # the fixture's small framework predates issue 13's categories: the sim probe fires those
    # (tests/agent/test_agent_sim_probe.py)
    assert set(CATEGORIES) - seen <= {"browser_history", "system_info", "command_exec", "code_loading", "webview"}


def test_values_unchanged_with_agent(values_run: tuple[list[str], list[str], list[dict]]) -> None:
    plain, hooked, events = values_run
    assert hooked == plain
    assert "meid=SecurityException: getMeid: READ_PHONE_STATE denied same=true" in hooked  # the same Throwable
    assert "imsi_same_object=true" in hooked  # the original's own String, not a copy
    checks = evaluate_probe(events, FIXTURE_IDENTITY)
    assert checks[1].status == "ok", checks  # categories: see test_every_category_fires


def test_events_are_contract_events_on_host_clock(values_run: tuple[list[str], list[str], list[dict]]) -> None:
    _, _, events = values_run
    assert events
    for e in events:
        parse_event(e)
        assert e["source"] == "agent" and e["process"] == "fixture.app" and isinstance(e["pid"], int)
        assert "ts_ms" not in e and e.get("thread") == ("main" if e["kind"] != "hooks_pending" else None)
    ts = [e["ts"] for e in events]
    import time
    assert abs(time.time() - max(ts)) < 120


def test_first_call_in_application_oncreate_captured(values_run: tuple[list[str], list[str], list[dict]]) -> None:
    _, _, events = values_run
    first = next(e for e in events if e["kind"] != "hooks_pending")  # the agent's own, sent at init
    assert first["api"] == "android.telephony.TelephonyManager.getImei"
    assert first["stack"][0].startswith("fixture.app.Main$App.onCreate(Main.java:")
    assert first["seq"] == 1


def test_security_exception_recorded_and_propagated(values_run: tuple[list[str], list[str], list[dict]]) -> None:
    _, _, events = values_run
    (meid,) = [e for e in events if e.get("data_type") == "meid"]
    assert meid["error"].startswith("java.lang.SecurityException")
    assert "value" not in meid


def test_filter_overloads_classification_and_stack(values_run: tuple[list[str], list[str], list[dict]]) -> None:
    _, _, events = values_run
    calls = [e for e in events if e["kind"] == "api_call"]
    android_id = [e for e in calls if e["api"] == "android.provider.Settings$Secure.getString"]
    assert [e["value"] for e in android_id] == ["a1b2c3d4e5f60718"]  # bluetooth_name filtered out
    device_id = [e for e in calls if e["api"].endswith("getDeviceId")]
    assert [e["seq"] for e in device_id] == [1, 2]  # both overloads, one counter
    queries = [e for e in calls if e["api"] == "android.content.ContentResolver.query"]
    assert [e["category"] for e in queries] == ["contacts", "sms", "call_log", "calendar", "media"]
    assert queries[0]["args"][0] == "content://com.android.contacts/contacts"
    for e in calls:
        assert not e["stack"][0].startswith(e["api"] + "("), e  # the hooked frame is removed
        assert e["stack"][0].startswith("fixture.app.Main")
    apps = [e for e in calls if e.get("data_type") == "app_list"]
    assert apps[0]["value"] == 3


def test_app_exit_recorded(values_run: tuple[list[str], list[str], list[dict]]) -> None:
    _, _, events = values_run
    assert events[-1]["kind"] == "app_state" and events[-1]["state"] == "stopped"
    assert events[-1]["cause"] == "app"
