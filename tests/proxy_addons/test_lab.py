"""The lab addon's log lines: one line, app-controlled text escaped."""

from __future__ import annotations

from dynscan.proxy_addons.lab import _printable, summary


def test_log_text_is_one_printable_line() -> None:
    assert _printable("GET http://h/\x1b[31mred\nnext") == "GET http://h/\\x1b[31mred\\x0anext"
    assert _printable("x" * 500).endswith("...") and len(_printable("x" * 500)) == 203


def test_summary_lists_each_hit() -> None:
    pii = [{"type": "imei", "encoding": "md5", "location": "body"},
           {"type": "android_id", "encoding": "plain", "location": "url"}]
    assert summary(pii) == "imei (md5, body), android_id (plain, url)"
