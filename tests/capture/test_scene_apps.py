"""The 164号文 scene sample apps (issue 14) end to end on the virtual device with the default scenario:
each gets exactly the rules its scene predicts, with the driver's reading of the consent UI recorded."""

from __future__ import annotations

import http.server
import json
import os
import ssl
import subprocess
import sys
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
import trustme

ROOT = Path(__file__).resolve().parents[2]
APPS = ROOT / "examples" / "apps"
DYNSCAN = [sys.executable, "-m", "dynscan"]
TIME_SCALE = "0.2"
POLICY_URL = "{policy_url}"  # filled in by the fixture: a local TLS server's URL of pushy_updater/policy.html

#: run name -> (app directory, extra options, the rules the default scenario must raise, no more, no fewer)
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


POLICY_GETS: list[str] = []  # the paths the policy server was asked for


class _Policy(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        POLICY_GETS.append(self.path)
        body = (APPS / "pushy_updater" / "policy.html").read_bytes()
        self.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nConnection: close\r\n"
                         b"Content-Length: %d\r\n\r\n" % len(body) + body)

    def log_message(self, *args: object) -> None:
        pass


def _policy_server(work: Path) -> tuple[str, dict[str, str]]:
    """pushy_updater's policy over https, and the environment that trusts its CA (SSL_CERT_FILE)."""
    ca = trustme.CA()
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Policy)
    ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1").configure_cert(ctx)
    httpd.socket = ctx.wrap_socket(httpd.socket, server_side=True)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    ca.cert_pem.write_to_path(str(work / "ca.pem"))
    return (f"https://127.0.0.1:{httpd.server_address[1]}/privacy/policy.html",
            {**os.environ, "SSL_CERT_FILE": str(work / "ca.pem")})


def _scan(name: str, app: str, extra: list[str], work: Path, policy: tuple[str, dict[str, str]]) -> dict[str, Any]:
    apk = work / f"{app}.apk"
    if not apk.exists():
        subprocess.run([*DYNSCAN, "sim", "build", str(APPS / app), "-o", str(apk)], check=True,
                       capture_output=True, timeout=300)
    session = work / name
    extra = [policy[0] if a == POLICY_URL else a for a in extra]
    proc = subprocess.run([*DYNSCAN, "run", "--apk", str(apk), "--out", str(session), "--time-scale", TIME_SCALE,
                           "-f", "json", *extra], capture_output=True, text=True, timeout=400, env=policy[1])
    report = json.loads((session / "report.json").read_text()) if (session / "report.json").is_file() else {}
    events = [json.loads(line) for line in (session / "events.jsonl").read_text(encoding="utf-8").splitlines()] \
        if (session / "events.jsonl").is_file() else []
    return {"rc": proc.returncode, "stderr": proc.stderr, "report": report, "events": events}


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Future[dict[str, Any]]]:
    work = tmp_path_factory.mktemp("scene-apps")
    for app in {a for a, _, _ in RUNS.values()}:  # built once, before the runs share them
        subprocess.run([*DYNSCAN, "sim", "build", str(APPS / app), "-o", str(work / f"{app}.apk")], check=True,
                       capture_output=True, timeout=300)
    policy = _policy_server(work)
    pool = ThreadPoolExecutor(4)
    futures = {name: pool.submit(_scan, name, app, extra, work, policy) for name, (app, extra, _) in RUNS.items()}
    pool.shutdown(wait=False)
    return futures


def _result(runs: dict[str, Future[dict[str, Any]]], name: str) -> dict[str, Any]:
    res = runs[name].result(timeout=900)
    assert res["report"], res["stderr"][-3000:]
    return res


@pytest.mark.integration
@pytest.mark.timeout(1200)
@pytest.mark.parametrize("name", sorted(RUNS))
def test_scene_app_gets_exactly_its_rules(runs: dict[str, Future[dict[str, Any]]], name: str) -> None:
    res = _result(runs, name)
    assert {f["rule"] for f in res["report"]["findings"]} == RUNS[name][2], res["stderr"][-3000:]
    fails = name not in PASSING
    assert res["report"]["verdict"] == ("fail" if fails else "pass") and res["rc"] == (1 if fails else 0)


@pytest.mark.integration
@pytest.mark.timeout(1200)
def test_what_the_driver_read_and_what_the_hooks_saw(runs: dict[str, Future[dict[str, Any]]]) -> None:
    events = _result(runs, "pushy_updater")["events"]
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
    report = _result(runs, "pushy_updater")["report"]
    kinds = {f["data_type"]: f for f in report["findings"] if f["rule"] == "SELF_OR_ASSOCIATED_START"}
    # a count per kind (the installer intent too); receivers only while in the background (the grant phase's HOME)
    assert set(kinds) == {"alarm", "job", "work", "query", "receiver", "startActivity"}, set(kinds)
    woken = [e for e in events if e["kind"] == "component_start" and e["via"] == "receiver"]
    assert 0 < kinds["receiver"]["count"] < len(woken) and kinds["receiver"]["actor"] == "app"
    per_hour = {(r["actor"], r["data_type"]): r for r in report["stats"]["collection_per_hour"]["rows"]}
    assert report["stats"]["collection_per_hour"]["extrapolated"] is True  # a two-minute run, scaled to an hour
    assert per_hour[("sdk:umeng-analytics", "android_id")]["per_hour"] > 0
    report = _result(runs, "pushy_with_policy")["report"]
    url = report["stats"]["policy_sources"][1]
    assert report["stats"]["policy_sources"] == ["privacy dialog (policy.json)", url]
    assert url.startswith("https://127.0.0.1:") and POLICY_GETS == ["/privacy/policy.html"]  # fetched once
    (sdk,) = [f for f in report["findings"] if f["rule"] == "UNDISCLOSED_SDK"]
    assert sdk["actor"] == "sdk:umeng-analytics" and url in sdk["message"]
    notice = _result(runs, "notice_only")["report"]
    phases = {p["name"]: p for p in notice["coverage"]["phases"]}
    assert phases["decline"]["reason"] == "the privacy dialog offers no way to refuse"
    assert phases["ad_probe"]["status"] == "skipped"  # no ad there


@pytest.mark.integration
@pytest.mark.timeout(1200)
def test_the_ad_probe_taps_a_neutral_spot_once(runs: dict[str, Future[dict[str, Any]]]) -> None:
    res = _result(runs, "splash_ad")
    probes = [e for e in res["events"] if e["kind"] == "user_action" and (e.get("detail") or {}).get("probe") == "ad"]
    assert len(probes) == 1 and probes[0]["detail"]["close_found"] is False and probes[0]["source"] == "driver"
    (jump,) = [f for f in res["report"]["findings"] if f["rule"] == "AD_TAP_ANYWHERE_JUMP"]
    assert "ads.example-adnet.com" in jump["message"] and jump["evidence"][0] == probes[0]["id"]
    phases = {p["name"]: p["status"] for p in res["report"]["coverage"]["phases"]}
    assert phases["ad_probe"] == "reached" and res["report"]["coverage"]["complete"]


def test_the_emulator_workflow_expects_the_same_rules() -> None:
    """examples/apps/expectations.json (what emulator/ checks on real Android) says what these tests say."""
    kept = json.loads((APPS / "expectations.json").read_text(encoding="utf-8"))
    assert {app: set(kept[app]) for app, extra, _ in RUNS.values() if not extra} == \
        {app: rules for app, extra, rules in RUNS.values() if not extra}
