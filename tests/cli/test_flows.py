"""``dynscan flows`` on a flow file recorded by a real mitmdump, and on bad files."""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from dynscan.cli.main import app
from proxy_addons.harness import IDENTITY, IMEI, Mitmdump, Upstream

DYNSCAN = Path(sys.executable).parent / "dynscan"
pytestmark = pytest.mark.timeout(120)


@pytest.fixture(scope="module")
def recorded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Path, int]]:
    work = tmp_path_factory.mktemp("flows")
    identity = work / "identity.json"
    identity.write_text(json.dumps(IDENTITY))
    flowfile = work / "capture.mitm"
    up = Upstream(work)
    m = Mitmdump(work, work / "session", None, save=flowfile)  # plain mitmdump -w, no identity given
    try:
        base = f"http://127.0.0.1:{up.http_port}"
        assert m.http("GET", f"{base}/one?imei={IMEI}") == 200
        assert m.http("POST", f"{base}/two", {"content-encoding": "gzip", "content-type": "application/json"},
                      gzip.compress(json.dumps({"lat": 39.90421, "lon": 116.40741}).encode())) == 200
        assert m.https("GET", "localhost", up.https_port, "/three",
                       {"X-H": base64.b64encode(hashlib.md5(IMEI.encode()).hexdigest().encode()).decode()}) == 200
        assert m.http("GET", f"{base}/four?n=490154203237518") == 200
        m.websocket("127.0.0.1", up.http_port, "/five", [f'{{"aid":"{IDENTITY["android_id"]}"}}'.encode()])
        m.tcp("127.0.0.1", up.tcp_port, b"\x00\x01" + IMEI.encode())
    finally:
        m.stop()
        up.stop()
    assert not m.alive()
    yield flowfile, identity, up.https_port


def test_json_output_per_flow_in_file_order(recorded: tuple[Path, Path, int]) -> None:
    flowfile, identity, https_port = recorded
    result = CliRunner().invoke(app, ["flows", str(flowfile), "--identity", str(identity), "--format", "json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    assert [(o["method"], o["scheme"]) for o in out] == [
        ("GET", "http"), ("POST", "http"), ("GET", "https"), ("GET", "http"), ("GET", "ws"), ("TCP", "tcp")]
    assert all(set(o) == {"method", "url", "host", "scheme", "pii"} for o in out)
    assert out[0]["pii"] == [{"type": "imei", "encoding": "plain", "location": "url"}]
    assert out[1]["pii"] == [{"type": "location", "encoding": "plain", "location": "body", "precision": 5}]
    assert out[2]["url"] == f"https://localhost:{https_port}/three"
    assert out[2]["pii"] == [{"type": "imei", "encoding": "base64+md5", "location": "header"}]
    assert out[3]["pii"] == []  # another device's IMEI
    assert out[4]["pii"] == [{"type": "android_id", "encoding": "plain", "location": "body"}]
    assert out[5]["pii"] == [{"type": "imei", "encoding": "plain", "location": "body"}]


def test_text_output_is_a_table(recorded: tuple[Path, Path, int]) -> None:
    flowfile, identity, _ = recorded
    result = CliRunner().invoke(app, ["flows", str(flowfile), "--identity", str(identity)])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0].split() == ["#", "METHOD", "SCHEME", "HOST", "PII"]
    assert "imei:plain@url" in lines[1] and lines[-1] == "6 flows, 5 with personal data"


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(DYNSCAN), "flows", *args], capture_output=True, text=True, timeout=60)


@pytest.mark.parametrize("kind", ["not_flows", "truncated", "missing", "empty_identity_file"])
def test_bad_files_are_one_line_errors(recorded: tuple[Path, Path, int], tmp_path: Path, kind: str) -> None:
    flowfile, identity, _ = recorded
    target = tmp_path / "x.mitm"
    if kind == "not_flows":
        target.write_text("this is not a flow file\n")
    elif kind == "truncated":
        target.write_bytes(flowfile.read_bytes()[: flowfile.stat().st_size // 2 + 7])
    elif kind == "empty_identity_file":
        target = flowfile
        identity = tmp_path / "id.json"
        identity.write_text("{not json")
    r = _run(str(target), "--identity", str(identity), "--format", "json")
    assert r.returncode == 2, r.stderr
    assert r.stdout == "" and len(r.stderr.strip().splitlines()) == 1 and "Traceback" not in r.stderr
    assert r.stderr.startswith("dynscan: error: ")
