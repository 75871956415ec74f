from factories import Timeline

R = "PRE_CONSENT_TRANSMISSION"


def test_fires_per_pii_type_before_consent(run):
    t = Timeline().flow("alog.umeng.com", "imei", "oaid", "imei")
    fs = sorted(run(t, R), key=lambda f: f.data_type or "")
    assert [(f.actor, f.data_type, f.category, f.count) for f in fs] == [
        ("sdk:umeng-analytics", "imei", "device_id", 1), ("sdk:umeng-analytics", "oaid", "device_id", 1)]
    assert "alog.umeng.com" in fs[0].message


def test_quiet_without_pii_after_consent_and_for_system_flows(run):
    t = Timeline().flow("api.example.com").flow("x.example.net", "imei", attribution="system")
    t.accept().flow("api.example.com", "imei")
    assert run(t, R) == []


def test_sdk_field_and_first_party_actor(run):
    t = Timeline(first_party_domains=["example.com"])
    t.flow("api.example.com", "email").flow("t.tracker.io", "adid", sdk="acme").flow("t.other.io", "adid")
    actors = {f.actor for f in run(t, R)}
    assert actors == {"app", "sdk:acme", "unknown"}
