from dynscan.findings import Severity
from dynscan.rules.config import Config
from dynscan.rules.context import is_loopback
from dynscan.rules.engine import evaluate
from factories import Timeline, sdk_stack

R = "UNINSPECTED_TRAFFIC"


def test_a_direct_connection_the_proxy_never_saw_is_named(run):
    t = Timeline().accept().socket("raw.example.net", 8443).socket("dns.example.net", 53, proto="udp",
                                                                    via="java.net.DatagramSocket.send")
    (f,) = run(t, R)
    assert f.severity is Severity.info and f.actor == "app" and f.count == 2
    assert "raw.example.net:8443" in f.message and "dns.example.net:53" in f.message


def test_an_sdk_connection_is_medium_and_blocked_ones_say_so(run):
    t = Timeline().socket("t.tracker.cn", 80, stack=sdk_stack(), blocked=True)
    (f,) = run(t, R)
    assert f.severity is Severity.medium and f.actor == "sdk:umeng-analytics"
    assert "t.tracker.cn:80 blocked" in f.message


def test_quiet_for_proxied_loopback_and_inspected_connections(run):
    t = Timeline().socket("127.0.0.1", 8080).socket("::1", 8080).socket("localhost", 9)
    t.socket("api.example.com").flow("api.example.com")  # a transparent capture saw its traffic
    t.socket("pinned.example.com").flow("pinned.example.com", capture="tls_hook")  # the TLS hooks did
    assert run(t, R) == []


def test_a_later_connection_to_a_host_seen_earlier_is_still_named(run):
    t = Timeline().socket("api.example.com").flow("api.example.com").wait(30).socket("api.example.com", 5222)
    (f,) = run(t, R)
    assert f.count == 1 and "api.example.com:5222" in f.message


def test_tls_the_proxy_could_not_decrypt_is_named_unless_the_hooks_had_it(run):
    t = Timeline().connect("pin.example.org", stack=sdk_stack()).other("tls_failed", host="pin.example.org")
    t.other("tls_failed", host="hooked.example.org").flow("hooked.example.org", capture="tls_hook")
    (f,) = run(t, R)
    assert "pin.example.org (TLS not decrypted)" in f.message and f.severity is Severity.medium


def test_stats_list_the_hosts_even_with_the_rule_disabled():
    t = Timeline().socket("raw.example.net").other("tls_failed", host="pin.example.org").socket("127.0.0.1")
    result = evaluate(t.events, Config.model_validate({"disabled_rules": [R]}))
    assert result.stats["uninspected_hosts"] == ["pin.example.org", "raw.example.net"]
    assert not [f for f in result.findings if f.rule == R]


def test_loopback():
    assert is_loopback("127.0.0.53") and is_loopback("[::1]") and is_loopback("0.0.0.0")
    assert not is_loopback("10.0.2.2") and not is_loopback("example.com")


def test_a_native_connect_to_an_address_is_covered_by_a_flow_to_that_server(run):
    """libc connects name the address only; a transparent (WireGuard) capture's flow carries server_ip."""
    t = Timeline().socket("93.184.216.34", 443, via="libc.connect").flow("example.com", server_ip="93.184.216.34")
    t.socket("203.0.113.9", 443, via="libc.connect").flow("other.example", server_ip="198.51.100.1")
    (f,) = run(t, R)
    assert f.count == 1 and "203.0.113.9:443" in f.message
