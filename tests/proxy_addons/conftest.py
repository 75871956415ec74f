from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from .harness import IDENTITY, Mitmdump, Upstream


@pytest.fixture(scope="module")
def upstream(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Upstream]:
    up = Upstream(tmp_path_factory.mktemp("upstream"))
    yield up
    up.stop()


@pytest.fixture(scope="module")
def proxy(tmp_path_factory: pytest.TempPathFactory, upstream: Upstream) -> Iterator[Mitmdump]:
    """One mitmdump with the dynscan addons (no sinkhole) for the whole module."""
    work = tmp_path_factory.mktemp("proxy")
    identity = work / "identity.json"
    identity.write_text(json.dumps(IDENTITY))
    m = Mitmdump(work, work / "session", identity)
    yield m
    m.stop()
    assert not m.alive()


@pytest.fixture
def work(tmp_path: Path) -> Path:
    return tmp_path
