"""``dynscan flows`` on a flow file recorded by a real mitmdump, and on bad files."""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
import socket
import struct
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from dynscan.cli.main import app
from proxy_addons.harness import IDENTITY, IMEI, Mitmdump, Upstream

DYNSCAN = Path(sys.executable).parent / "dynscan"
pytestmark = [pytest.mark.integration, pytest.mark.timeout(120)]


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
    if kind == "truncated":  # streamed: the flows before the cut are printed, as valid JSON
        assert isinstance(json.loads(r.stdout), list)
    else:
        assert r.stdout == ""
    assert len(r.stderr.strip().splitlines()) == 1 and "Traceback" not in r.stderr
    assert r.stderr.startswith("dynscan: error: ")


def _dns_query(name: str) -> bytes:
    labels = b"".join(bytes([len(p)]) + p.encode() for p in name.split("."))
    return struct.pack(">HHHHHH", 0x1234, 0x0100, 1, 0, 0, 0) + labels + b"\x00" + struct.pack(">HH", 1, 1)


def _free_udp_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _udp_answerer(sock: socket.socket, stop: threading.Event) -> None:
    """Answers every datagram: a DNS query gets itself back as an empty response, anything else "ok"."""
    sock.settimeout(0.2)
    while not stop.is_set():
        try:
            data, addr = sock.recvfrom(4096)
        except TimeoutError:
            continue
        is_query = len(data) > 12 and data[2:4] == b"\x01\x00"
        sock.sendto(data[:2] + b"\x81\x83" + data[4:] if is_query else b"ok", addr)


def test_udp_and_dns_flows_are_scanned(tmp_path: Path) -> None:
    """A real mitmdump in DNS and UDP reverse modes: an IMEI hashed into a subdomain, one in a datagram."""
    upstream = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    upstream.bind(("127.0.0.1", 0))
    up_port = upstream.getsockname()[1]
    stop = threading.Event()
    threading.Thread(target=_udp_answerer, args=(upstream, stop), daemon=True).start()
    dns_port, udp_port = _free_udp_port(), _free_udp_port()
    flowfile = tmp_path / "udp.mitm"
    mitmdump = str(Path(sys.executable).parent / "mitmdump")
    proc = subprocess.Popen([mitmdump, "-q", "--set", f"confdir={tmp_path / 'conf'}",
                             "--mode", f"reverse:dns://127.0.0.1:{up_port}@127.0.0.1:{dns_port}",
                             "--mode", f"reverse:udp://127.0.0.1:{up_port}@127.0.0.1:{udp_port}",
                             "-w", str(flowfile)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    client = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    client.settimeout(0.5)
    hashed = hashlib.md5(IMEI.encode()).hexdigest() + ".t.example.com"
    try:
        deadline = time.monotonic() + 30
        while True:  # mitmdump is ready when the first query is answered
            client.sendto(_dns_query(hashed), ("127.0.0.1", dns_port))
            try:
                client.recv(4096)
                break
            except TimeoutError:
                assert time.monotonic() < deadline and proc.poll() is None, "mitmdump did not answer DNS"
        client.sendto(b"dev=" + IMEI.encode(), ("127.0.0.1", udp_port))
        assert client.recv(4096) == b"ok"
    finally:
        proc.terminate()
        proc.wait(30)
        stop.set()
        client.close()
    identity = tmp_path / "identity.json"
    identity.write_text(json.dumps(IDENTITY))
    r = _run(str(flowfile), "--identity", str(identity), "--format", "json")
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    dns_flows = [o for o in out if o["scheme"] == "dns"]
    assert dns_flows and all(o == {"method": "DNS", "url": f"dns://{hashed}", "host": hashed, "scheme": "dns",
                                   "pii": [{"type": "imei", "encoding": "md5", "location": "url"}]}
                             for o in dns_flows)
    assert [o for o in out if o["scheme"] == "udp"] == [
        {"method": "UDP", "url": f"udp://127.0.0.1:{up_port}", "host": "127.0.0.1", "scheme": "udp",
         "pii": [{"type": "imei", "encoding": "plain", "location": "body"}]}]


def test_negative_tolerance_is_a_usage_error(recorded: tuple[Path, Path, int]) -> None:
    flowfile, identity, _ = recorded
    r = _run(str(flowfile), "--identity", str(identity), "--tolerance", "-1")
    assert r.returncode == 2 and r.stdout == "" and r.stderr.count("\n") == 1, r.stderr
    assert "--tolerance" in r.stderr
