"""flowscan.server_ip: the server's address a flow went to, when the proxy knew one."""

from __future__ import annotations

from mitmproxy.test import tflow

from dynscan.traffic.flowscan import server_ip


def test_server_ip_from_the_connection_or_a_literal_destination() -> None:
    f = tflow.tflow()
    f.server_conn.peername = ("93.184.216.34", 443)
    assert server_ip(f) == "93.184.216.34"
    f.server_conn.peername = None
    f.server_conn.address = ("2001:db8::1", 443)  # a transparent capture's original destination
    assert server_ip(f) == "2001:db8::1"
    f.server_conn.address = ("example.com", 443)  # a regular proxy before it connected (or a sinkhole)
    assert server_ip(f) is None


def test_address_ip_of_connection_states() -> None:
    """What the proxy worker reads from a flow's stored server_conn state (peername, address)."""
    from dynscan.traffic.flowscan import address_ip

    assert address_ip(None, ("10.0.2.2", 80)) == "10.0.2.2"
    assert address_ip(["::ffff:1.2.3.4", 443], ["example.com", 443]) == "::ffff:102:304"
    assert address_ip(None, ("example.com", 443)) is None and address_ip() is None
