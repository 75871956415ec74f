from dynscan.findings import Severity
from factories import Timeline, app_stack, sdk_stack

R = "PRE_CONSENT_COLLECTION"


def test_fires_before_consent_and_groups_per_actor_and_type(run):
    t = Timeline()
    t.api("device_id", "imei", stack=sdk_stack("com.umeng.commonsdk.statistics.idtracking.ImeiTracker"))
    t.api("device_id", "imei", stack=sdk_stack("com.umeng.commonsdk.statistics.idtracking.ImeiTracker"))
    t.api("device_id", "android_id", stack=app_stack())
    t.accept().api("device_id", "imei", stack=app_stack())
    fs = run(t, R)
    by_actor = {(f.actor, f.data_type): f for f in fs}
    assert set(by_actor) == {("sdk:umeng-analytics", "imei"), ("app", "android_id")}
    umeng = by_actor["sdk:umeng-analytics", "imei"]
    assert umeng.count == 2 and umeng.evidence == ["e2", "e3"] and umeng.category == "device_id"
    assert umeng.severity is Severity.critical and umeng.references
    assert umeng.first_ts < umeng.last_ts
    assert "sdk:umeng-analytics" in umeng.message and "2" in umeng.message


def test_quiet_after_consent_and_for_sensors(run):
    t = Timeline().api("sensor", "accelerometer").accept().api("location", "location")
    assert run(t, R) == []


def test_consent_resets_to_pending_at_app_reset(run):
    t = Timeline().accept().api("location", "location").reset().api("location", "location")
    fs = run(t, R)
    assert len(fs) == 1 and fs[0].evidence == ["e5"]


def test_decline_then_accept_is_given(run):
    t = Timeline().decline().accept().api("contacts", "contacts")
    assert run(t, R) == []


def test_severity_override_and_disable(run):
    t = Timeline().api("location", "location")
    assert run(t, R, severity_overrides={R: "low"})[0].severity is Severity.low
    assert run(t, R, disabled_rules=[R]) == []
