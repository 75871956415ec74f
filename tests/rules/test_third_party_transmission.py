from factories import Timeline

R = "THIRD_PARTY_TRANSMISSION"


def test_fires_for_third_party_and_known_sdk_hosts(run):
    t = Timeline(first_party_domains=["example.com"]).accept()
    t.flow("t.ads.io", "adid", party="third").flow("alog.umeng.com", "oaid")
    fs = {f.actor: f for f in run(t, R)}
    assert set(fs) == {"unknown", "sdk:umeng-analytics"}
    assert fs["unknown"].data_type == "adid" and "t.ads.io" in fs["unknown"].message


def test_quiet_for_first_party_unknown_or_system(run):
    t = Timeline(first_party_domains=["example.com"]).accept()
    t.flow("api.example.com", "imei").flow("cdn.unknown.net", "imei")
    t.flow("alog.umeng.com", "imei", attribution="system").flow("t.ads.io", party="third")
    assert run(t, R) == []


def test_first_party_domains_from_config(run):
    t = Timeline().accept().flow("alog.umeng.com", "imei")
    assert run(t, R, first_party_domains=["umeng.com"]) == []
