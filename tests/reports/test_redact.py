"""Redaction: the token form, identity values anywhere, URLs, headers, show_values."""

from __future__ import annotations

from reports_factories import ANDROID_ID, IDENTITY, IMEI, make_events

from dynscan.reports.redact import Redactor, token


def test_token_keeps_type_length_and_tail() -> None:
    assert token(IMEI, "imei") == "‹imei:15…34›"
    assert token("abc", "ssid") == "‹ssid:3›"
    assert token(39.9042, "latitude") == "‹latitude:7…42›"


def test_api_call_value_and_args_are_redacted() -> None:
    ev = make_events()[2]
    out = Redactor(identity=IDENTITY).event(ev)
    assert out["value"] == "‹imei:15…34›"
    assert out["args"] == ["‹arg:1›"]
    assert out["stack"] == ev["stack"]
    assert ev["value"] == IMEI  # the input is not modified


def test_structured_values_keep_keys() -> None:
    out = Redactor().event(make_events()[9])
    assert set(out["value"]) == {"lat", "lon"}
    assert "39.9042" not in str(out["value"])


def test_identity_values_redacted_in_free_text_case_insensitive() -> None:
    r = Redactor(identity=IDENTITY)
    text = r.text(f"id={ANDROID_ID.upper()} mail=alice@example.org tok=tok-SECRET-777 lat 39.9042")
    assert ANDROID_ID.upper() not in text and "alice@" not in text and "SECRET" not in text
    assert "39.9042" not in text
    assert "‹android_id:16…9C›" in text and "‹user_token:14…77›" in text


def test_short_identity_values_are_ignored() -> None:
    assert Redactor(identity={"ssid": "ab"}).text("tab") == "tab"


def test_flow_url_query_and_headers() -> None:
    out = Redactor(identity=IDENTITY).event(make_events()[3])
    assert IMEI not in out["url"]
    assert out["url"].startswith("http://alog.umeng.com/app_logs?imei=‹imei:15…34›&x=")
    assert out["headers"]["Content-Type"] == "text/plain"
    assert ANDROID_ID not in str(out["headers"])


def test_flow_without_url_pii_keeps_query_but_not_identity() -> None:
    ev = {"kind": "flow", "ts": 1.0, "method": "GET", "scheme": "https", "host": "h", "pii": [],
          "url": f"https://h/p?page=2&d={IMEI}"}
    out = Redactor(identity=IDENTITY).event(ev)
    assert out["url"] == "https://h/p?page=2&d=‹imei:15…34›"


def test_show_values_is_a_no_op() -> None:
    r = Redactor(show_values=True, identity=IDENTITY)
    for ev in make_events():
        assert r.event(ev) == ev
    assert r.text(IMEI) == IMEI
