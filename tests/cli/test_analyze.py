"""``dynscan analyze`` end to end: the CliRunner app and the real console script."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson
import pytest
from typer.testing import CliRunner

from dynscan.cli.main import app

REPO = Path(__file__).resolve().parents[2]
DEMO = REPO / "examples" / "sessions" / "leaky-demo"
runner = CliRunner()

UMENG = ["android.telephony.TelephonyManager.getImei(Native Method)",
         "com.umeng.commonsdk.statistics.idtracking.ImeiTracker.getImei(ImeiTracker.java:40)",
         "com.example.shop.ShopApp.onCreate(ShopApp.java:20)"]
#: A hand-written timeline, from CONTRACTS alone.
TIMELINE: list[dict[str, Any]] = [
    {"kind": "session_start", "ts": 100.0, "package": "com.example.shop", "first_party_domains": ["shop.example"]},
    {"kind": "app_launch", "ts": 100.5, "cold": True},
    {"kind": "api_call", "ts": 101.0, "id": "imei-early", "api": "android.telephony.TelephonyManager.getImei",
     "category": "device_id", "data_type": "imei", "stack": UMENG},
    {"kind": "flow", "ts": 101.5, "id": "send-early", "method": "POST", "url": "https://ulogs.umeng.com/x",
     "host": "ulogs.umeng.com", "scheme": "https", "party": "third",
     "pii": [{"type": "imei", "encoding": "md5", "location": "body"}]},
    {"kind": "consent", "ts": 103.0, "action": "policy_shown"},
    {"kind": "user_action", "ts": 104.0, "action": "tap", "target": "agree"},
    {"kind": "consent", "ts": 104.1, "action": "policy_accepted"},
    {"kind": "flow", "ts": 105.0, "method": "GET", "url": "https://shop.example/api", "host": "shop.example",
     "scheme": "https", "pii": []},
    {"kind": "api_call", "ts": 110.0, "id": "clip", "api": "android.content.ClipboardManager.getPrimaryClip",
     "category": "clipboard", "data_type": "clipboard",
     "stack": ["android.content.ClipboardManager.getPrimaryClip(Native Method)",
               "com.example.shop.Main.onResume(Main.java:9)"]},
]


def write(path: Path, events: list[dict[str, Any]]) -> Path:
    path.write_bytes(b"".join(orjson.dumps(e) + b"\n" for e in events))
    return path


def dynscan(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """The real console entry point (``python -m dynscan``), as a user runs it."""
    return subprocess.run([sys.executable, "-m", "dynscan", *args], capture_output=True, text=True,
                          timeout=120, env={**os.environ, **(env or {})})


def findings(report: dict[str, Any]) -> set[tuple[str, str, str | None]]:
    return {(f["rule"], f["actor"], f["data_type"]) for f in report["findings"]}


def test_hand_written_timeline_gives_the_expected_findings(tmp_path: Path) -> None:
    result = runner.invoke(app, ["analyze", "--events", str(write(tmp_path / "t.jsonl", TIMELINE))])
    assert result.exit_code == 1, result.output
    report = json.loads(result.stdout)
    assert report["schema"] == "dynscan.report/1" and report["package"] == "com.example.shop"
    assert report["verdict"] == "fail"
    assert findings(report) >= {
        ("PRE_CONSENT_COLLECTION", "sdk:umeng-analytics", "imei"),
        ("PRE_CONSENT_TRANSMISSION", "sdk:umeng-analytics", "imei"),
        ("CLIPBOARD_READ", "app", "clipboard"),
    }
    by_rule = {f["rule"]: f for f in report["findings"]}
    assert by_rule["PRE_CONSENT_COLLECTION"]["evidence"] == ["imei-early"]
    assert by_rule["PRE_CONSENT_COLLECTION"]["severity"] == "critical"
    stats = report["stats"]
    assert stats["events"] == len(TIMELINE) and stats["unknown_kinds"] == 0
    assert stats["duration_s"] == 10.0 and stats["out_of_order"] == 0
    assert stats["findings_by_severity"]["critical"] >= 2


def test_fail_on_threshold_sets_the_exit_code(tmp_path: Path) -> None:
    src = str(write(tmp_path / "t.jsonl", TIMELINE))
    assert runner.invoke(app, ["analyze", "--events", src, "--fail-on", "never"]).exit_code == 0
    assert runner.invoke(app, ["analyze", "--events", src, "--fail-on", "critical"]).exit_code == 1
    clean = write(tmp_path / "clean.jsonl", [e for e in TIMELINE if e.get("id") is None])
    result = runner.invoke(app, ["analyze", "--events", str(clean)])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["verdict"] == "pass"


def test_package_option_overrides_session_start(tmp_path: Path) -> None:
    src = str(write(tmp_path / "t.jsonl", TIMELINE))
    before = json.loads(runner.invoke(app, ["analyze", "--events", src]).stdout)
    assert ("CLIPBOARD_READ", "app", "clipboard") in findings(before)
    result = runner.invoke(app, ["analyze", "--events", src, "--package", "com.other.app"])
    report = json.loads(result.stdout)
    assert report["package"] == "com.other.app"
    clip = [f for f in report["findings"] if f["rule"] == "CLIPBOARD_READ"]
    assert len(clip) == 1 and clip[0]["actor"] != "app"


def test_out_dir_gets_every_format_and_the_store(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = runner.invoke(app, ["analyze", "--events", str(write(tmp_path / "t.jsonl", TIMELINE)),
                                 "--out", str(out), "--fail-on", "never"])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert sorted(p.name for p in out.iterdir()) == sorted(
        ["report.json", "report.html", "report.sarif", "report.junit.xml", "report.xlsx", "session.db"])
    narrowed = runner.invoke(app, ["analyze", "--events", str(tmp_path / "t.jsonl"), "--out",
                                   str(tmp_path / "o2"), "-f", "sarif", "-f", "json"])
    assert narrowed.exit_code == 1
    assert sorted(p.name for p in (tmp_path / "o2").iterdir()) == ["report.json", "report.sarif", "session.db"]


def test_demo_session_as_in_the_readme(tmp_path: Path) -> None:
    out = tmp_path / "demo-out"
    result = dynscan("analyze", str(DEMO), "--out", str(out), "--fail-on", "never")
    assert result.returncode == 0, result.stderr
    # 19: the permission the demo app asks at its launch after consent is CONTEXTLESS_PERMISSION_REQUEST too
    # the demo's foreground comes from the driver alone (a real agent reports it): its coverage says so, and
    # so does the verdict line
    assert result.stderr == ("dynscan: verdict: fail (19 findings; the run was incomplete too; the app never "
                             f"reached the foreground); reports in {out}\n")  # no warning
    assert ("UNKNOWN_PARTY_TRANSMISSION", "unknown", "oaid") in findings(json.loads((out / "report.json").read_text()))
    assert not (DEMO / "session.db").exists()
    report = json.loads((out / "report.json").read_text())
    html = (out / "report.html").read_text(encoding="utf-8")
    assert ("Scenario: <code>smoke</code> · Device: Pixel 6 (<code>sim</code>) · "
            "Rule settings: <code>defaults</code>") in html
    assert report["stats"]["provenance"] == {  # what the report was made from
        "config": "defaults", "lang": "en",
        "recording": {"scenario": "smoke", "started": 1764230400.0, "finished": 1764230520.0,
                      "device": {"serial": "sim", "kind": None, "model": "Pixel 6", "sdk_int": None},
                      "dynscan_version": "0.1.0"}}
    assert report["package"] == "com.example.leaky" and report["verdict"] == "fail"
    got = findings(report)
    for expected in [("PRE_CONSENT_COLLECTION", "sdk:umeng-analytics", "imei"),
                     ("PRE_CONSENT_COLLECTION", "sdk:umeng-analytics", "android_id"),
                     ("PRE_CONSENT_TRANSMISSION", "sdk:umeng-analytics", "imei"),
                     ("PRE_CONSENT_PERMISSION_REQUEST", "app", None),
                     ("REPEATED_PERMISSION_REQUEST", "app", None),
                     ("ACCESS_AFTER_PERMISSION_DENIAL", "sdk:umeng-analytics", "imei"),
                     ("APP_LIST_COLLECTION", "sdk:umeng-analytics", "app_list"),
                     ("THIRD_PARTY_TRANSMISSION", "sdk:umeng-analytics", "app_list"),
                     ("CLIPBOARD_READ", "app", "clipboard"),
                     ("CLEARTEXT_TRANSMISSION", "unknown", "oaid"),
                     ("EXCESSIVE_FREQUENCY", "sdk:umeng-analytics", "android_id"),
                     ("BACKGROUND_COLLECTION", "sdk:umeng-analytics", "location"),
                     ("SELF_OR_ASSOCIATED_START", "app", "startService")]:
        assert expected in got
    # Compliant behaviour after consent stays quiet: the app's own location use, the paste, OS traffic.
    quiet = [f for f in report["findings"] if f["actor"] == "app" and f["data_type"] == "location"]
    assert quiet == []
    clip = next(f for f in report["findings"] if f["rule"] == "CLIPBOARD_READ")
    assert clip["count"] == 1
    # Redacted by default: the IMEI from identity.json appears in no report.
    for name in ("report.json", "report.html", "report.sarif", "report.junit.xml"):
        assert "861234567890123" not in (out / name).read_text(encoding="utf-8")


def test_a_malformed_session_json_is_a_warning_not_an_error(tmp_path: Path) -> None:
    import shutil

    session = tmp_path / "s"
    shutil.copytree(DEMO, session)
    (session / "session.json").write_text("{bad")
    result = dynscan("analyze", str(session), "--out", str(tmp_path / "o"), "--fail-on", "never")
    assert result.returncode == 0
    first, verdict = result.stderr.splitlines()
    assert first.startswith("dynscan: warning: ") and "session.json" in first and "recorded" in first
    assert verdict.startswith("dynscan: verdict: fail")


def test_session_dir_without_out_prints_json_and_writes_other_formats_there(tmp_path: Path) -> None:
    session = tmp_path / "session"
    shutil.copytree(DEMO, session)
    result = runner.invoke(app, ["analyze", str(session), "--format", "json", "--format", "html"])
    assert result.exit_code == 1, result.output
    assert json.loads(result.stdout)["package"] == "com.example.leaky"
    assert (session / "report.html").exists()  # asked for; the timeline is imported elsewhere
    assert not (session / "report.json").exists() and not (session / "session.db").exists()
    again = runner.invoke(app, ["analyze", str(session), "--fail-on", "never"])
    assert again.exit_code == 0 and json.loads(again.stdout) == json.loads(result.stdout)


def _one_line_error(result: subprocess.CompletedProcess[str], *needles: str) -> None:
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("dynscan: error: ")
    assert "Traceback" not in result.stderr
    for needle in needles:
        assert needle in lines[0], lines[0]


@pytest.mark.timeout(120)
@pytest.mark.parametrize(
    ("content", "needles"),
    [(b'{"kind": "session_start", "ts": 1, "package": "p"}\n{"kind": "api_call", "ts": 2,\n',
      ["t.jsonl:2: not valid JSON"]),
     (b'{"kind": "session_start", "ts": 1, "package": "p"}\n{"kind":"api_call","ts":2,"api":"a","category":"foo"}\n',
      ["t.jsonl:2: api_call.category: Input should be", "'foo'"]),
     (b'{"kind": "consent", "ts": "noon", "action": "policy_accepted"}\n', ["t.jsonl:1: consent.ts"]),
     (b"", ["t.jsonl: empty timeline"]),
     (bytes(range(256)) * 4, ["t.jsonl: not a text file"])],
    ids=["malformed", "wrong-type", "wrong-ts", "empty", "binary"],
)
def test_bad_timelines_exit_2_with_one_line_and_leave_nothing(tmp_path: Path, content: bytes,
                                                              needles: list[str]) -> None:
    (tmp_path / "t.jsonl").write_bytes(content)
    out = tmp_path / "out"
    _one_line_error(dynscan("analyze", "--events", str(tmp_path / "t.jsonl"), "--out", str(out)), *needles)
    assert not out.exists() or list(out.iterdir()) == []


def test_unknown_kinds_and_disorder_warn_on_stderr(tmp_path: Path) -> None:
    events = [*TIMELINE, {"kind": "battery", "ts": 200.0}, {"kind": "consent", "ts": 100.2, "action": "policy_shown"}]
    result = dynscan("analyze", "--events", str(write(tmp_path / "t.jsonl", events)), "--fail-on", "never")
    assert result.returncode == 0, result.stderr
    warnings = result.stderr.splitlines()
    assert len(warnings) == 2 and all(w.startswith("dynscan: warning: ") for w in warnings)
    assert "1 event of unknown kinds" in warnings[0] and "battery (1)" in warnings[0]
    assert "1 event is out of time order" in warnings[1]
    stats = json.loads(result.stdout)["stats"]
    assert stats["unknown_kinds"] == 1 and stats["out_of_order"] == 1


@pytest.mark.parametrize(
    ("args", "needle"),
    [([], "exactly one of them"),
     (["SESSION", "--events", "EVENTS"], "exactly one of them"),
     (["--events", "MISSING"], "cannot read the timeline"),
     (["MISSING"], "not a session directory"),
     (["EMPTYDIR"], "no session.db or events.jsonl"),
     (["--events", "EVENTS", "--format", "html"], "--format html needs --out"),
     (["--events", "EVENTS", "--out", "EVENTS"], "t.jsonl: not a directory"),
     (["--events", "EMPTYDIR"], "cannot read the timeline (Is a directory)"),
     (["EVENTS"], "not a session directory (give a JSON Lines timeline with --events)"),
     (["--events", "EVENTS", "--identity", "EVENTS"], "identity file is not JSON"),
     (["--events", "EVENTS", "--config", "EVENTS"], "is not valid TOML"),
     (["--events", "EVENTS", "--policy", "MISSING"], "cannot read policy file"),
     (["--events", "EVENTS", "--policy", "http://127.0.0.1:1/p.html"], "only https URLs are fetched"),
     (["--events", "EVENTS", "--policy", "https://127.0.0.1:1/p.html"], "cannot fetch policy https://127.0.0.1:1")],
)
def test_bad_usage_exits_2_with_one_line(tmp_path: Path, args: list[str], needle: str) -> None:
    events = write(tmp_path / "t.jsonl", TIMELINE)
    (tmp_path / "empty").mkdir()
    names = {"SESSION": str(DEMO), "EVENTS": str(events), "MISSING": str(tmp_path / "missing"),
             "EMPTYDIR": str(tmp_path / "empty")}
    _one_line_error(dynscan("analyze", *[names.get(a, a) for a in args]), needle)


def test_corrupt_session_database_exits_2(tmp_path: Path) -> None:
    (tmp_path / "session.db").write_bytes(os.urandom(4096))
    _one_line_error(dynscan("analyze", str(tmp_path)), "session.db: not a usable session database")


@pytest.mark.timeout(60)
def test_locked_session_database_exits_2(tmp_path: Path) -> None:
    session = tmp_path / "s"
    assert runner.invoke(app, ["analyze", "--events", str(write(tmp_path / "t.jsonl", TIMELINE)), "--out",
                               str(session), "-f", "json"]).exit_code == 1
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sqlite3, sys\ndb = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
         "db.execute('PRAGMA locking_mode=EXCLUSIVE'); db.execute('BEGIN EXCLUSIVE')\n"
         "db.execute(\"INSERT INTO meta VALUES ('x', '1')\"); print('locked', flush=True); sys.stdin.read()",
         str(session / "session.db")], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "locked\n"
        result = dynscan("analyze", str(session), env={"DYNSCAN_DB_TIMEOUT": "0.5"})
    finally:
        holder.kill()
        holder.wait(timeout=10)
    _one_line_error(result, "session.db: the session database is locked by another process")


def test_lang_zh_gives_chinese_finding_messages_in_every_format(tmp_path: Path) -> None:
    out = tmp_path / "zh"
    result = runner.invoke(app, ["analyze", "--events", str(write(tmp_path / "t.jsonl", TIMELINE)),
                                 "--out", str(out), "--fail-on", "never", "--lang", "zh"])
    assert result.exit_code == 0, result.output
    findings = json.loads((out / "report.json").read_text())["findings"]
    assert findings and all(any("\u4e00" <= c <= "\u9fff" for c in f["message"]) for f in findings)
    pre = next(f for f in findings if f["rule"] == "PRE_CONSENT_COLLECTION")
    assert "在用户同意隐私政策前收集了" in pre["message"]
    for name in ("report.html", "report.sarif", "report.junit.xml"):
        assert "在用户同意隐私政策前收集了" in (out / name).read_text(encoding="utf-8"), name


AnalyzeRaw = Callable[[list[dict[str, Any]]], subprocess.CompletedProcess[bytes]]


@pytest.fixture
def analyze_raw(tmp_path: Path) -> AnalyzeRaw:
    """``analyze_raw(events)``: the real console script's ``analyze --events`` on those events, its output
    as raw bytes (what a terminal would receive, escape sequences and all)."""

    def run(events: list[dict[str, Any]]) -> subprocess.CompletedProcess[bytes]:
        timeline = tmp_path / "hostile.jsonl"
        timeline.write_bytes(b"\n".join(orjson.dumps(e) for e in events) + b"\n")
        return subprocess.run([sys.executable, "-m", "dynscan", "analyze", "--events", str(timeline)],
                              capture_output=True, timeout=120)

    return run


def test_unknown_kinds_reach_the_terminal_escaped(analyze_raw: AnalyzeRaw) -> None:
    """A hostile kind (an escape sequence, a newline forging a line) is printed escaped, on one line."""
    r = analyze_raw([{"kind": "session_start", "ts": 1.0, "package": "com.example.x"},
                     {"kind": "\x1b]52;c;ZXZpbA==\x07\x1b[2J\ndynscan: verdict: pass", "ts": 2.0}])
    assert r.returncode == 1, r.stderr  # analysed; incomplete, as nothing in it came from the app
    assert b"\x1b" not in r.stderr and b"\x07" not in r.stderr
    warning = [ln for ln in r.stderr.decode().splitlines() if "unknown kinds" in ln]
    assert len(warning) == 1 and "\\x1b[2J\\ndynscan: verdict: pass" in warning[0], r.stderr
    assert not any(ln.startswith("dynscan: verdict") for ln in r.stderr.decode().splitlines())


def test_an_error_naming_a_hostile_value_is_one_escaped_line(analyze_raw: AnalyzeRaw) -> None:
    r = analyze_raw([{"kind": "app_state", "ts": 1.0, "state": "\x1b[2Jgone\u2028x"}])
    assert r.returncode == 2 and b"\x1b" not in r.stderr and "\u2028".encode() not in r.stderr
    assert r.stderr.count(b"\n") == 1, r.stderr


@pytest.mark.parametrize("content", [b"", b"sqlite"])
def test_an_empty_or_foreign_database_is_an_input_error_and_left_untouched(tmp_path: Path, content: bytes) -> None:
    import sqlite3

    session = tmp_path / "s"
    session.mkdir()
    db = session / "session.db"
    db.write_bytes(b"")
    if content:
        with sqlite3.connect(db) as c:
            c.execute("CREATE TABLE notes(x)")
        c.close()
    before = db.read_bytes()
    r = subprocess.run([sys.executable, "-m", "dynscan", "analyze", str(session)], capture_output=True, timeout=60)
    assert r.returncode == 2 and r.stderr.count(b"\n") == 1, r.stderr
    assert b"not a dynscan session database" in r.stderr or b"an empty file" in r.stderr
    assert db.read_bytes() == before and sorted(p.name for p in session.iterdir()) == ["session.db"]


def test_analyze_of_a_timeline_only_session_writes_nothing_into_it(tmp_path: Path) -> None:
    session = tmp_path / "s"
    shutil.copytree(DEMO, session)
    before = sorted(p.name for p in session.iterdir())
    r = subprocess.run([sys.executable, "-m", "dynscan", "analyze", str(session), "--fail-on", "never"],
                       capture_output=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert sorted(p.name for p in session.iterdir()) == before  # no session.db imported into the input


def test_an_imported_session_and_its_reports_are_private(tmp_path: Path) -> None:
    out = tmp_path / "out"
    r = runner.invoke(app, ["analyze", "--events", str(DEMO / "events.jsonl"), "--out", str(out), "--fail-on", "never"])
    assert r.exit_code == 0, r.output
    modes = {p.name: p.stat().st_mode & 0o777 for p in [out, *out.iterdir()]}
    assert modes.pop("out") == 0o700 and modes["session.db"] == 0o600 and modes["report.html"] == 0o600
    assert all(m == 0o600 for m in modes.values()), modes


def test_the_json_report_on_stdout_carries_no_c1_or_bidi_character(analyze_raw: AnalyzeRaw) -> None:
    r = analyze_raw([{"kind": "session_start", "ts": 1.0, "package": "com.example.x\u202e"},
                     {"kind": "evil\x9b2J\u2028", "ts": 2.0}])
    assert r.returncode == 1, r.stderr  # analysed; incomplete, as nothing in it came from the app
    out = r.stdout.decode()
    assert not any(ch in out for ch in "\x9b\u202e\u2028") and json.loads(out)["package"] == "com.example.x\u202e"


def test_policy_file_is_compared_with_behaviour(tmp_path: Path) -> None:
    timeline = str(write(tmp_path / "t.jsonl", TIMELINE))
    policy = tmp_path / "privacy.html"
    policy.write_text("<html><body><h1>隐私政策</h1><p>我们会收集您的设备信息(IMEI)。</p>"
                      "<p>第三方SDK: 友盟统计</p></body></html>", encoding="utf-8")
    result = runner.invoke(app, ["analyze", "--events", timeline, "--policy", str(policy)])
    report = json.loads(result.stdout)
    undisclosed = {f["data_type"]: f for f in report["findings"] if f["rule"] == "UNDISCLOSED_COLLECTION"}
    assert set(undisclosed) == {"clipboard"}  # the IMEI is disclosed, the clipboard read is not
    assert "剪切板" in undisclosed["clipboard"]["message"] and "privacy.html" in undisclosed["clipboard"]["message"]
    assert report["stats"]["policy_sources"] == ["privacy.html"]
    without = json.loads(runner.invoke(app, ["analyze", "--events", timeline]).stdout)
    assert not [f for f in without["findings"] if f["rule"].startswith("UNDISCLOSED")]
    assert without["stats"]["policy_sources"] == []


def test_jurisdiction_eu_turns_on_the_tcf_rule(tmp_path: Path) -> None:
    """TCF_NO_CONSENT only with --jurisdiction eu: an ad request before the CMP stored a TC string."""
    events = [
        {"kind": "session_start", "ts": 1.0, "package": "com.example.app"},
        {"kind": "flow", "ts": 2.0, "method": "GET", "url": "https://pagead2.googlesyndication.com/x",
         "host": "pagead2.googlesyndication.com", "scheme": "https",
         "pii": [{"type": "adid", "encoding": "plain", "location": "url"}]},
        {"kind": "tcf_signal", "ts": 3.0, "key": "IABTCF_PurposeConsents", "value": "0111", "op": "write"},
        {"kind": "tcf_signal", "ts": 3.0, "key": "IABTCF_TCString", "op": "write",
         "value": "CPXxRfAPXxRfAAfKABENB-CgAAAAAAAAAAYgAAAAAAAA"},
        {"kind": "flow", "ts": 4.0, "method": "GET", "url": "https://pagead2.googlesyndication.com/y",
         "host": "pagead2.googlesyndication.com", "scheme": "https",
         "pii": [{"type": "adid", "encoding": "plain", "location": "url"}]},
    ]
    src = str(write(tmp_path / "t.jsonl", events))
    plain = json.loads(runner.invoke(app, ["analyze", "--events", src, "--fail-on", "never"]).stdout)
    assert not [f for f in plain["findings"] if f["rule"] == "TCF_NO_CONSENT"]
    eu = json.loads(runner.invoke(app, ["analyze", "--events", src, "--jurisdiction", "eu",
                                        "--fail-on", "never"]).stdout)
    (f,) = [f for f in eu["findings"] if f["rule"] == "TCF_NO_CONSENT"]
    assert f["count"] == 2 and "no TC string yet" in f["message"] and "purpose 1 not consented" in f["message"]
    assert any("GDPR Art. 6" in r for r in f["references"])
    bad = runner.invoke(app, ["analyze", "--events", src, "--jurisdiction", "mars"])
    assert bad.exit_code == 2


def test_the_verdict_line_says_why_a_timeline_is_incomplete(tmp_path: Path) -> None:
    out = tmp_path / "out"
    quiet = [TIMELINE[0], {"kind": "consent", "ts": 103.0, "action": "policy_shown"}]
    result = runner.invoke(app, ["analyze", "--events", str(write(tmp_path / "t.jsonl", quiet)), "--out", str(out),
                                 "-f", "json"])
    assert result.exit_code == 1, result.output
    assert result.stderr == (f"dynscan: verdict: incomplete (0 findings; no event was recorded from the app); "
                             f"reports in {out}\n")
    assert json.loads((out / "report.json").read_text())["coverage"]["incomplete"] == [
        "no event was recorded from the app"]
