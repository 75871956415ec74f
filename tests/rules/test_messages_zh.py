"""Every rule speaks Chinese too, with the same placeholders as its English message."""

from __future__ import annotations

import string

from dynscan.rules.engine import all_rules


def _fields(template: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(template) if f}


def test_every_rule_has_a_chinese_message_with_the_same_placeholders() -> None:
    for s in all_rules():
        assert _fields(s.message_zh) == _fields(s.message), s.id
        assert any("\u4e00" <= c <= "\u9fff" for c in s.message_zh), s.id
