"""The example catalogs in the top-level hooks/ folder load with the built-in one, as `--catalog` loads them."""

from __future__ import annotations

from pathlib import Path

import pytest

from dynscan.hooks.loader import load_catalog

HOOKS = Path(__file__).resolve().parents[2] / "hooks"
EXAMPLES = sorted((HOOKS / "examples").glob("*.yaml"))


def test_there_are_examples_and_a_format_readme() -> None:
    assert EXAMPLES and (HOOKS / "README.md").is_file() and (HOOKS / "user" / "README.md").is_file()


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_each_example_loads_on_top_of_the_builtin_catalog(path: Path) -> None:
    builtin = load_catalog()
    merged = load_catalog([path])
    added = [h for h in merged.hooks if h.id not in {b.id for b in builtin.hooks}]
    assert added and all(merged.sources[h.id].endswith(path.name) for h in added)
