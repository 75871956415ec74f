"""The UI string table: both languages for every key."""

from __future__ import annotations

import pytest

from dynscan.errors import InputError
from dynscan.reports.i18n import STRINGS, check_lang, t


def test_every_string_in_both_languages() -> None:
    for key, (en, zh) in STRINGS.items():
        assert en.strip() and zh.strip(), key
        assert en.count("{") == zh.count("{"), key


def test_lookup() -> None:
    assert t("fail", "en") == "FAIL" and t("fail", "zh") == "不通过"
    assert t("more_evidence", "zh", n=3) == "另有 3 条证据未显示"
    assert check_lang("zh") == "zh"
    with pytest.raises(InputError):
        check_lang("de")
