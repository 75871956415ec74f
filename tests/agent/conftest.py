from __future__ import annotations

from pathlib import Path

import pytest
from agent_testkit import compile_fixture

from dynscan.instrument.build_agent import DEFAULT_AGENT_DIR, compile_agent
from dynscan.instrument.bundle import bundle_path


@pytest.fixture(scope="session")
def agent_bundle() -> Path:
    """The compiled agent; built from ``agent/`` when the checkout has not built it yet."""
    path = bundle_path()
    if not path.exists():
        compile_agent(DEFAULT_AGENT_DIR)
    return path


@pytest.fixture(scope="session")
def fixture_classes(tmp_path_factory: pytest.TempPathFactory, agent_bundle: Path) -> Path:
    return compile_fixture(tmp_path_factory.mktemp("fixture-classes"))
