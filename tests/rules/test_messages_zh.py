"""Every rule speaks Chinese too, with the same placeholders as its English message."""

from __future__ import annotations

import string

from dynscan.rules.engine import all_rules
from dynscan.rules.messages_zh import MESSAGES_ZH


def _fields(template: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(template) if f}


def test_every_rule_has_a_chinese_message_with_the_same_placeholders() -> None:
    specs = all_rules()
    assert set(MESSAGES_ZH) == {s.id for s in specs}
    for s in specs:
        assert _fields(MESSAGES_ZH[s.id]) == _fields(s.message), s.id
        assert any("\u4e00" <= c <= "\u9fff" for c in MESSAGES_ZH[s.id]), s.id
