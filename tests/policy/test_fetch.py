"""``--policy URL``: fetched over real TLS from a local server whose CA (trustme) the test trusts through
``SSL_CERT_FILE`` (OpenSSL's default trust store): no plain-http allowance exists to test."""

from __future__ import annotations

import http.server
import socket
import ssl
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import trustme

from dynscan.errors import InputError
from dynscan.policy.fetch import fetch_policy, is_url
from dynscan.policy.load import load_policy, read_policy

PAGES: dict[str, tuple[int, dict[str, str], bytes]] = {
    "/p.html": (200, {"Content-Type": "text/html; charset=utf-8"},
                "<html><body><p>我们收集您的<b>位置信息</b>。</p><li>极光推送</li></body></html>".encode()),
    "/p.txt": (200, {"Content-Type": "text/plain"}, "我们会读取剪切板。".encode()),
    "/moved": (302, {"Location": "/p.html"}, b""),
    "/to-http": (301, {"Location": "http://127.0.0.1:1/p.html"}, b""),
    "/loop": (302, {"Location": "/loop"}, b""),
    "/big": (200, {"Content-Type": "text/plain"}, b"x" * 5000),
    "/empty": (200, {"Content-Type": "text/html"}, b"<html><body> </body></html>"),
}


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        status, headers, body = PAGES.get(self.path, (404, {}, b"no"))
        head = f"HTTP/1.1 {status} X\r\nContent-Length: {len(body)}\r\nConnection: close\r\n"
        head += "".join(f"{k}: {v}\r\n" for k, v in headers.items())
        self.wfile.write(head.encode() + b"\r\n" + body)  # one write (NOTES: Nagle)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def ca() -> trustme.CA:
    return trustme.CA()


@pytest.fixture(scope="module")
def server(ca: trustme.CA) -> Iterator[str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1", "localhost").configure_cert(ctx)
    httpd.socket = ctx.wrap_socket(httpd.socket, server_side=True)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"https://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def trusted(ca: trustme.CA, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pem = tmp_path / "ca.pem"
    ca.cert_pem.write_to_path(str(pem))
    monkeypatch.setenv("SSL_CERT_FILE", str(pem))


def test_is_url() -> None:
    assert is_url("https://example.com/p") and is_url("http://x") and is_url("ftp://x")
    assert not is_url("policy.html") and not is_url("/tmp/https://x") and not is_url("C:\\p.html")


@pytest.mark.usefixtures("trusted")
def test_html_and_text_by_media_type_and_a_followed_https_redirect(server: str) -> None:
    src = read_policy(f"{server}/p.html")
    assert src.name == f"{server}/p.html" and "位置信息" in src.text and "<b>" not in src.text
    assert read_policy(f"{server}/p.txt").text == "我们会读取剪切板。"
    policy = load_policy(None, [f"{server}/moved"])
    assert policy is not None and policy.mentions(("极光推送",)) == "极光推送"


@pytest.mark.usefixtures("trusted")
@pytest.mark.parametrize(("path", "words"), [
    ("/to-http", "redirects to http://127.0.0.1:1/p.html: only https"),
    ("/loop", "more than 5 redirects"),
    ("/missing", "HTTP 404"),
    ("/empty", "has no text"),
])
def test_refused_answers_are_one_line(server: str, path: str, words: str) -> None:
    with pytest.raises(InputError, match="policy") as e:
        read_policy(server + path)
    assert words in str(e.value) and "\n" not in str(e.value)


@pytest.mark.usefixtures("trusted")
def test_a_body_over_the_cap_is_refused(server: str) -> None:
    with pytest.raises(InputError, match="larger than"):
        fetch_policy(f"{server}/big", max_bytes=4096)


def test_plain_http_and_an_untrusted_certificate_are_refused(server: str, monkeypatch: pytest.MonkeyPatch,
                                                             tmp_path: Path) -> None:
    with pytest.raises(InputError, match="only https URLs are fetched"):
        read_policy("http://127.0.0.1:1/p.html")
    empty = tmp_path / "none.pem"
    empty.write_text("")
    monkeypatch.setenv("SSL_CERT_FILE", str(empty))
    with pytest.raises(InputError, match=r"cannot fetch policy .*(certificate|SSL)") as e:
        read_policy(f"{server}/p.html")
    assert "\n" not in str(e.value)


def test_a_server_that_never_answers_times_out() -> None:
    with socket.create_server(("127.0.0.1", 0)) as silent:  # accepts (backlog), never speaks TLS
        port = silent.getsockname()[1]
        with pytest.raises(InputError, match="cannot fetch policy"):
            fetch_policy(f"https://127.0.0.1:{port}/p.html", timeout_s=1)


@pytest.mark.usefixtures("trusted")
def test_analyze_takes_a_policy_url(server: str, tmp_path: Path) -> None:
    import json

    from typer.testing import CliRunner

    from dynscan.cli.main import app

    timeline = tmp_path / "t.jsonl"
    timeline.write_text("\n".join(json.dumps(e) for e in [
        {"kind": "session_start", "ts": 1.0, "package": "com.example.app"},
        {"kind": "api_call", "ts": 2.0, "api": "android.content.ClipboardManager.getPrimaryClip",
         "category": "clipboard", "data_type": "clipboard"}]) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["analyze", "--events", str(timeline), "--policy", f"{server}/p.html"])
    report = json.loads(result.stdout)
    assert report["stats"]["policy_sources"] == [f"{server}/p.html"]
    (f,) = [f for f in report["findings"] if f["rule"] == "UNDISCLOSED_COLLECTION"]
    assert f["data_type"] == "clipboard" and f"{server}/p.html" in f["message"]


@pytest.mark.usefixtures("trusted")
def test_a_slow_drip_meets_the_overall_deadline(ca: trustme.CA) -> None:
    """A server that sends a byte a second never lets one read wait past the whole fetch's deadline."""
    import time

    ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1").configure_cert(ctx)
    listener = socket.create_server(("127.0.0.1", 0))
    port = listener.getsockname()[1]

    def drip() -> None:
        conn, _ = listener.accept()
        with ctx.wrap_socket(conn, server_side=True) as tls:
            tls.recv(4096)
            tls.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 100000\r\n\r\n")
            try:
                for _ in range(30):
                    tls.sendall(b"x")
                    time.sleep(0.5)
            except OSError:
                pass

    threading.Thread(target=drip, daemon=True).start()
    start = time.monotonic()
    with pytest.raises(InputError, match="no complete answer within 2 s"):
        fetch_policy(f"https://127.0.0.1:{port}/p.txt", timeout_s=2)
    assert time.monotonic() - start < 10  # the 2 s deadline is for the whole answer: the drip lasts 15 s
    listener.close()
