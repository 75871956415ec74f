"""The agent's build script (``agent/build_agent.py``, outside the package), loaded for the tests."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

AGENT_DIR = Path(__file__).resolve().parents[1] / "agent"


def load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("dynscan_agent_build", AGENT_DIR / "build_agent.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


build_agent = load()
