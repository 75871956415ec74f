"""mitmproxy flows to CONTRACTS records: what the addon and ``dynscan flows`` both use.

Only what the client sent is searched (request URL, headers, body; websocket, TCP and UDP messages
from the client; the names a DNS query asks for, as ``url``: identifiers hidden in subdomains):
personal data that leaves the device.
"""

from __future__ import annotations

import ipaddress
from collections import Counter
from typing import Any

from mitmproxy import dns, http, tcp, udp, websocket

from dynscan.traffic.detect import Detector, ScanResult
from dynscan.traffic.matcher import Hit


def request_url(flow: http.HTTPFlow) -> str:
    return str(flow.request.pretty_url)


def scan_http_request(detector: Detector, flow: http.HTTPFlow) -> ScanResult:
    """The request's URL, headers and raw body (content-encoding undone within the limits)."""
    return scan_request(detector, flow.request)


def scan_request(detector: Detector, req: http.Request, url: str | None = None) -> ScanResult:
    """:func:`scan_http_request` on a request alone (``url``: its ``pretty_url``, if known)."""
    return detector.scan_request(str(req.pretty_url) if url is None else url, req.headers.fields, req.raw_content)


def http_scheme(flow: http.HTTPFlow) -> str:
    return request_scheme(flow.request, flow.websocket is not None)


def request_scheme(req: http.Request, websocket: bool) -> str:
    tls = req.scheme == "https"
    if websocket:
        return "wss" if tls else "ws"
    return "https" if tls else "http"


def address_ip(*addrs: Any) -> str | None:
    """The first ``(host, port)`` of ``addrs`` whose host is an IP address, normalised."""
    for addr in addrs:
        if addr:
            try:
                return str(ipaddress.ip_address(str(addr[0])))
            except ValueError:
                continue
    return None


def server_ip(flow: http.HTTPFlow | tcp.TCPFlow | udp.UDPFlow) -> str | None:
    """The server's IP address: where the proxy connected, else the destination when it is an address
    (a transparent / WireGuard capture's original destination)."""
    return address_ip(flow.server_conn.peername, flow.server_conn.address)


def http_record(flow: http.HTTPFlow, result: ScanResult) -> dict[str, Any]:
    return request_record(flow.request, result.pii(), websocket=flow.websocket is not None)


def request_record(req: http.Request, pii: list[dict[str, object]], *, websocket: bool = False,
                   url: str | None = None) -> dict[str, Any]:
    """:func:`http_record` of a request alone (``url``: its ``pretty_url``, if known)."""
    url = str(req.pretty_url) if url is None else url
    return {
        "method": req.method,
        "url": _ws_url(url) if websocket else url,
        "host": req.pretty_host,
        "scheme": request_scheme(req, websocket),
        "pii": pii,
    }


def ws_record(flow: http.HTTPFlow, result: ScanResult) -> dict[str, Any]:
    rec = http_record(flow, result)
    rec["method"] = "WEBSOCKET"
    return rec


def _ws_url(url: str) -> str:
    return "ws" + url[4:] if url.startswith("http") else url


def tcp_record(flow: tcp.TCPFlow, result: ScanResult) -> dict[str, Any]:
    host, port = flow.server_conn.address or ("", 0)
    host = flow.server_conn.sni or host
    return {"method": "TCP", "url": f"tcp://{host}:{port}", "host": host, "scheme": "tcp",
            "pii": result.pii()}


def udp_record(flow: udp.UDPFlow, result: ScanResult) -> dict[str, Any]:
    host, port = flow.server_conn.address or ("", 0)
    return {"method": "UDP", "url": f"udp://{host}:{port}", "host": host, "scheme": "udp", "pii": result.pii()}


def dns_record(flow: dns.DNSFlow, result: ScanResult) -> dict[str, Any]:
    names = [q.name for q in flow.request.questions]
    first = names[0] if names else ""
    return {"method": "DNS", "url": f"dns://{first}", "host": first, "scheme": "dns", "pii": result.pii()}


def scan_dns_query(detector: Detector, flow: dns.DNSFlow) -> ScanResult:
    return merge([detector.scan_request(f"dns://{q.name}/", [], b"") for q in flow.request.questions])


def client_messages(messages: list[websocket.WebSocketMessage] | list[tcp.TCPMessage] | list[udp.UDPMessage],
                    ) -> list[bytes]:
    return [m.content for m in messages if m.from_client]


def merge(results: list[ScanResult]) -> ScanResult:
    hits: set[Hit] = set()
    cuts: Counter[str] = Counter()
    for r in results:
        hits.update(r.hits)
        cuts.update(r.cuts)
    return ScanResult(sorted(hits), cuts)


def scan_flow(detector: Detector, flow: Any) -> dict[str, Any] | None:
    """One CONTRACTS ``dynscan flows`` object for a recorded flow (HTTP, websocket, TCP, UDP, DNS);
    None for a flow type mitmproxy adds later."""
    if isinstance(flow, http.HTTPFlow):
        results = [scan_http_request(detector, flow)]
        if flow.websocket is not None:
            results += [detector.scan_message(m) for m in client_messages(flow.websocket.messages)]
        return http_record(flow, merge(results))
    if isinstance(flow, tcp.TCPFlow):
        return tcp_record(flow, merge([detector.scan_message(m) for m in client_messages(flow.messages)]))
    if isinstance(flow, udp.UDPFlow):
        return udp_record(flow, merge([detector.scan_message(m) for m in client_messages(flow.messages)]))
    if isinstance(flow, dns.DNSFlow):
        return dns_record(flow, scan_dns_query(detector, flow))
    return None
