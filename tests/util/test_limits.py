"""Size limits: settings with safe defaults; a breach names the limit and the setting."""

from __future__ import annotations

import pytest

from dynscan.errors import InputError
from dynscan.util.limits import JSON_DEPTH, LINE_BYTES, check_json_depth, json_depth


def test_defaults_and_overrides(monkeypatch: pytest.MonkeyPatch) -> None:
    assert LINE_BYTES.value() == 16 << 20 and JSON_DEPTH.value() == 64
    monkeypatch.setenv("DYNSCAN_MAX_LINE_BYTES", "1_000")
    assert LINE_BYTES.value() == 1000


@pytest.mark.parametrize("raw", ["lots", "0", "-5", "191"])
def test_a_bad_setting_is_an_input_error(monkeypatch: pytest.MonkeyPatch, raw: str) -> None:
    monkeypatch.setenv("DYNSCAN_MAX_JSON_DEPTH", raw)
    with pytest.raises(InputError, match="DYNSCAN_MAX_JSON_DEPTH"):
        JSON_DEPTH.value()


def test_depth_ignores_brackets_in_strings() -> None:
    assert json_depth(b'{"a": "[[[[{{{{\\"[[["}') == 1
    assert json_depth(b'{"a": [[{"b": []}]]}') == 5
    assert json_depth(b"1") == 0


def test_depth_breach_names_the_setting() -> None:
    deep = b"[" * 100 + b"]" * 100
    with pytest.raises(InputError, match=r"t.jsonl:3: JSON nested 100 deep, over the JSON nesting depth limit of "
                                         r"64 \(setting DYNSCAN_MAX_JSON_DEPTH\)"):
        check_json_depth(deep, "t.jsonl:3")
    check_json_depth(b'{"s": "' + b"[" * 500 + b'"}', "t.jsonl:1")  # brackets in a string: flat
