"""The top-level proxy_addons/ scripts in a plain, real mitmdump, as a lab would load them."""

from __future__ import annotations

import hashlib
import http.client
import json
import subprocess
from pathlib import Path

import pytest
from mitmproxy.io import FlowReader

from .harness import IDENTITY, IMEI, MITMDUMP, free_port, wait_listening

pytestmark = [pytest.mark.integration, pytest.mark.timeout(120)]
SCRIPTS = Path(__file__).resolve().parents[2] / "proxy_addons"


def _mitmdump(tmp_path: Path, *args: str) -> tuple[subprocess.Popen[bytes], int, Path]:
    port = free_port()
    log = tmp_path / "mitmdump.log"
    proc = subprocess.Popen([str(MITMDUMP), "--listen-host", "127.0.0.1", "--listen-port", str(port),
                             "--set", f"confdir={tmp_path / 'conf'}", *args],
                            stdout=log.open("wb"), stderr=subprocess.STDOUT)
    wait_listening(port, proc)
    return proc, port, log


def _stop(proc: subprocess.Popen[bytes]) -> None:
    proc.terminate()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(5)


def _get(port: int, url: str, headers: dict[str, str] | None = None, body: bytes | None = None) -> int:
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        c.request("POST" if body else "GET", url, body=body, headers=headers or {})
        r = c.getresponse()
        r.read()
        return int(r.status)
    finally:
        c.close()


def test_dynscan_pii_finds_personal_data_and_marks_the_flow(tmp_path: Path) -> None:
    identity = tmp_path / "identity.json"
    identity.write_text(json.dumps(IDENTITY))
    saved = tmp_path / "lab.mitm"
    proc, port, log = _mitmdump(tmp_path, "-s", str(SCRIPTS / "dynscan_pii.py"),
                                "--set", f"dynscan_identity={identity}", "-s", str(SCRIPTS / "dynscan_sinkhole.py"),
                                "--set", "dynscan_sinkhole=true", "-w", str(saved))
    try:
        md5 = hashlib.md5(IDENTITY["android_id"].encode()).hexdigest()
        assert _get(port, f"http://tracker.invalid/c?imei={IMEI}", headers={"X-Aid": md5}) == 200
        assert _get(port, "http://clean.invalid/nothing") == 200
    finally:
        _stop(proc)
    text = log.read_text(errors="replace")
    assert "dynscan: GET http://tracker.invalid/c?imei=" in text
    assert "imei (plain, url)" in text and "android_id (md5, header)" in text
    assert "dynscan: GET http://clean.invalid" not in text
    with saved.open("rb") as f:
        flows = {fl.request.host: fl for fl in FlowReader(f).stream()}
    leaky = flows["tracker.invalid"]
    assert {(p["type"], p["encoding"], p["location"]) for p in leaky.metadata["dynscan.pii"]} >= {
        ("imei", "plain", "url"), ("android_id", "md5", "header")}
    assert leaky.marked and leaky.comment.startswith("dynscan: ")
    assert not flows.get("clean.invalid") or "dynscan.pii" not in flows["clean.invalid"].metadata


def test_dynscan_pii_refuses_a_bad_identity_file_in_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "identity.json"
    bad.write_text("{not json")
    proc = subprocess.run([str(MITMDUMP), "--listen-port", "0", "-s", str(SCRIPTS / "dynscan_pii.py"),
                           "--set", f"dynscan_identity={bad}"], capture_output=True, text=True, timeout=60)
    assert proc.returncode != 0 and "identity.json" in (proc.stdout + proc.stderr)


def test_dynscan_session_records_flow_events_for_dynscan_analyze(tmp_path: Path) -> None:
    from dynscan.store import open_store

    session = tmp_path / "session"
    (session).mkdir()
    (session / "identity.json").write_text(json.dumps(IDENTITY))
    proc, port, _log = _mitmdump(tmp_path, "-s", str(SCRIPTS / "dynscan_session.py"), "--set",
                                 f"dynscan_session={session}", "-s", str(SCRIPTS / "dynscan_sinkhole.py"),
                                 "--set", "dynscan_sinkhole=true")
    try:
        assert _get(port, f"http://tracker.invalid/c?imei={IMEI}") == 200
    finally:
        _stop(proc)
    with open_store(session, create=False) as store:
        flows = [e for e in store.iter_raw() if e["kind"] == "flow"]
    assert flows and ("imei", "plain", "url") in {(p["type"], p["encoding"], p["location"]) for p in flows[0]["pii"]}
