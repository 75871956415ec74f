from factories import Timeline, sdk_stack

R = "THIRD_PARTY_TRANSMISSION"


def test_fires_for_known_sdk_hosts_and_hosts_an_sdk_opened(run):
    t = Timeline(first_party_domains=["example.com"]).accept()
    t.flow("alog.umeng.com", "oaid")
    t.connect("t.ads.io", stack=sdk_stack()).flow("t.ads.io", "adid")
    fs = {(f.actor, f.data_type): f for f in run(t, R)}
    assert set(fs) == {("sdk:umeng-analytics", "oaid"), ("sdk:umeng-analytics", "adid")}
    assert "t.ads.io" in fs[("sdk:umeng-analytics", "adid")].message


def test_quiet_for_first_party_unknown_or_system(run):
    t = Timeline(first_party_domains=["example.com"]).accept()
    t.flow("api.example.com", "imei").flow("cdn.unknown.net", "imei")
    t.flow("alog.umeng.com", "imei", attribution="system").flow("t.ads.io", party="third")
    t.flow("t.ads.io", "imei", party="third")  # the proxy's stored party is not a second opinion
    assert run(t, R) == []


def test_first_party_domains_from_config(run):
    t = Timeline().accept().flow("alog.umeng.com", "imei")
    assert run(t, R, first_party_domains=["umeng.com"]) == []


def test_a_host_only_the_app_contacts_is_its_own(run):
    t = Timeline().accept().connect("backend.myshop.io").flow("backend.myshop.io", "imei")
    assert run(t, R) == [] and run(t, "UNKNOWN_PARTY_TRANSMISSION") == []
