from factories import Timeline, stack

R = "UNKNOWN_PARTY_TRANSMISSION"


def test_a_host_with_neither_sdk_data_nor_sdk_code_is_unknown_at_info(run):
    t = Timeline(first_party_domains=["example.com"]).accept().flow("cdn.unknown.net", "imei")
    t.connect("t.other.io", stack=stack("org.somelib.Net", "android.app.Activity")).flow("t.other.io", "adid")
    fs = run(t, R)
    assert {(f.severity.value, f.data_type) for f in fs} == {("info", "imei"), ("info", "adid")}
    assert run(t, "THIRD_PARTY_TRANSMISSION") == []


def test_quiet_for_first_third_and_learned_hosts(run):
    t = Timeline(first_party_domains=["example.com"]).accept()
    t.flow("api.example.com", "imei").flow("alog.umeng.com", "imei")
    t.connect("backend.myshop.io").flow("backend.myshop.io", "imei")
    assert run(t, R) == []
