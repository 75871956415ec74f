"""``dynscan.coverage``: what a run exercised, from the timeline alone; incomplete is never a pass."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from dynscan.analysis import analyze_store, run_analysis
from dynscan.coverage import HOOK_REASON_MAX, Coverage, CoverageBuilder
from dynscan.events.model import parse_event
from dynscan.findings import FailOn
from dynscan.rules.config import Config
from dynscan.store import open_store

D = {"source": "driver"}
A = {"source": "agent", "process": "com.x"}


def _phase(ts: float, name: str, status: str, **kw: Any) -> dict[str, Any]:
    return {"kind": "phase", "ts": ts, "name": name, "status": status, **D, **kw}


def driven(grant: str = "reached", crash_everywhere: bool = False) -> list[dict[str, Any]]:
    ev: list[dict[str, Any]] = [
        {"kind": "session_start", "ts": 0, "package": "com.x", **D},
        _phase(1, "first_launch", "started"), {"kind": "app_launch", "ts": 1, "cold": True, **D},
        {"kind": "app_state", "ts": 2, "state": "foreground", **A},
        _phase(2, "first_launch", "reached"),
        {"kind": "dialog", "ts": 2.5, "dialog": "policy", "phase": "first_launch", **D},
        _phase(5, "decline", "started"),
        {"kind": "consent", "ts": 6, "action": "policy_shown", **D},
        {"kind": "consent", "ts": 6, "action": "policy_declined", **D},
        {"kind": "user_action", "ts": 6, "action": "tap", "target": "不同意",
         "detail": {"dialog": "policy", "answer": "decline"}, **D},
        _phase(6, "decline", "reached"),
        {"kind": "app_state", "ts": 8, "state": "background", "cause": "driver", **D},
        _phase(10, "grant", "started"),
        {"kind": "app_state", "ts": 11, "state": "foreground", **A},
        {"kind": "permission_result", "ts": 12, "permission": "android.permission.CAMERA", "granted": True,
         "via": "device", **D},
    ]
    if grant == "reached":
        ev.append(_phase(13, "grant", "reached", detail={"granted_by_device": ["android.permission.CAMERA"]}))
    else:
        ev += [{"kind": "app_state", "ts": 12.5, "state": "crashed", **A},
               _phase(13, "grant", "failed", reason="the app crashed (java.lang.IllegalStateException)")]
    if crash_everywhere:
        ev += [{"kind": "app_state", "ts": 3, "state": "crashed", **A},
               {"kind": "app_state", "ts": 7, "state": "crashed", **A}]
        if grant == "reached":
            ev.append({"kind": "app_state", "ts": 13.5, "state": "crashed", **A})
    ev.append({"kind": "app_state", "ts": 20, "state": "stopped", "cause": "driver", **D})
    return sorted(ev, key=lambda e: e["ts"])


def cover(events: list[dict[str, Any]]) -> Coverage:
    b = CoverageBuilder()
    for e in events:
        b.add(parse_event(e))
    return b.result()


def test_a_run_that_reached_every_phase_is_complete_with_its_seconds_and_dialogs() -> None:
    c = cover(driven())
    assert c.complete and c.incomplete == [] and c.driven
    assert [(p.name, p.status) for p in c.phases] == [("first_launch", "reached"), ("decline", "reached"),
                                                      ("grant", "reached")]
    assert (c.foreground_s, c.background_s) == (15.0, 3.0)  # 2..8 and 11..20 in front, 8..11 behind
    assert c.dialogs_seen == {"policy": 1} and c.dialogs_answered == {"policy": 1} and c.privacy_dialog
    assert c.granted_by_device == ["android.permission.CAMERA"]


def test_a_phase_not_reached_makes_the_run_incomplete_with_its_reason() -> None:
    c = cover(driven(grant="failed"))
    assert not c.complete
    assert c.incomplete == ["phase grant failed: the app crashed (java.lang.IllegalStateException)"]
    assert c.phases[-1].crashed


def test_issue_9_false_passes_are_incomplete() -> None:
    crashed = cover(driven(crash_everywhere=True))
    assert "the app crashed in every phase" in crashed.incomplete
    never_front = cover([e for e in driven() if not (e["kind"] == "app_state" and e["state"] == "foreground")])
    assert "the app never reached the foreground" in never_front.incomplete
    silent = cover([e for e in driven() if e.get("source") != "agent"])
    assert "no event was recorded from the app" in silent.incomplete


def test_a_timeline_from_elsewhere_is_not_judged_on_coverage() -> None:
    c = cover([{"kind": "session_start", "ts": 0, "package": "com.x"},
               {"kind": "api_call", "ts": 1, "api": "a.B.c", "category": "sensor"}])
    assert c.complete and not c.driven and c.phases == []


def test_incomplete_is_the_verdict_and_exits_1_but_a_finding_still_fails(tmp_path: Path) -> None:
    with open_store(tmp_path / "a") as store:
        store.append_many(driven(grant="failed"))
        report = analyze_store(store, Config()).report
    assert report.verdict == "incomplete" and report.findings == []
    assert report.exit_code(FailOn.high) == 1 and report.exit_code(FailOn.never) == 0
    with open_store(tmp_path / "b") as store:
        store.append_many(driven())
        assert analyze_store(store, Config()).report.verdict == "pass"
    imei = {"kind": "api_call", "ts": 1.5, "api": "android.telephony.TelephonyManager.getImei",
            "category": "device_id", "data_type": "imei", "stack": ["com.x.Main.onCreate(Main.java:1)"], **A}
    with open_store(tmp_path / "c") as store:
        store.append_many(sorted([*driven(grant="failed"), imei], key=lambda e: e["ts"]))
        assert analyze_store(store, Config()).report.verdict == "fail"  # a finding outranks incomplete


def test_analyze_of_the_stored_timeline_reproduces_the_coverage(tmp_path: Path) -> None:
    timeline = tmp_path / "t.jsonl"
    timeline.write_text("".join(json.dumps(e) + "\n" for e in driven(grant="failed")))
    report = run_analysis(events=timeline, out=tmp_path / "out", formats=["json"])
    stored = json.loads((tmp_path / "out" / "report.json").read_text())
    assert stored["verdict"] == "incomplete" and report.coverage == cover(driven(grant="failed"))
    assert stored["coverage"]["phases"][2] == {"name": "grant", "status": "failed", "crashed": True, "detail": None,
                                               "reason": "the app crashed (java.lang.IllegalStateException)"}


def test_a_probe_with_nothing_to_probe_is_no_gap() -> None:
    b = CoverageBuilder()
    for e in [{"kind": "app_launch", "ts": 1, "source": "driver"},
              {"kind": "app_state", "ts": 1.5, "state": "foreground", "source": "agent"},
              {"kind": "api_call", "ts": 1.6, "api": "a.B.c", "category": "sensor", "source": "agent"},
              {"kind": "phase", "ts": 2, "name": "ad_probe", "status": "skipped", "source": "driver",
               "reason": "no splash or pop-up ad showed", "detail": {"nothing_to_probe": True}},
              {"kind": "phase", "ts": 3, "name": "shake_probe", "status": "skipped", "source": "driver",
               "reason": "the app was not in the foreground at the shake"}]:
        b.add(parse_event(e))
    c = b.result()
    assert c.incomplete == ["phase shake_probe skipped: the app was not in the foreground at the shake"]


def test_an_app_that_ends_right_after_looking_for_frida_is_incomplete_not_an_ordinary_crash() -> None:
    probe = {"kind": "instrumentation_probe", "probe": "proc_maps", "target": "/proc/self/maps", "via": "openat",
             "module": "libmsaoaidsec.so", **A}
    ended = sorted([*driven(), {**probe, "ts": 11.2}, {"kind": "app_state", "ts": 12.5, "state": "crashed", **A}],
                   key=lambda e: e["ts"])
    c = cover(ended)
    assert c.instrumentation_probes == {"proc_maps": 1}
    assert c.incomplete == ["the app crashed 1.3 s after looking for Frida (proc_maps): it may have detected the "
                            "instrumentation, so it did not behave as on a user's phone"]
    # looked, then ran on (the driver stopped it later): listed, but the run is complete
    ran_on = cover(sorted([*driven(), {**probe, "ts": 3}], key=lambda e: e["ts"]))
    assert ran_on.instrumentation_probes == {"proc_maps": 1} and ran_on.complete


def _planned(events: list[dict[str, Any]], names: list[str]) -> list[dict[str, Any]]:
    """``events`` with the plan on the first ``phase started``, as the driver writes it."""
    first = next(i for i, e in enumerate(events) if e["kind"] == "phase" and e["status"] == "started")
    return [{**e, "detail": {"planned": names}} if i == first else e for i, e in enumerate(events)]


def test_a_run_that_ended_between_two_phases_lists_the_rest_as_never_started() -> None:
    plan = ["first_launch", "decline", "grant", "shake_probe", "ad_probe"]
    whole = _planned(driven(), plan)  # ended after grant reached: shake_probe and ad_probe never began
    c = cover(whole)
    assert [(p.name, p.status) for p in c.phases] == [
        ("first_launch", "reached"), ("decline", "reached"), ("grant", "reached"), ("shake_probe", "not_started"),
        ("ad_probe", "not_started")]
    assert not c.complete
    assert c.incomplete == ["phase shake_probe never started", "phase ad_probe never started"]
    assert cover(_planned(driven(), plan[:3])).complete  # the same run with exactly that plan is complete
    assert cover(driven()).complete  # a session recorded before the plan was written is judged as before


def test_phases_never_started_do_not_hide_a_crash_in_every_phase_that_ran() -> None:
    c = cover(_planned(driven(crash_everywhere=True), ["first_launch", "decline", "grant", "later"]))
    assert "the app crashed in every phase" in c.incomplete and "phase later never started" in c.incomplete


def test_an_imported_timeline_with_nothing_from_the_app_is_incomplete() -> None:
    c = cover([{"kind": "session_start", "ts": 0, "package": "com.x"},
               {"kind": "consent", "ts": 1, "action": "policy_accepted"}])
    assert not c.driven and not c.complete and c.incomplete == ["no event was recorded from the app"]


def _pending(ts: float, pid: int, *ids: str) -> dict[str, Any]:
    return {"kind": "hooks_pending", "ts": ts, "pid": pid, "source": "agent", "process": "com.x",
            "hooks": [{"id": i, "api": f"sdk.{i}.run"} for i in ids]}


def test_hooks_never_installed_are_those_no_process_ever_installed() -> None:
    events = [
        *driven(),
        _pending(1.0, 10, "a", "b", "c"), _pending(4.0, 10, "b", "c"),  # first launch: a landed later
        _pending(5.5, 11, "a", "c", "d"),                                 # second launch: b landed at init
        _pending(11.0, 12, "c", "d"), _pending(10.5, 12, "c", "d", "a"),  # out of order: the list only shrinks
    ]
    c = cover(sorted(events, key=lambda e: e["ts"]))
    assert c.hooks_never_installed is not None
    assert [(h.id, h.api) for h in c.hooks_never_installed] == [("c", "sdk.c.run")]
    assert c.complete  # an SDK the app does not have is not a gap in the run


def test_hooks_never_installed_is_unknown_without_a_report_and_empty_when_all_landed() -> None:
    assert cover(driven()).hooks_never_installed is None
    assert cover([*driven(), _pending(1.0, 10, "a"), _pending(2.0, 10)]).hooks_never_installed == []


def test_the_agents_own_hooks_pending_is_nothing_from_the_app() -> None:
    c = cover([{"kind": "session_start", "ts": 0, "package": "com.x"}, _pending(1.0, 10, "a")])
    assert not c.complete and c.incomplete == ["no event was recorded from the app"]
    assert [h.id for h in c.hooks_never_installed or []] == ["a"]


def _failed(ts: float, pid: int, *failures: tuple[str, str]) -> dict[str, Any]:
    ev = _pending(ts, pid)
    ev["failed"] = [{"id": i, "api": f"android.{i}.get", "reason": why} for i, why in failures]
    return ev


def test_hooks_failed_is_the_union_over_processes_once_per_reason_and_bounded() -> None:
    long = "x" * 5000
    c = cover([*driven(),
               _failed(1.0, 10, ("a", "no method get in android.a"), ("b", "no overload (int)")),
               _failed(2.0, 10, ("a", "no method get in android.a"), ("b", "no overload (int)")),  # re-sent
               _failed(3.0, 11, ("c", long)), _failed(3.5, 11, ("b", "no overload (long)"))])
    assert c.hooks_failed is not None
    assert [(f.id, f.reason[:20]) for f in c.hooks_failed] == [
        ("a", "no method get in and"), ("b", "no overload (int)"), ("b", "no overload (long)"), ("c", "x" * 20)]
    assert all(len(f.reason) <= HOOK_REASON_MAX for f in c.hooks_failed)
    assert c.hooks_failed[-1].reason.endswith("…") and c.hooks_failed[0].api == "android.a.get"
    assert c.complete  # a method this platform lacks is said, not a gap in the run


def test_hooks_failed_is_unknown_when_no_agent_said_and_empty_when_none_failed() -> None:
    assert cover([*driven(), _pending(1.0, 10, "a")]).hooks_failed is None  # an agent too old to say
    assert cover([*driven(), _failed(1.0, 10)]).hooks_failed == []
