"""Hot loops, many threads, crashes, kills and plain returns: nothing lost, nothing changed, no hang."""

from __future__ import annotations

from pathlib import Path

import pytest
from agent_testkit import instrumented

from dynscan.coverage import CoverageBuilder
from dynscan.events.model import parse_event
from dynscan.hooks.model import HookSpec
from dynscan.instrument.models import AgentOptions

pytestmark = [pytest.mark.integration, pytest.mark.timeout(120)]


def test_hot_loop_loses_no_event(fixture_classes: Path, tmp_path: Path) -> None:
    n = 100_000
    with instrumented(fixture_classes, tmp_path, "hot", str(n)) as run:
        run.release()
        out = run.finish(timeout=90)
        assert any(line.startswith("hot_ns=") for line in out)
        imei = [e for e in run.events("api_call") if e["api"].endswith("getImei")]
        assert len(imei) == n + 1  # + Application.onCreate
        assert sorted(e["seq"] for e in imei) == list(range(1, n + 2))
        assert run.agent is not None and run.agent.dropped == 0


def test_fifty_threads(fixture_classes: Path, tmp_path: Path) -> None:
    with instrumented(fixture_classes, tmp_path, "threads", "50", "200") as run:
        run.release()
        assert "threads done" in run.finish(timeout=90)
        calls = [e for e in run.events("api_call") if e.get("data_type") == "imsi"]
        assert len(calls) == 50 * 200
        assert sorted(e["seq"] for e in calls) == list(range(1, 10_001))
        assert {e["thread"] for e in calls} == {f"worker-{i}" for i in range(50)}


def test_queue_bound_counts_drops(fixture_classes: Path, tmp_path: Path) -> None:
    opts = AgentOptions(package="fixture.app", queue_max=100, batch_max=1_000_000, flush_ms=5000)
    with instrumented(fixture_classes, tmp_path, "hot", "1000", options=opts) as run:
        run.release()
        run.finish()
        kept = run.events("api_call")
        assert run.agent is not None
        assert len(kept) == 100 and run.agent.dropped == 1001 - 100
        assert [e["state"] for e in run.events("app_state")] == ["stopped"]  # state events always kept


def test_uncaught_exception_is_a_crash_and_exits(fixture_classes: Path, tmp_path: Path) -> None:
    with instrumented(fixture_classes, tmp_path, "thread_crash") as run:
        run.release()
        run.finish(timeout=30)  # no exit hang with the agent loaded
        assert run.proc.returncode == 1
        states = [(e["state"], e.get("thread")) for e in run.events("app_state")]
        assert states == [("crashed", "w"), ("crashed", "main")]
        assert "worker died" in run.events("app_state")[0]["error"]
        assert any(e.get("data_type") == "imsi" for e in run.events("api_call"))


def test_killed_process_recorded_as_crashed_with_events_kept(fixture_classes: Path, tmp_path: Path) -> None:
    with instrumented(fixture_classes, tmp_path, "kill") as run:
        run.release()
        run.finish(timeout=30)
        assert run.agent is not None and run.agent.wait_detached(10)
        evs = [e for e in run.events() if e["kind"] != "hooks_pending"]  # the agent's own, sent at init
        assert evs[0]["kind"] == "api_call"  # captured before the kill, kept
        assert evs[-1]["kind"] == "app_state" and evs[-1]["state"] == "crashed"
        assert evs[-1]["detach_reason"] == "process-terminated"


def test_main_returning_exits_with_agent_loaded(fixture_classes: Path, tmp_path: Path) -> None:
    with instrumented(fixture_classes, tmp_path, "return") as run:
        run.release()
        run.finish(timeout=60)
        assert run.proc.returncode == 0


def test_absent_targets_skipped_or_pending_and_reported(fixture_classes: Path, tmp_path: Path) -> None:
    specs = [
        HookSpec.model_validate(d).agent_spec() for d in (
            {"id": "x.absent_class", "class": "com.nope.Missing", "method": "get", "category": "device_id"},
            {"id": "x.absent_method", "class": "android.telephony.TelephonyManager", "method": "getNothing",
             "category": "device_id"},
            {"id": "x.absent_overload", "class": "android.telephony.TelephonyManager", "method": "getDeviceId",
             "overloads": [["int"], ["java.lang.String"]], "category": "device_id", "data_type": "imei"},
            {"id": "x.imei", "class": "android.telephony.TelephonyManager", "method": "getImei",
             "category": "device_id", "data_type": "imei"},
        )
    ]
    with instrumented(fixture_classes, tmp_path, "values", specs=specs) as run:
        assert run.agent is not None
        health = run.agent.health()
        run.release()
        run.finish()
        assert health.boot_image == "not ART"  # HotSpot: nothing to deoptimize (ART only)
        reasons = {s.id: s.reason for s in health.skipped}
        # an absent class is pending: a class loader may still bring it (a plain JVM has none to watch)
        assert [(p.id, p.reason) for p in health.pending] == [
            ("x.absent_class", "class not loaded yet: com.nope.Missing (no dalvik.system.BaseDexClassLoader to watch)")]
        assert reasons == {"x.absent_method": "no method getNothing in android.telephony.TelephonyManager",
                           "x.absent_overload": "no overload (java.lang.String)"}
        assert {i.id: i.overloads for i in health.installed} == {"x.absent_overload": ["(int)"], "x.imei": ["()"]}
        apis = [(e["api"].rsplit(".", 1)[1], e["seq"]) for e in run.events("api_call")]
        assert apis == [("getImei", 1), ("getImei", 2), ("getDeviceId", 1)]  # only getDeviceId(int)
        # the report's coverage says it too: the skipped hooks come with the hooks_pending sent at init
        builder = CoverageBuilder()
        for e in run.events():
            builder.add(parse_event(e))
        failed = builder.result().hooks_failed
        assert failed is not None and {f.id: (f.api, f.reason) for f in failed} == {
            "x.absent_method": ("android.telephony.TelephonyManager.getNothing", reasons["x.absent_method"]),
            "x.absent_overload": ("android.telephony.TelephonyManager.getDeviceId", reasons["x.absent_overload"])}


def test_sensor_injection_reaches_registered_listener(fixture_classes: Path, tmp_path: Path) -> None:
    from dynscan.device.base import SensorSample

    with instrumented(fixture_classes, tmp_path, "sensor") as run:
        assert run.agent is not None and run.proc.stdout is not None
        run.release()
        assert run.proc.stdout.readline().startswith("first=")
        assert run.proc.stdout.readline().strip() == "registered"
        counts = run.agent.inject_sensor([SensorSample("accelerometer", (1.5, 2.0, 9.8), 0.0)])
        assert counts == {"accelerometer": 1}
        assert run.agent.health().fired["sensor.register"] == 1
        out = run.finish()
        assert out[:2] == ["sensor_event 1 1.5,2.0,9.8", "delivered=true"]
