"""The package build's one custom step: the Frida agent bundle is compiled into the package.

``build_py`` (run by ``pip install .``, ``pip wheel .`` and ``python -m build``, from a checkout or
from the sdist, which carries ``agent/``) runs ``agent/build_agent.py``: ``npm ci`` in ``agent/``
when its ``node_modules`` is missing, then ``frida.Compiler`` (a build requirement) into
``dynscan/_agent/agent.js`` of the build. A wheel therefore always carries the agent it was built
with. Editable installs skip it: in a checkout ``scripts/build-agent`` keeps
``src/dynscan/_agent/agent.js`` up to date. Everything else is in pyproject.toml.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
AGENT_DIR = ROOT / "agent"


def _agent_builder() -> ModuleType:
    spec = importlib.util.spec_from_file_location("dynscan_agent_build", AGENT_DIR / "build_agent.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class BuildPyWithAgent(build_py):
    """``build_py``, then the agent bundle into the built package."""

    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return
        builder = _agent_builder()
        out = Path(self.build_lib) / "dynscan" / "_agent" / "agent.js"
        try:
            builder.build(AGENT_DIR, out)
        except builder.AgentBuildError as e:
            raise SystemExit(f"dynscan: cannot build the Frida agent bundle: {e}") from e
        print(f"dynscan: built the Frida agent bundle into {out} ({out.stat().st_size} bytes)")


setup(cmdclass={"build_py": BuildPyWithAgent})
