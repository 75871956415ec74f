# ruff: noqa: E402
"""Shared fixture: run the real engine over a factory timeline and pick one rule's findings."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

_TESTS = str(Path(__file__).resolve().parents[1])
if _TESTS not in sys.path:  # tests/factories.py, whether or not tests/ is a package
    sys.path.insert(0, _TESTS)
from dynscan.findings import Finding
from dynscan.rules.config import Config
from dynscan.rules.engine import evaluate
from factories import Timeline

Run = Callable[..., list[Finding]]


@pytest.fixture
def run() -> Run:
    def _run(timeline: Timeline, rule: str | None = None, **config: Any) -> list[Finding]:
        result = evaluate(timeline.events, Config.model_validate(config))
        return [f for f in result.findings if rule is None or f.rule == rule]

    return _run
