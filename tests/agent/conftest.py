from __future__ import annotations

from pathlib import Path

import pytest
from agent_testkit import compile_fixture

from agent_build import build_agent
from dynscan.instrument.bundle import bundle_path


@pytest.fixture(scope="session")
def agent_bundle() -> Path:
    """The compiled agent; built from ``agent/`` when the checkout has not built it yet."""
    path = bundle_path()
    if not path.exists():
        build_agent.compile_agent(build_agent.AGENT_DIR, path)
    return path


@pytest.fixture(scope="session")
def fixture_classes(tmp_path_factory: pytest.TempPathFactory, agent_bundle: Path) -> Path:
    return compile_fixture(tmp_path_factory.mktemp("fixture-classes"))
