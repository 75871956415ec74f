"""The 164号文 scene sample apps (issue 14) end to end on the virtual device with the default scenario:
each gets exactly the rules its scene predicts, with the driver's reading of the consent UI recorded."""

from __future__ import annotations

import pytest
from samplescans import APPS, EXPECTATIONS, SCANS, Scans

#: run name (conftest.py SCANS) -> (app directory, extra options, the rules the default scenario must raise,
#: no more, no fewer)
RUNS: dict[str, tuple[str, list[str], set[str]]] = {
    # 我已阅读并同意 ticked in advance; after consent: the camera asked at once, a silent .apk download, an
    # alarm that starts its service, an analytics SDK the dialog never names.
    "pushy_updater": ("pushy_updater", [], {
        "CONSENT_UI_PRESELECTED", "CONTEXTLESS_PERMISSION_REQUEST", "AUTO_DOWNLOAD_OR_INSTALL",
        "SELF_OR_ASSOCIATED_START", "UNDISCLOSED_SDK"}),
    # The same against its full policy (policy.html): it names 极光推送, not Umeng; the Android ID is disclosed.
    "pushy_with_policy": ("pushy_updater", ["--policy", str(APPS / "pushy_updater" / "policy.html")], {
        "CONSENT_UI_PRESELECTED", "CONTEXTLESS_PERMISSION_REQUEST", "AUTO_DOWNLOAD_OR_INSTALL",
        "SELF_OR_ASSOCIATED_START", "UNDISCLOSED_SDK"}),
    # 我知道了 is the only answer: the decline phase cannot refuse.
    "notice_only": ("notice_only", [], {"CONSENT_UI_NO_REFUSAL"}),
    # A splash ad whose whole surface opens the advertiser's page, with nothing to close it (both medium).
    "splash_ad": ("splash_ad", [], {"AD_TAP_ANYWHERE_JUMP", "AD_NO_CLOSE"}),
}
#: Runs whose findings are all below high: the verdict is pass.
PASSING = {"splash_ad"}


@pytest.mark.integration
@pytest.mark.timeout(1200)
@pytest.mark.parametrize("name", sorted(RUNS))
def test_scene_app_gets_exactly_its_rules(scans: Scans, name: str) -> None:
    res = scans[name]
    assert {f["rule"] for f in res["report"]["findings"]} == RUNS[name][2], res["stderr"][-3000:]
    fails = name not in PASSING
    assert res["report"]["verdict"] == ("fail" if fails else "pass") and res["rc"] == (1 if fails else 0)


@pytest.mark.integration
@pytest.mark.timeout(1200)
@pytest.mark.scans("pushy_updater", "pushy_with_policy", "notice_only")
def test_what_the_driver_read_and_what_the_hooks_saw(scans: Scans) -> None:
    events = scans["pushy_updater"]["events"]
    shown = [e.get("detail") for e in events if e["kind"] == "consent" and e["action"] == "policy_shown"]
    assert shown and all(d == {"refusal": True, "preselected": True} for d in shown), shown
    downloads = [(e["via"], e.get("uri")) for e in events if e["kind"] == "download"]
    assert downloads[:2] == [("DownloadManager.enqueue", "https://cdn.pushy.example/update/pushy-2.0.apk"),
                             ("ACTION_VIEW", "file:///sdcard/Download/pushy-2.0.apk")], downloads
    starts = {e["via"]: e for e in events if e["kind"] == "component_start"}
    assert starts["alarm"]["target_package"] == "com.example.pushy"
    assert starts["job"]["component"] == "com.example.pushy/com.example.pushy.SyncService"
    report = scans["pushy_updater"]["report"]
    kinds = {f["data_type"]: f["count"] for f in report["findings"] if f["rule"] == "SELF_OR_ASSOCIATED_START"}
    assert set(kinds) == {"alarm", "job", "startActivity"}, kinds  # a count per kind (the installer intent too)
    report = scans["pushy_with_policy"]["report"]
    assert report["stats"]["policy_sources"] == ["privacy dialog (policy.json)", "policy.html"]
    (sdk,) = [f for f in report["findings"] if f["rule"] == "UNDISCLOSED_SDK"]
    assert sdk["actor"] == "sdk:umeng-analytics" and "policy.html" in sdk["message"]
    notice = scans["notice_only"]["report"]
    phases = {p["name"]: p for p in notice["coverage"]["phases"]}
    assert phases["decline"]["reason"] == "the privacy dialog offers no way to refuse"
    assert phases["ad_probe"]["status"] == "skipped"  # no ad there


@pytest.mark.integration
@pytest.mark.timeout(1200)
@pytest.mark.scans("splash_ad")
def test_the_ad_probe_taps_a_neutral_spot_once(scans: Scans) -> None:
    res = scans["splash_ad"]
    probes = [e for e in res["events"] if e["kind"] == "user_action" and (e.get("detail") or {}).get("probe") == "ad"]
    assert len(probes) == 1 and probes[0]["detail"]["close_found"] is False and probes[0]["source"] == "driver"
    (jump,) = [f for f in res["report"]["findings"] if f["rule"] == "AD_TAP_ANYWHERE_JUMP"]
    assert "ads.example-adnet.com" in jump["message"] and jump["evidence"][0] == probes[0]["id"]
    phases = {p["name"]: p["status"] for p in res["report"]["coverage"]["phases"]}
    assert phases["ad_probe"] == "reached" and res["report"]["coverage"]["complete"]


def test_the_emulator_workflow_expects_the_same_rules() -> None:
    """examples/apps/expectations.json (what emulator/ checks on real Android) says what these tests say."""
    assert {app: EXPECTATIONS[app] for app, extra, _ in RUNS.values() if not extra} == \
        {app: rules for app, extra, rules in RUNS.values() if not extra}
    assert all(SCANS[name].src == APPS / app and set(extra) <= set(SCANS[name].extra)
               for name, (app, extra, _) in RUNS.items())  # the runs conftest.py makes are these
