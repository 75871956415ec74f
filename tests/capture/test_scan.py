"""``dynscan run`` end to end on the virtual device: real JVM, real Frida agent, real mitmdump."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from samplescans import PIDS, TIME_SCALE, Scans, no_run_processes

from dynscan.errors import InputError
from dynscan.identity import PLACEHOLDERS
from dynscan.learning import VALUE_TYPES
from dynscan.scan import ScanOptions, scan

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parents[2]
DYNSCAN = [sys.executable, "-m", "dynscan"]
#: {app_dir: [rule ids]}: shared with the emulator CI (emulator/check_reports.py)
EXPECTED = json.loads((ROOT / "examples" / "apps" / "expectations.json").read_text())


def _build(app: str, out: Path) -> Path:
    apk = out / f"{app}.apk"
    subprocess.run([*DYNSCAN, "sim", "build", str(ROOT / "examples" / "apps" / app), "-o", str(apk)],
                   check=True, capture_output=True, timeout=180)
    return apk


@pytest.mark.timeout(1200)
@pytest.mark.scans("leaky")
def test_leaky_app_scan_finds_the_sdk_collecting_before_consent(scans: Scans) -> None:
    res = scans["leaky"]  # the default scenario, its waits scaled (samplescans.py), every report format
    session = res["session"]
    assert res["rc"] == 1, res["stderr"]  # critical findings at or above the default --fail-on high
    report = json.loads((session / "report.json").read_text())
    assert report["verdict"] == "fail" and report["package"] == "com.example.leaky"
    got = {(f["rule"], f["actor"], f.get("data_type")) for f in report["findings"]}
    assert ("PRE_CONSENT_COLLECTION", "sdk:umeng-analytics", "imei") in got
    assert ("COLLECTION_AFTER_DECLINE", "sdk:umeng-analytics", "android_id") in got
    assert any(r == "PRE_CONSENT_TRANSMISSION" and a == "sdk:umeng-analytics" for r, a, _ in got)
    assert any(r == "REPEATED_PERMISSION_REQUEST" for r, _, _ in got)
    assert any(r == "SHAKE_TO_JUMP" for r, _, _ in got)
    assert set(EXPECTED["leaky"]) <= {r for r, _, _ in got}
    import sqlite3
    with sqlite3.connect(session / "session.db") as c:
        events = [json.loads(b) for (b,) in c.execute("SELECT body FROM events ORDER BY ts, seq")]
    grant_start = next(e["ts"] for e in events if e["kind"] == "phase" and e["name"] == "grant")
    results = [e for e in events if e["kind"] == "permission_result" and e.get("source") == "agent"]
    assert {e["permission"] for e in results} == {"android.permission.READ_PHONE_STATE"}
    assert results and all(e["granted"] is (e["ts"] > grant_start) for e in results)  # denied, then allowed
    coverage = report["coverage"]
    assert [(p["name"], p["status"]) for p in coverage["phases"]] == [
        (n, "reached") for n in ("first_launch", "decline", "deny", "grant", "shake_probe")] + [
        ("ad_probe", "skipped")]  # no ad: skipped, and the run still complete
    # Declared but never asked for: granted through the device in the grant phase, as a driver action.
    assert coverage["granted_by_device"] == ["android.permission.ACCESS_FINE_LOCATION"]
    assert coverage["background_s"] >= 25 * TIME_SCALE and coverage["privacy_dialog"] is True
    taps = [e["target"] for e in events if e["kind"] == "user_action" and e["action"] == "tap"]
    assert any("allow" in t.lower() for t in taps), taps
    assert [e["action"] for e in events if e["kind"] == "consent"][:2] == ["policy_shown", "policy_declined"]
    for name in ("report.html", "report.sarif", "report.junit.xml", "report.xlsx", "flows.mitm",
                 "identity.json", "session.json", "session.db", "events.jsonl"):
        assert (session / name).is_file(), name
    device = json.loads((session / "session.json").read_text())["device"]
    assert device["ca_installed"] is True and device["notes"] == []  # described with the proxy in place
    opened = [e for e in events if e["kind"] == "net_request" and e["host"] == "ulogs.umeng.com"]
    assert opened and opened[0]["url"] == "https://ulogs.umeng.com/unify_logs"  # who opened the connection ...
    assert any(f.startswith("com.umeng.") for f in opened[0]["stack"]), opened[0]["stack"]  # ... from its stack
    app_log = (session / "logs" / "com.example.leaky.log").read_text(encoding="utf-8")
    assert "onCreate" in app_log or "I/" in app_log, app_log[:500]  # the app's own log output, kept
    tap_events = [e for e in events if e["kind"] == "user_action" and e["action"] == "tap"
                  and e["source"] == "driver" and e["target"] != "launcher icon"]  # taps on a screen
    screens = [e["detail"]["screen"] for e in tap_events]
    assert len(screens) == len(tap_events) and all(s.startswith("ui/") and s.endswith(".xml") for s in screens)
    for name in screens:  # the screen the driver acted on, as uiautomator XML, holding what it tapped
        assert (session / name).read_text(encoding="utf-8").startswith("<?xml"), name
    exported = [json.loads(line) for line in (session / "events.jsonl").read_text().splitlines()]
    assert exported == events  # the whole timeline, in the store's order
    learned = {(v["type"], v["value"]) for v in json.loads((session / "identity.json").read_text()).get("learned", [])}
    seen = {(e["data_type"], str(e["value"])) for e in events
            if e["kind"] == "api_call" and e.get("data_type") in VALUE_TYPES and isinstance(e.get("value"), str)
            and e["value"] and e["value"].lower() not in PLACEHOLDERS}
    device_values = {v for v in json.loads((session / "identity.json").read_text()).values() if isinstance(v, str)}
    assert {p for p in seen if p[1] not in device_values} <= learned
    shared = [f"{p.relative_to(session)} {p.stat().st_mode & 0o777:o}" for p in [session, *session.rglob("*")]
              if p.stat().st_mode & 0o077]
    assert shared == [], "session files are readable by others"  # 0600 files, 0700 directories
    # personal values are redacted: the IMEI the device handed out is nowhere in the reports
    imei = json.loads((session / "identity.json").read_text())["imei"]
    for name in ("report.json", "report.html", "report.sarif", "report.junit.xml"):
        assert imei not in (session / name).read_text(encoding="utf-8"), name
    scans.settle()  # every sample run of the session, this one among them
    assert no_run_processes(PIDS) == [], "a JVM or mitmdump outlived its run"


@pytest.mark.timeout(300)
def test_compliant_app_passes_the_quick_scenario_with_the_report_on_stdout(tmp_path: Path) -> None:
    apk = _build("compliant", tmp_path)
    work = tmp_path / "cwd"
    work.mkdir()
    proc = subprocess.run([*DYNSCAN, "run", "--apk", str(apk), "--scenario", "quick", "--format", "json"],
                          capture_output=True, text=True, timeout=280, cwd=work)
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)  # no --out: the JSON report on stdout, progress on stderr
    (session,) = work.glob("dynscan-*")  # and the session in ./dynscan-<time>
    assert json.loads((session / "report.json").read_text()) == report
    assert report["package"] == "com.example.compliant"
    rules = {f["rule"] for f in report["findings"]}
    assert not rules & {"PRE_CONSENT_COLLECTION", "PRE_CONSENT_TRANSMISSION", "COLLECTION_AFTER_DECLINE"}, rules
    assert set(EXPECTED["compliant"]) <= rules
    assert report["verdict"] == "pass"


def test_bad_apk_and_occupied_session_are_one_line_errors(tmp_path: Path) -> None:
    junk = tmp_path / "junk.apk"
    junk.write_bytes(b"not a zip")
    proc = subprocess.run([*DYNSCAN, "run", "--apk", str(junk), "--out", str(tmp_path / "s")],
                          capture_output=True, text=True, timeout=120, env={**os.environ})
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr, proc.stderr
    used = tmp_path / "used"
    used.mkdir()
    (used / "session.db").write_bytes(b"")
    zipped = tmp_path / "zipped.apk"
    with zipfile.ZipFile(zipped, "w") as z:
        z.writestr("AndroidManifest.xml", "<manifest/>")
    with pytest.raises(InputError, match="already holds a session"):
        scan(ScanOptions(apk=zipped, out=used), progress=lambda _m: None)
    with pytest.raises(InputError, match="--interactive needs a phone or an emulator"):
        scan(ScanOptions(apk=zipped, out=tmp_path / "i", interactive=True), progress=lambda _m: None)
    assert not (tmp_path / "i").exists()  # refused before anything was created
    assert (used / "session.db").read_bytes() == b""  # nothing was overwritten


@pytest.mark.timeout(300)
def test_sigterm_mid_run_cleans_up_and_keeps_what_was_captured(tmp_path: Path) -> None:
    import signal
    import sqlite3
    import time

    apk = _build("leaky", tmp_path)
    session = tmp_path / "session"
    proc = subprocess.Popen([*DYNSCAN, "run", "--apk", str(apk), "--out", str(session)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:  # wait until the agent has recorded a first call
            time.sleep(0.5)
            db = session / "session.db"
            if db.exists():
                with sqlite3.connect(db, timeout=5) as c:
                    try:
                        if c.execute("SELECT count(*) FROM events WHERE kind = 'api_call'").fetchone()[0]:
                            break
                    except sqlite3.OperationalError:  # created a moment ago, its tables not yet
                        continue
        else:
            pytest.fail("no api_call recorded within 120 s")
        proc.send_signal(signal.SIGTERM)
        _out, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 130, err  # interrupted, as shells report SIGINT; cleaned up first
    assert err.strip().splitlines()[-1] == f"dynscan: interrupted; what was recorded so far is in {session}"
    assert "Traceback" not in err
    with sqlite3.connect(session / "session.db") as c:
        recorded = c.execute("SELECT count(*) FROM events").fetchone()[0]
        assert c.execute("SELECT count(*) FROM events WHERE kind = 'api_call'").fetchone()[0] >= 1
    assert len((session / "events.jsonl").read_text().splitlines()) == recorded  # exported on the way out
    assert no_run_processes([proc.pid]) == [], "a JVM or mitmdump outlived the interrupted run"


@pytest.mark.timeout(300)
def test_scenario_file_drives_consent_and_a_granted_permission(tmp_path: Path) -> None:
    import sqlite3

    apk = _build("compliant", tmp_path)
    scenario = tmp_path / "grant.yaml"
    scenario.write_text(
        "- do: launch\n"
        "- do: policy\n  answer: accept\n  timeout: 15\n"
        "- do: wait\n  seconds: 1\n"
        "- do: tap\n  text: Continue\n"  # the app's own rationale dialog, then the system dialog
        "- do: permissions\n  answer: allow\n  seconds: 3\n"
        "- do: stop\n")
    session = tmp_path / "s"
    report = scan(ScanOptions(apk=apk, out=session, scenario=str(scenario), formats=["json"]),
                  progress=lambda _m: None)
    with sqlite3.connect(session / "session.db") as c:
        rows = [json.loads(b) for (b,) in c.execute("SELECT body FROM events ORDER BY ts, seq")]
    kinds = [(e["kind"], e.get("source")) for e in rows]
    consent = [e["action"] for e in rows if e["kind"] == "consent"]
    assert consent == ["policy_shown", "policy_accepted"]
    request = next(e for e in rows if e["kind"] == "permission_request")
    assert request["permissions"] == ["android.permission.ACCESS_COARSE_LOCATION"]
    results = [e for e in rows if e["kind"] == "permission_result"]
    assert results and results[-1]["granted"] is True, results
    assert ("user_action", "driver") in kinds and ("app_state", "agent") in kinds
    first_consent = next(e["ts"] for e in rows if e["kind"] == "consent")
    locations = [e for e in rows if e["kind"] == "api_call" and e["category"] == "location"]
    assert locations and all(e["ts"] >= results[-1]["ts"] > first_consent for e in locations)
    accepted = next(e["ts"] for e in rows if e.get("action") == "policy_accepted")
    assert all(e["ts"] >= accepted for e in rows if e["kind"] in ("api_call", "permission_check"))
    assert not {f.rule for f in report.findings} & {"PRE_CONSENT_COLLECTION", "PRE_CONSENT_PERMISSION_REQUEST"}


@pytest.mark.timeout(1200)
@pytest.mark.scans("pushy")
def test_the_apps_push_process_is_instrumented_too(scans: Scans) -> None:
    """A service declared with android:process=":push" runs in a second JVM, held at birth like the main
    one; its SDK's collection is in the timeline with its process and actor, and in the report."""
    res = scans["pushy"]  # the default scenario, its waits scaled; no JVM left: the leaky test checks
    assert res["rc"] == 1, res["stderr"]
    events = res["events"]
    pushed = [e for e in events if e["kind"] == "api_call" and e.get("process") == "com.example.pushy:push"]
    assert pushed and pushed[0]["data_type"] == "android_id", events
    assert not [e for e in events if e["kind"] == "api_call" and e.get("process") == "com.example.pushy"]
    found = {f["rule"]: f for f in res["report"]["findings"]}
    assert set(EXPECTED["pushy"]) <= set(found)
    assert found["PRE_CONSENT_COLLECTION"]["actor"] == "sdk:getui-push"
    assert pushed[0]["id"] in found["PRE_CONSENT_COLLECTION"]["evidence"]


@pytest.mark.timeout(300)
def test_an_sdk_uploading_the_app_list_and_contacts_is_caught_sending_them(tmp_path: Path) -> None:
    """Issue 13: values the app read (package names, contact names and numbers) are canaries too."""
    apk = _build("harvester", tmp_path)
    scenario = tmp_path / "harvest.yaml"
    scenario.write_text("name: harvest\nsteps:\n  - {do: launch}\n  - {do: permissions, answer: allow, seconds: 4}\n"
                        "  - {do: wait, seconds: 3}\n  - {do: stop}\n")
    session = tmp_path / "session"
    proc = subprocess.run([*DYNSCAN, "run", "--apk", str(apk), "--scenario", str(scenario), "--out", str(session)],
                          capture_output=True, text=True, timeout=280)
    assert proc.returncode == 1, proc.stderr
    report = json.loads((session / "report.json").read_text())
    got = {(f["rule"], f["actor"], f.get("data_type")) for f in report["findings"]}
    for rule in ("PRE_CONSENT_TRANSMISSION", "THIRD_PARTY_TRANSMISSION"):
        assert (rule, "sdk:getui-push", "app_list") in got, got
        assert (rule, "sdk:getui-push", "contacts") in got, got
    assert ("CLEARTEXT_TRANSMISSION", "sdk:getui-push", "contacts") in got, got
    assert set(EXPECTED["harvester"]) <= {r for r, _, _ in got}
    (raw,) = [f for f in report["findings"] if f["rule"] == "UNINSPECTED_TRAFFIC"]  # the push socket
    assert raw["actor"] == "sdk:getui-push" and raw["severity"] == "medium" and "192.0.2.10:5224" in raw["message"]
    assert "192.0.2.10" in report["stats"]["uninspected_hosts"]
    events = [json.loads(line) for line in (session / "events.jsonl").read_text().splitlines()]
    flows = {e["host"]: e for e in events if e["kind"] == "flow"}
    assert {p["type"] for p in flows["sdk.getui.com"]["pii"]} == {"app_list"}
    contacts = {(p["type"], p["encoding"]) for p in flows["c.getui.net"]["pii"]}
    assert ("contacts", "url") in contacts, contacts  # "Zhang Wei" form-encoded, and the numbers
    learned = {(v["type"], v["value"]) for v in json.loads((session / "identity.json").read_text())["learned"]}
    assert ("app_list", "com.tencent.mm") in learned and ("contacts", "+86 138 0013 8000") in learned
    assert ("app_list", "com.example.harvester") not in learned  # the app's own package is no canary
