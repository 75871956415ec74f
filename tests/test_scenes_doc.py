"""docs/scenes.md accounts for every rule and every guided check (and names nothing that does not exist)."""

from __future__ import annotations

import re
from pathlib import Path

from dynscan.guided import GUIDED_CHECKS
from dynscan.rules.registry import rule_ids

DOC = Path(__file__).resolve().parents[1] / "docs" / "scenes.md"
NOT_BUILT: set[str] = set()


def test_every_rule_and_guided_check_has_its_scene() -> None:
    text = DOC.read_text(encoding="utf-8")
    named = set(re.findall(r"`([A-Z][A-Z0-9_]{3,})`", text))
    assert set(rule_ids()) <= named
    assert {g.id for g in GUIDED_CHECKS} <= named
    assert named <= set(rule_ids()) | {g.id for g in GUIDED_CHECKS} | NOT_BUILT


def test_every_scene_row_is_caught_by_a_rule_or_a_guided_check() -> None:
    rows = [ln for ln in DOC.read_text(encoding="utf-8").splitlines() if re.match(r"^\| \d+ \|", ln)]
    assert len(rows) >= 28
    for row in rows:
        caught = row.rsplit("|", 2)[-2]
        assert "rule" in caught or "guided" in caught, row
