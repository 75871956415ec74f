import tracemalloc

from dynscan.attribution import SdkDb
from dynscan.events.model import ApiCall, OtherEvent, SessionStart, UserAction
from dynscan.rules.config import Config
from dynscan.rules.engine import MAX_EVIDENCE, all_rules, evaluate
from factories import SCENE_RULE_IDS, V1_RULE_IDS, Timeline, app_stack, sdk_stack, stack


def test_catalog_has_the_v1_rules_first_then_the_newer_ones_with_docs():
    specs = all_rules()
    ids = [s.id for s in specs]
    assert ids[:len(V1_RULE_IDS)] == list(V1_RULE_IDS)
    assert {"UNKNOWN_PARTY_TRANSMISSION", "TCF_NO_CONSENT", "UNINSPECTED_TRAFFIC"} <= set(ids[len(V1_RULE_IDS):])
    assert ids[len(V1_RULE_IDS) + 1:len(V1_RULE_IDS) + 1 + len(SCENE_RULE_IDS)] == list(SCENE_RULE_IDS)  # issue 14
    for s in specs:
        assert s.title_en and s.title_zh and s.description_en and s.description_zh
        assert s.references and s.tier in ("official", "standard", "practice")


def test_stats_count_kinds_unknown_kinds_and_actors():
    t = Timeline().api("device_id", "imei", stack=sdk_stack()).api("location", stack=app_stack())
    t.api("location", stack=app_stack()).other("gps_fix").other("gps_fix")
    t.flow("x.example.com", "imei", attribution="system")
    res = evaluate(t.events, Config())
    assert res.package == "com.example.app"
    assert res.stats["events"] == 7
    assert res.stats["events_by_kind"]["gps_fix"] == 2
    assert res.stats["unknown_kinds"] == 2
    assert res.stats["api_calls_by_actor"] == {"app": 2, "sdk:umeng-analytics": 1}
    assert res.stats["system_flows_ignored"] == 1


def test_unknown_kinds_are_ignored_by_rules():
    events = [OtherEvent(kind="api_call_v2", ts=1.0, category="location")]
    assert evaluate(events, Config()).findings == []


def test_evidence_is_capped_but_everything_is_counted():
    t = Timeline()
    for _ in range(MAX_EVIDENCE + 20):
        t.api("location", "location")
    (f,) = [f for f in evaluate(t.events, Config()).findings if f.rule == "PRE_CONSENT_COLLECTION"]
    assert f.count == MAX_EVIDENCE + 20 and len(f.evidence) == MAX_EVIDENCE


def test_events_without_id_give_no_evidence():
    t = Timeline().api("location")
    t.add(ApiCall, id=None, api="a.B.c", category="location", stack=None)
    fs = [f for f in evaluate(t.events, Config()).findings if f.rule == "PRE_CONSENT_COLLECTION"]
    assert {f.actor: f.evidence for f in fs} == {"app": ["e2"], "unknown": []}


def test_package_argument_until_session_start_and_library_frames():
    t = Timeline(package=None)
    t.api("location", stack=stack("okhttp3.internal.Foo", "com.google.gson.Gson", "com.other.app.Main"))
    t.api("location", stack=stack("com.squareup.okhttp.Call", "com.acme.tools.geo.Locator"))
    actors = {f.actor for f in evaluate(t.events, Config(), package="com.other.app").findings}
    assert actors == {"app", "lib:com.acme.tools"}


def test_findings_sorted_by_severity_and_custom_sdk_db(tmp_path):
    extra = tmp_path / "sigs.json"
    extra.write_text('{"sdks": [{"id": "acme-geo", "name": "Acme", "code_prefixes": ["com.acme.tools."]}]}')
    db = SdkDb.load([extra])
    t = Timeline().api("location", stack=stack("com.acme.tools.geo.Locator")).api("clipboard")
    fs = evaluate(t.events, Config(), sdk_db=db).findings
    assert fs[0].severity.rank >= fs[-1].severity.rank
    assert "sdk:acme-geo" in {f.actor for f in fs}


def _stream(n):
    stack = sdk_stack()
    yield SessionStart(ts=0.0, package="com.example.app")
    for i in range(n):
        yield ApiCall(ts=1.0 + i * 0.01, id=f"e{i}", api="a.B.c", category="device_id", data_type="imei",
                      stack=stack)
        if i % 100 == 0:
            yield UserAction(ts=1.0 + i * 0.01, id=f"u{i}", action="tap")


def _peak(n):
    tracemalloc.start()
    tracemalloc.reset_peak()
    res = evaluate(_stream(n), Config())
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak, res


def test_memory_does_not_grow_with_the_number_of_events():
    _peak(100)  # warm up: rule modules, SDK data, memo tables
    small, _ = _peak(2_000)
    big, res = _peak(20_000)
    (f,) = [f for f in res.findings if f.rule == "EXCESSIVE_FREQUENCY"]
    assert f.count == 20_000 - 3 and len(f.evidence) == MAX_EVIDENCE
    assert big < small * 1.5 + 16_000, (small, big)  # storing events would cost megabytes


def test_a_flow_is_blamed_on_the_code_that_opened_its_connection():
    """The proxy knows the host, the agent knows the stack: an unknown tracker host is blamed on the SDK
    whose code opened the connection, and the app's own request to a known SDK host on the app."""
    t = Timeline()
    t.connect("t.newtracker.cn", stack=sdk_stack()).flow("t.newtracker.cn", "imei")
    t.flow("t.other.cn", "imei")  # nobody was seen opening it
    t.connect("ulogs.umeng.com").flow("ulogs.umeng.com", "imei")  # the app's code, an SDK's host
    t.connect("late.tracker.cn", stack=sdk_stack()).wait(61).flow("late.tracker.cn", "imei")  # too long ago
    res = evaluate(t.events, Config())
    fs = [f for f in res.findings if f.rule == "PRE_CONSENT_TRANSMISSION"]
    assert sorted((f.actor, f.count) for f in fs) == [("app", 1), ("sdk:umeng-analytics", 1), ("unknown", 2)], fs
    assert res.stats["unknown_kinds"] == 0  # net_request is a known kind


def test_connection_window_and_clock_skew():
    from dynscan.attribution import SdkDb
    from dynscan.rules.context import CLOCK_SKEW_S, CONNECTION_WINDOW_S, TimelineContext

    ctx = TimelineContext(Config(), SdkDb.load(), "com.example.app")
    ctx.note_connection("H.example", 100.0, "sdk:a")
    ctx.note_connection("h.example", 110.0, "app")
    ctx.note_connection("h.example", 120.0, "unknown")  # says nothing: not kept
    assert ctx.connection_actor("h.example", 115.0) == "app"
    assert ctx.connection_actor("h.example", 105.0) == "sdk:a"
    assert ctx.connection_actor("h.example", 100.0 - CLOCK_SKEW_S + 0.1) == "sdk:a"  # proxy clock a bit behind
    assert ctx.connection_actor("h.example", 99.0 - CLOCK_SKEW_S) is None
    assert ctx.connection_actor("h.example", 110.0 + CONNECTION_WINDOW_S + 1) is None
    assert ctx.connection_actor("other.example", 105.0) is None


def test_app_label_from_session_start_reaches_the_report_stats():
    events = [SessionStart(ts=1.0, package="com.example.app", app_label="示例 Example")]
    assert evaluate(events, Config()).stats["app_label"] == "示例 Example"
    assert "app_label" not in evaluate([SessionStart(ts=1.0, package="com.example.app")], Config()).stats


def test_stats_list_learned_first_party_hosts_and_each_hosts_actor():
    t = Timeline().accept()
    t.connect("api.own-backend.io").flow("api.own-backend.io", "imei")
    t.flow("alog.umeng.com", "imei").flow("cdn.nobody.io", "imei")
    res = evaluate(t.events, Config())
    assert res.stats["learned_first_party_hosts"] == ["api.own-backend.io"]
    assert res.stats["flow_actors_by_host"] == {"api.own-backend.io": "app", "alog.umeng.com": "sdk:umeng-analytics",
                                                "cdn.nobody.io": "unknown"}
    assert res.stats["flows_by_party"] == {"first": 1, "third": 1, "unknown": 1}
