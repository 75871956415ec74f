"""``safe``: what reaches a terminal has no control character left."""

from __future__ import annotations

import io

import pytest

from dynscan.util.termsafe import safe, say


@pytest.mark.parametrize(("raw", "shown"), [
    ("\x1b[2Jwiped", "\\x1b[2Jwiped"),
    ("a\nforged: line", "a\\nforged: line"),
    ("tab\there\r", "tab\\there\\r"),
    ("\x07\x7f\x9b", "\\x07\\x7f\\x9b"),
    ("evil\u202etxt.exe", "evil\\u202etxt.exe"),  # right-to-left override
    ("line\u2028sep", "line\\u2028sep"),
    ("\x1b]52;c;ZXZpbA==\x07", "\\x1b]52;c;ZXZpbA==\\x07"),  # OSC 52: write the clipboard
])
def test_controls_are_escaped(raw: str, shown: str) -> None:
    assert safe(raw) == shown


@pytest.mark.parametrize("text", ["com.example.app", "同意 并继续", "a\u3000b c", "C:\\path", "émoji 😀"])
def test_printable_text_is_kept(text: str) -> None:
    assert safe(text) == text


def test_say_prints_one_line() -> None:
    out = io.StringIO()
    say("unknown kind \x1b[31mred\nforged", stream=out)
    assert out.getvalue() == "dynscan: unknown kind \\x1b[31mred\\nforged\n"


def test_json_safe_keeps_the_json_and_drops_what_drives_a_terminal() -> None:
    import json

    from dynscan.util.termsafe import json_safe

    doc = json.dumps({"kind": "x\x9b31m\u202eevil\u2028\U000e0041", "ok": "同意 é"}, ensure_ascii=False)
    out = json_safe(doc)
    assert json.loads(out) == json.loads(doc)
    assert not any(ch in out for ch in "\x9b\u202e\u2028\U000e0041") and "同意 é" in out
