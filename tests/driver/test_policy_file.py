"""policy.json: written once, at the first sight of a privacy dialog."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from dynscan.driver.policy_file import save_policy
from dynscan.driver.reading import read_screen
from dynscan.driver.ui import parse_screen

SCREENS = Path(__file__).parent / "screens"


def _reading(name: str):  # type: ignore[no-untyped-def]
    return read_screen(parse_screen((SCREENS / f"{name}.xml").read_text(encoding="utf-8")))


def test_the_first_policy_seen_is_kept(tmp_path: Path) -> None:
    assert save_policy(tmp_path, _reading("close_icon_id"), ts=12.5) == tmp_path / "policy.json"
    assert save_policy(tmp_path, _reading("custom_layouts")) is None
    doc = json.loads((tmp_path / "policy.json").read_text(encoding="utf-8"))
    assert doc == {"schema": "dynscan.policy/1", "ts": 12.5, "package": "com.example.shop",
                   "text": doc["text"], "links": ["隐私政策"], "accept": "同意并继续", "decline": "iv_close"}
    assert doc["text"].startswith("温馨提示\n欢迎使用本应用") and "同意并继续\n" not in doc["text"]
    assert [p.name for p in tmp_path.iterdir()] == ["policy.json"]


def test_no_policy_nothing_written(tmp_path: Path) -> None:
    assert save_policy(tmp_path, _reading("login_terms_line")) is None
    assert save_policy(tmp_path, _reading("android6_grant")) is None
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes anywhere")
def test_an_unwritable_session_is_no_crash(tmp_path: Path) -> None:
    tmp_path.chmod(0o500)
    try:
        assert save_policy(tmp_path, _reading("close_icon_id")) is None
    finally:
        tmp_path.chmod(0o700)


def test_a_missing_session_directory_is_no_crash(tmp_path: Path) -> None:
    assert save_policy(tmp_path / "gone", _reading("close_icon_id")) is None
