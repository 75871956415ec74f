"""The sample apps under ``examples/apps`` through the default scenario, side by side, each with the
exact rule set a reader of the rule table (CONTRACTS section 4) predicts for it.

Every app is built and run once, side by side with the others (``scans`` in conftest.py: ``dynscan run`` as a
subprocess each, the waits scaled down with ``--time-scale``), then each test reads its session.
"""

from __future__ import annotations

import json

import pytest
from samplescans import EXPECTATIONS, SCANS, Scans

#: app directory -> the rules the default scenario must raise on it, no more and no fewer.
EXPECTED: dict[str, set[str]] = {
    # Reads its install ID before the policy; once allowed, sends the IMEI to its own server over http.
    # It remembers a refusal: only clearing its data brings the accept and grant states.
    # Its dialog names no device data (UNDISCLOSED_COLLECTION); it asks for the phone permission at launch once
    # accepted (CONTEXTLESS_PERMISSION_REQUEST).
    "remembered_refusal": {"PRE_CONSENT_COLLECTION", "CLEARTEXT_TRANSMISSION", "UNDISCLOSED_COLLECTION",
                           "CONTEXTLESS_PERMISSION_REQUEST"},
    # Remembers a denied location permission (no re-request); with it, refreshes the location in the background.
    # It asks for location at launch once the policy is accepted (CONTEXTLESS_PERMISSION_REQUEST). Since the
    # hooks' catalog counts Location.getAccuracy as a location read too, each refresh is two reads: over 6 a
    # minute (EXCESSIVE_FREQUENCY). Whether a getter of the same fix should count is for the hooks' owners.
    "remembered_denial": {"BACKGROUND_COLLECTION", "CONTEXTLESS_PERMISSION_REQUEST", "EXCESSIVE_FREQUENCY"},
    # Asks for its permissions in onCreate before the policy, and again at every start.
    # At a start after consent the request has no context either.
    "asks_first": {"PRE_CONSENT_PERMISSION_REQUEST", "REPEATED_PERMISSION_REQUEST", "CONTEXTLESS_PERMISSION_REQUEST"},
    # 不同意 then 仍不同意 in a second dialog: the app quits.
    "two_step_refusal": {"EXIT_AFTER_DECLINE"},
    # Quits when the camera is denied, asks again at the next start.
    "exits_on_denial": {"EXIT_AFTER_PERMISSION_DENIAL", "REPEATED_PERMISSION_REQUEST",
                        "CONTEXTLESS_PERMISSION_REQUEST"},
    # JPush starts after accept + grant, reports the IMEI every 2 s, in the background too.
    # The phone permission is asked right after the accept; the dialog names JPush but not the IMEI.
    "sdk_after_grant": {"BACKGROUND_COLLECTION", "EXCESSIVE_FREQUENCY", "THIRD_PARTY_TRANSMISSION",
                        "CONTEXTLESS_PERMISSION_REQUEST", "UNDISCLOSED_COLLECTION"},
    # Only its own backend (api.dailybrief.example, unknown to the SDK data), and its dialog says it uses the
    # Android ID: no finding at all.
    "own_backend": set(),
    # A custom dialog of clickable layouts holding text; refused, it reads the app list (limit: 1 a minute)
    # at once and at the relaunch; accepted, it asks for location at once (its click handler seeing the accept
    # is no context: CONTEXTLESS_PERMISSION_REQUEST) and again at the next start after a denial.
    # Its dialog does not name the app list (UNDISCLOSED_COLLECTION).
    "custom_dialog": {"COLLECTION_AFTER_DECLINE", "APP_LIST_COLLECTION", "EXCESSIVE_FREQUENCY",
                      "CONTEXTLESS_PERMISSION_REQUEST", "REPEATED_PERMISSION_REQUEST", "UNDISCLOSED_COLLECTION"},
    # Its ad SDK (GDT) and OkHttp live in the app's own class loader; once the disclosed policy is accepted the SDK
    # reads the advertising ID at every start (two hooked calls each, over the limit of 3 a minute) and sends the
    # Android ID to Tencent.
    "bundled_sdk": {"EXCESSIVE_FREQUENCY", "THIRD_PARTY_TRANSMISSION"},
    # Its analytics SDK (TalkingData, with its own OkHttp) is a plug-in loaded with DexClassLoader once the
    # disclosed policy is accepted; it sends the Android ID to TalkingData.
    "plugin_sdk": {"THIRD_PARTY_TRANSMISSION"},
}
@pytest.mark.integration
@pytest.mark.timeout(1200)
@pytest.mark.parametrize("app", sorted(EXPECTED))
def test_sample_app_gets_exactly_its_rules_with_every_phase_reached(scans: Scans, app: str) -> None:
    res = scans[app]
    report = res["report"]
    assert {f["rule"] for f in report["findings"]} == EXPECTED[app], res["stderr"][-3000:]
    coverage = report["coverage"]
    assert [(p["name"], p["status"]) for p in coverage["phases"]] == [
        (n, "reached") for n in ("first_launch", "decline", "deny", "grant", "shake_probe")] + [
        ("ad_probe", "skipped")], coverage  # no ad: skipped, and the run still complete
    assert coverage["complete"] and coverage["privacy_dialog"] and coverage["background_s"] > 0
    blocking = any(f["severity"] in ("critical", "high") for f in report["findings"])
    assert report["verdict"] == ("fail" if blocking else "pass")
    assert res["rc"] == (1 if blocking else 0)


@pytest.mark.integration
@pytest.mark.timeout(1200)
@pytest.mark.scans("two_step_refusal")
def test_the_two_step_refusal_is_followed_to_its_end(scans: Scans) -> None:
    events = scans["two_step_refusal"]["events"]
    taps = [e["target"] for e in events if e["kind"] == "user_action" and e.get("source") == "driver"
            and (e.get("detail") or {}).get("dialog") == "policy"]
    assert taps[:2] == ["不同意", "仍不同意"], taps
    declines = [e for e in events if e["kind"] == "consent" and e["action"] == "policy_declined"]
    assert declines and declines[0]["ts"] <= next(e["ts"] for e in events if e.get("target") == "仍不同意")


@pytest.mark.integration
@pytest.mark.timeout(1200)
@pytest.mark.scans("custom_dialog")
def test_a_custom_dialog_of_clickable_layouts_is_answered(scans: Scans) -> None:
    res = scans["custom_dialog"]
    session, events = res["session"], res["events"]
    taps = [(e["target"], e["detail"]["answer"]) for e in events if e["kind"] == "user_action"
            and e.get("source") == "driver" and (e.get("detail") or {}).get("dialog") == "policy"]
    assert taps == [("不同意", "decline"), ("同意并继续", "accept"), ("同意并继续", "accept")], taps
    policy = json.loads((session / "policy.json").read_text(encoding="utf-8"))
    assert "《隐私政策》" in json.dumps(policy, ensure_ascii=False)


@pytest.mark.integration
@pytest.mark.timeout(1200)
@pytest.mark.scans("grant_crash")
def test_an_app_that_crashes_once_granted_is_incomplete_not_pass(scans: Scans) -> None:
    res = scans["grant_crash"]
    report = res["report"]
    # Only the permission it asks at launch (medium): nothing that fails the run, which is incomplete.
    assert {f["rule"] for f in report["findings"]} <= {"CONTEXTLESS_PERMISSION_REQUEST"}
    assert report["verdict"] == "incomplete" and res["rc"] == 1
    phases = {p["name"]: p for p in report["coverage"]["phases"]}
    assert phases["grant"]["status"] == "failed" and "crashed" in phases["grant"]["reason"], phases["grant"]
    assert phases["grant"]["crashed"] and phases["deny"]["status"] == "reached"
    assert any(r.startswith("phase grant failed: the app crashed") for r in report["coverage"]["incomplete"])


@pytest.mark.integration
@pytest.mark.timeout(1200)
@pytest.mark.scans("crash_always")
def test_an_app_that_crashes_at_every_launch_is_incomplete_never_pass(scans: Scans) -> None:
    res = scans["crash_always"]
    report = res["report"]
    assert report["findings"] == [] and report["verdict"] == "incomplete" and res["rc"] == 1
    reasons = report["coverage"]["incomplete"]
    assert "the app never reached the foreground" in reasons and "the app crashed in every phase" in reasons
    assert all(p["status"] != "reached" for p in report["coverage"]["phases"])
    assert "verdict: incomplete (0 findings; phase first_launch failed: the app crashed" in res["stderr"]


@pytest.mark.integration
@pytest.mark.timeout(1200)
@pytest.mark.parametrize("app", sorted(EXPECTATIONS))
def test_every_sample_gets_what_the_emulator_ci_expects(scans: Scans, app: str) -> None:
    """As emulator/check_reports.py checks a report on real Android (every listed rule is found; an app that
    lists none passes), with the exit code that goes with the verdict."""
    res = scans[app]
    report = res["report"]
    assert EXPECTATIONS[app] <= {f["rule"] for f in report["findings"]}, res["stderr"][-3000:]
    assert EXPECTATIONS[app] or report["verdict"] == "pass"
    assert res["rc"] == (0 if report["verdict"] == "pass" else 1), res["stderr"][-3000:]


#: app -> (its SDK, the SDK's host): classes only the app's own loader or a run-time DexClassLoader holds
SDK_IN_APP_LOADERS = {"bundled_sdk": ("sdk:tencent-gdt", "mi.gdt.qq.com"),
                      "plugin_sdk": ("sdk:talkingdata", "cloud.xdrig.com")}


@pytest.mark.integration
@pytest.mark.timeout(1200)
@pytest.mark.parametrize("app", sorted(SDK_IN_APP_LOADERS))
def test_sdk_code_outside_the_framework_loader_is_hooked_and_attributed(scans: Scans, app: str) -> None:
    res = scans[app]
    sdk, host = SDK_IN_APP_LOADERS[app]
    stats = res["report"]["stats"]
    assert stats["api_calls_by_actor"].get(sdk, 0) > 0 and stats["flow_actors_by_host"] == {host: sdk}, stats
    events = res["events"]
    # OkHttp's newCall is hooked only once the loader holding OkHttp exists (the app's, or the plug-in's)
    okhttp = [e for e in events if e["kind"] == "net_request" and e["api"] == "okhttp3.OkHttpClient.newCall"]
    assert okhttp and all(e["host"] == host for e in okhttp), [e for e in events if e["kind"] == "net_request"]
    if app == "bundled_sdk":  # Play services' advertising-ID client, bundled with the app
        assert {"ads.gms.adid_info", "ads.gms.adid"} <= {e.get("hook") for e in events if e["kind"] == "api_call"}
    # the coverage names what no process ever hooked (class never loaded): not OkHttp, which came late
    never = {h["id"] for h in res["report"]["coverage"]["hooks_never_installed"]}
    assert never and "net.okhttp3.new_call" not in never, never
    assert ("ads.gms.adid" in never) is (app != "bundled_sdk"), never
    # and what was skipped or failed (a method or overload absent here): said, even when nothing was
    failed = res["report"]["coverage"]["hooks_failed"]
    assert isinstance(failed, list) and all(set(f) == {"id", "api", "reason"} for f in failed), failed


def test_the_emulator_workflow_expects_the_same_rules() -> None:
    """examples/apps/expectations.json (what emulator/ checks on real Android) says what these tests say."""
    assert {app: EXPECTATIONS[app] for app in EXPECTED} == EXPECTED
    assert set(EXPECTATIONS) <= set(SCANS)
