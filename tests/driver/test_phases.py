"""The phases on a scripted app: each from its own state, each outcome recorded with its reason."""

from __future__ import annotations

from typing import Any

import pytest
from fake_phone import LOC, PERM, FakePhone

from dynscan.coverage import CoverageBuilder
from dynscan.driver import phases
from dynscan.driver.runner import ScenarioRunner
from dynscan.driver.scenario import load_scenario
from dynscan.errors import Interrupted, SetupError
from dynscan.events.model import parse_event


def _run(phone: FakePhone, monkeypatch: Any, scenario: str = "default") -> tuple[list[dict[str, Any]], list[str]]:
    monkeypatch.setattr("dynscan.driver.runner.POLL_S", 0.001)
    monkeypatch.setattr("dynscan.driver.phases.POLL_S", 0.001)
    monkeypatch.setattr(phases, "SETTLE_S", 0.05)
    events: list[dict[str, Any]] = []
    notes: list[str] = []
    runner = ScenarioRunner(phone, phone, events.append, notes.append,  # type: ignore[arg-type]
                            permissions=[PERM, LOC, "android.permission.INTERNET"])
    runner.run(load_scenario(scenario, time_scale=0.002))
    return events, notes


def _outcomes(events: list[dict[str, Any]]) -> dict[str, tuple[str, str | None]]:
    return {e["name"]: (e["status"], e.get("reason")) for e in events
            if e["kind"] == "phase" and e["status"] != "started"}


def test_every_phase_reached_on_an_app_that_behaves(monkeypatch: Any) -> None:
    phone = FakePhone()
    events, _ = _run(phone, monkeypatch)
    assert _outcomes(events) == {**{n: ("reached", None) for n in
                                    ("first_launch", "decline", "deny", "grant", "shake_probe")},
                                 "ad_probe": ("skipped", "no splash or pop-up ad showed")}
    consent = [e["action"] for e in events if e["kind"] == "consent"]
    assert consent == ["policy_shown", "policy_declined", "policy_shown", "policy_accepted",
                       "policy_shown", "policy_accepted"]
    answers = [(e["detail"]["dialog"], e["detail"]["answer"]) for e in events
               if e["kind"] == "user_action" and "dialog" in (e.get("detail") or {})]
    assert ("permission", "deny") in answers and ("permission", "allow") in answers
    # The location permission was never asked for: granted through the device, as a driver action.
    by_device = [e for e in events if e["kind"] == "permission_result" and e["source"] == "driver"]
    assert [(e["permission"], e["granted"], e["via"]) for e in by_device] == [(LOC, True, "device")]
    grant = next(e for e in events if e["kind"] == "phase" and e["name"] == "grant" and e["status"] == "reached")
    assert grant["detail"] == {"granted_by_device": [LOC]}
    # The allow order is set before the grant phase's launch: the first dialog after it is allowed.
    start = next(i for i, e in enumerate(events) if e["kind"] == "phase" and e["name"] == "grant")
    first_perm_tap = next(e for e in events[start:] if e["kind"] == "user_action"
                          and (e.get("detail") or {}).get("dialog") == "permission")
    assert first_perm_tap["detail"]["answer"] == "allow"
    assert [e["action"] for e in events if e["kind"] == "user_action" and e["action"] == "shake"] == ["shake"]
    assert events[-1] == {**events[-1], "kind": "app_state", "state": "stopped"}


def test_no_privacy_dialog_skips_decline_and_the_rest_goes_on(monkeypatch: Any) -> None:
    events, notes = _run(FakePhone(has_policy=False), monkeypatch)
    out = _outcomes(events)
    assert out.pop("decline") == ("skipped", "no privacy dialog")
    assert out.pop("ad_probe") == ("skipped", "no splash or pop-up ad showed")
    assert all(v == ("reached", None) for v in out.values()), out
    assert not [e for e in events if e["kind"] == "consent"]  # consent stays pending
    assert "phase decline skipped: no privacy dialog" in notes


def test_an_app_that_crashes_once_granted_fails_grant_and_later_phases_still_run(monkeypatch: Any) -> None:
    events, _ = _run(FakePhone(crash_when_granted=True), monkeypatch)
    out = _outcomes(events)
    assert out["grant"][0] == "failed" and "not running" in (out["grant"][1] or "")
    assert out["shake_probe"][0] == "skipped" and "could not be brought to the foreground" in out["shake_probe"][1]
    assert out["first_launch"] == out["decline"] == out["deny"] == ("reached", None)
    coverage = CoverageBuilder()
    for e in events:
        coverage.add(parse_event(e))
    c = coverage.result()
    assert not c.complete and "phase grant failed: the app is not running" in c.incomplete


def test_a_screen_that_cannot_be_read_fails_each_phase_with_the_reason(monkeypatch: Any) -> None:
    events, _ = _run(FakePhone(dump_fails=True), monkeypatch, "quick")
    out = _outcomes(events)
    assert out["first_launch"] == ("failed", "the screen could not be read (uiautomator: could not get idle state)")
    assert set(out) == {"first_launch", "decline", "deny", "grant", "shake_probe", "ad_probe"}  # every one tried
    assert all(status != "reached" for status, _ in out.values())


def test_a_device_fault_inside_a_phase_is_its_failure_not_the_run_s(monkeypatch: Any) -> None:
    phone = FakePhone()

    def broken(package: str, permission: str) -> bool:
        raise OSError("adb: device offline\x1b[2J\nsecond line")

    phone.grant = broken  # type: ignore[method-assign]
    events, _ = _run(phone, monkeypatch)
    out = _outcomes(events)
    assert out["grant"] == ("failed", "device error: adb: device offline?[2J")  # one line, no escape sequence
    assert out["shake_probe"] == ("reached", None)  # brought back to the front from its own state


def test_a_set_up_failure_still_ends_the_run(monkeypatch: Any) -> None:
    phone = FakePhone()

    def no_frida() -> None:
        raise SetupError("device PHONE1: frida-server not reachable")

    phone.launch = no_frida  # type: ignore[method-assign]
    with pytest.raises(SetupError, match="frida-server"):
        _run(phone, monkeypatch)


def test_a_relaunch_is_observed_once_the_app_is_up_however_slow_its_cold_start(monkeypatch: Any) -> None:
    """relaunch_observe is scaled, a cold start is not: the deny phase's relaunched app, which asks again after
    one denial, is watched from when its window shows, so its second request is seen and answered."""
    events, _ = _run(FakePhone(slow_start=20), monkeypatch)  # 20 screen reads: longer than the scaled observe
    assert _outcomes(events)["deny"] == ("reached", None)
    start, end = (next(i for i, e in enumerate(events) if e["kind"] == "phase" and e["name"] == n) for n in
                  ("deny", "grant"))
    denials = [e for e in events[start:end] if e["kind"] == "user_action"
               and (e.get("detail") or {}).get("answer") == "deny"]
    assert len(denials) == 2  # after the accept, and again at the relaunch


def test_the_first_phase_lists_the_plan_so_an_interrupted_run_shows_what_never_started(monkeypatch: Any) -> None:
    phone = FakePhone()

    def interrupted(package: str, permission: str) -> bool:
        raise Interrupted("interrupted")

    phone.grant = interrupted  # type: ignore[method-assign]
    monkeypatch.setattr("dynscan.driver.runner.POLL_S", 0.001)
    monkeypatch.setattr("dynscan.driver.phases.POLL_S", 0.001)
    monkeypatch.setattr(phases, "SETTLE_S", 0.05)
    events: list[dict[str, Any]] = []
    runner = ScenarioRunner(phone, phone, events.append, lambda _: None,  # type: ignore[arg-type]
                            permissions=[PERM, LOC, "android.permission.INTERNET"])
    with pytest.raises(Interrupted):
        runner.run(load_scenario("default", time_scale=0.002))
    started = [e for e in events if e["kind"] == "phase" and e["status"] == "started"]
    assert started[0]["detail"] == {"planned": ["first_launch", "decline", "deny", "grant", "shake_probe",
                                                "ad_probe"]}
    assert all("detail" not in e for e in started[1:])
    coverage = CoverageBuilder()
    for e in events:
        coverage.add(parse_event(e))
    c = coverage.result()
    assert [(p.name, p.status) for p in c.phases][-3:] == [("grant", "started"), ("shake_probe", "not_started"),
                                                          ("ad_probe", "not_started")]
    assert [w for w in c.incomplete if w.startswith("phase")] == [
        "phase grant not finished", "phase shake_probe never started", "phase ad_probe never started"]
