"""The 164号文 scene sample apps (issue 14) end to end on the virtual device with the default scenario:
each gets exactly the rules its scene predicts, with the driver's reading of the consent UI recorded."""

from __future__ import annotations

import pytest
from samplescans import APPS, EXPECTATIONS, POLICY_GETS, POLICY_URL, SCANS, Scans

#: run name (samplescans.py SCANS) -> (app directory, extra options, the rules the default scenario must raise,
#: no more, no fewer)
RUNS: dict[str, tuple[str, list[str], set[str]]] = {
    # 我已阅读并同意 ticked in advance; after consent: the camera asked at once, a silent .apk download and an
    # install session, an alarm that starts its service, a job, a WorkManager request, a repeating alarm waking
    # its receiver (in the background too), a query of WeChat's provider, an analytics SDK the dialog never names.
    "pushy_updater": ("pushy_updater", [], {
        "CONSENT_UI_PRESELECTED", "CONTEXTLESS_PERMISSION_REQUEST", "AUTO_DOWNLOAD_OR_INSTALL",
        "SELF_OR_ASSOCIATED_START", "UNDISCLOSED_SDK"}),
    # The same against its full policy (policy.html, served over https: --policy URL): it names 极光推送, not
    # Umeng; the Android ID is disclosed.
    "pushy_with_policy": ("pushy_updater", ["--policy", POLICY_URL], {
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
    assert ("PackageInstaller.createSession", None) in downloads, downloads
    assert any(e["kind"] == "permission_check" and e["permission"] == "android.permission.REQUEST_INSTALL_PACKAGES"
               and e["granted"] for e in events)
    starts = {(e["via"], e.get("stage")): e for e in events if e["kind"] == "component_start"}
    assert starts[("alarm", None)]["target_package"] == "com.example.pushy"
    for kind in ("job", "work"):  # scheduled, then run by the virtual device's scheduler
        assert starts[(kind, None)]["component"] == starts[(kind, "run")]["component"]
    assert starts[("job", "run")]["component"] == "com.example.pushy/com.example.pushy.SyncService"
    assert starts[("work", "run")]["component"] == "com.example.pushy/com.example.pushy.PrefetchWorker"
    assert (starts[("query", None)]["target_package"], starts[("query", None)]["uri"]) == \
        ("com.tencent.mm", "com.tencent.mm.sdk.comm.provider")
    assert starts[("receiver", None)]["component"] == "com.example.pushy/com.example.pushy.WakeReceiver"
    alarm_runs = {e["component"] for e in events if e["kind"] == "component_start" and e.get("stage") == "run"
                  and e["via"] == "alarm"}  # the alarms went off: the one-shot's service, the repeating one's receiver
    assert alarm_runs == {"com.example.pushy/com.example.pushy.SyncService", starts[("receiver", None)]["component"]}
    report = scans["pushy_updater"]["report"]
    kinds = {f["data_type"]: f for f in report["findings"] if f["rule"] == "SELF_OR_ASSOCIATED_START"}
    # a count per kind (the installer intent too); receivers only while in the background (the grant phase's HOME)
    assert set(kinds) == {"alarm", "job", "work", "query", "receiver", "startActivity"}, set(kinds)
    woken = [e for e in events if e["kind"] == "component_start" and e["via"] == "receiver"]
    assert 0 < kinds["receiver"]["count"] < len(woken) and kinds["receiver"]["actor"] == "app"
    per_hour = {(r["actor"], r["data_type"]): r for r in report["stats"]["collection_per_hour"]["rows"]}
    assert report["stats"]["collection_per_hour"]["extrapolated"] is True  # a two-minute run, scaled to an hour
    assert per_hour[("sdk:umeng-analytics", "android_id")]["per_hour"] > 0
    report = scans["pushy_with_policy"]["report"]
    url = report["stats"]["policy_sources"][1]
    assert report["stats"]["policy_sources"] == ["privacy dialog (policy.json)", url]
    assert url.startswith("https://127.0.0.1:") and POLICY_GETS == ["/privacy/policy.html"]  # fetched once
    (sdk,) = [f for f in report["findings"] if f["rule"] == "UNDISCLOSED_SDK"]
    assert sdk["actor"] == "sdk:umeng-analytics" and url in sdk["message"]
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
