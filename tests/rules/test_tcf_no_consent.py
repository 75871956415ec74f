import pytest

from dynscan.rules.tcf import TcfState, vendor_for_host
from factories import Timeline, tc_string

R = "TCF_NO_CONSENT"
EU = {"jurisdiction": "eu"}


def test_personal_data_to_a_vendor_before_any_tc_string(run):
    t = Timeline().flow("pagead2.googlesyndication.com", "adid").flow("ulogs.umeng.com", "imei")  # an SDK host
    (f,) = [f for f in run(t, R, **EU) if f.data_type == "adid"]
    assert "googlesyndication.com: no TC string yet" in f.message and f.severity.value == "high"
    assert [f.data_type for f in run(t, R, **EU)] == ["adid", "imei"]


def test_quiet_outside_the_eu_and_for_first_party_or_no_pii(run):
    t = Timeline().flow("pagead2.googlesyndication.com", "adid")
    assert run(t, R) == [] and run(t, R, jurisdiction="cn") == []
    t = Timeline(first_party_domains=["example.com"]).flow("api.example.com", "imei").flow("doubleclick.net")
    assert run(t, R, **EU) == []


def test_a_tc_string_with_the_vendor_and_purpose_one_allows_it(run):
    t = Timeline().tcf("IABTCF_TCString", tc_string(purposes=(1, 2, 3), vendors=(755, 91)))
    t.flow("pagead2.googlesyndication.com", "adid").flow("bidder.criteo.com", "adid")
    t.flow("t.tracker.example", "imei", party="third")  # not a vendor we can look up: not judged
    assert run(t, R, **EU) == []


def test_a_vendor_without_consent_in_the_tc_string_fires(run):
    t = Timeline().tcf("IABTCF_TCString", tc_string(purposes=(1, 2), vendors=(755,)))
    t.flow("bidder.criteo.com", "adid")
    (f,) = run(t, R, **EU)
    assert "bidder.criteo.com: vendor 91 not consented" in f.message


def test_no_purpose_one_consent_fires_for_every_vendor(run):
    t = Timeline().tcf("IABTCF_TCString", tc_string(purposes=(2, 3), vendors=(755,)), op="read")
    t.flow("pagead2.googlesyndication.com", "adid")
    (f,) = run(t, R, **EU)
    assert "purpose 1 not consented" in f.message


def test_the_decoded_keys_win_and_clearing_the_app_data_forgets_them(run):
    t = Timeline().tcf("IABTCF_TCString", tc_string(purposes=(1,), vendors=(755,)))
    t.tcf("IABTCF_VendorConsents", "0" * 90 + "1")  # vendor 91 only
    t.flow("pagead2.googlesyndication.com", "adid")
    assert "vendor 755 not consented" in run(t, R, **EU)[0].message
    t = Timeline().tcf("IABTCF_TCString", tc_string()).reset().flow("pagead2.googlesyndication.com", "adid")
    assert "no TC string yet" in run(t, R, **EU)[0].message


def test_configured_vendor_hosts_are_judged(run):
    t = Timeline().tcf("IABTCF_TCString", tc_string(vendors=(755,))).flow("ads.example-dsp.io", "adid")
    (f,) = run(t, R, jurisdiction="eu", tcf_vendors={"example-dsp.io": 1234})
    assert "vendor 1234 not consented" in f.message


@pytest.mark.parametrize(("host", "vendor"), [("stats.g.doubleclick.net", 755), ("doubleclick.net.evil.com", None),
                                              ("adsrvr.org", 21), ("example.com", None)])
def test_vendor_for_host(host, vendor):
    assert vendor_for_host(host) == vendor


def test_a_malformed_tc_string_is_present_but_undecoded():
    s = TcfState()
    s.update("IABTCF_TCString", "not a tc string")
    assert s.tc_string and not s.decoded and s.missing_consent(755) is None
