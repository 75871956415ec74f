"""The agent bundle: built by the build step, loaded from the package, a clear error when missing."""

from __future__ import annotations

from pathlib import Path

import pytest

from agent_build import build_agent
from dynscan.errors import SetupError
from dynscan.instrument import bundle


def test_missing_bundle_says_how_to_build(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(bundle, "bundle_path", lambda: tmp_path / "agent.js")
    with pytest.raises(SetupError, match=r"reinstall dynscan .*scripts/build-agent"):
        bundle.load_bundle()


@pytest.mark.timeout(120)
def test_compile_agent_from_sources(tmp_path: Path) -> None:
    out = build_agent.compile_agent(build_agent.AGENT_DIR, tmp_path / "agent.js")
    text = out.read_text(encoding="utf-8")
    assert "rpc.exports" in text and "dispatchUncaughtException" not in text  # targets come from the catalog
    assert len(text) > 10_000


def test_compile_needs_node_modules(tmp_path: Path) -> None:
    with pytest.raises(build_agent.AgentBuildError, match="npm ci"):
        build_agent.compile_agent(tmp_path, tmp_path / "agent.js")


@pytest.mark.timeout(120)
def test_packaged_bundle_loads() -> None:
    if not bundle.bundle_path().exists():  # a fresh checkout: the build step has not run yet
        build_agent.compile_agent(build_agent.AGENT_DIR, bundle.bundle_path())
    assert "rpc.exports" in bundle.load_bundle()


@pytest.mark.timeout(60)
def test_runtime_needs_no_node(tmp_path: Path) -> None:
    """With the bundle prebuilt, loading the agent and listing hooks work with no Node on PATH."""
    import subprocess
    import sys

    if not bundle.bundle_path().exists():
        build_agent.compile_agent(build_agent.AGENT_DIR, bundle.bundle_path())
    code = ("import shutil; from dynscan.instrument.bundle import load_bundle; "
            "assert shutil.which('node') is None and shutil.which('npm') is None; "
            "print(len(load_bundle()) > 10000)")
    proc = subprocess.run([sys.executable, "-c", code], env={"PATH": str(tmp_path)},
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "True"
