from factories import Timeline

R = "CLEARTEXT_TRANSMISSION"


def test_fires_for_http_and_ws_with_pii(run):
    t = Timeline().accept().flow("a.example.com", "imei", scheme="http").flow("b.example.com", "imei", scheme="ws")
    (f,) = run(t, R)
    assert f.count == 2 and "a.example.com" in f.message and "b.example.com" in f.message


def test_quiet_for_tls_no_pii_or_system(run):
    t = Timeline().flow("a.example.com", "imei", scheme="https").flow("a.example.com", scheme="http")
    t.flow("a.example.com", "imei", scheme="wss").flow("c.example.com", "imei", scheme="http", attribution="system")
    assert run(t, R) == []
