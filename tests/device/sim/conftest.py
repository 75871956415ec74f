"""Fixtures for the virtual device's tests: built sample apps, the compiled test agent, a device."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from dynscan.device.processes import live_processes
from dynscan.device.sim import SimDevice, build_app

REPO = Path(__file__).resolve().parents[3]
EXAMPLES = REPO / "examples" / "apps"
TEST_APPS = Path(__file__).parent / "apps"
AGENT_DIR = Path(__file__).parent / "agent"


@pytest.fixture(scope="session")
def apks(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The sample apps and the test apps, built once per session with `build_app`."""
    out = tmp_path_factory.mktemp("apks")
    built = {}
    for src in [EXAMPLES / "leaky", EXAMPLES / "compliant", TEST_APPS / "trouble", TEST_APPS / "escape"]:
        apk = out / f"{src.name}.apk"
        build_app(src, apk)
        built[src.name] = apk
    return built


@pytest.fixture(scope="session")
def agent_source() -> str:
    """The minimal test agent, compiled with frida.Compiler against frida-java-bridge."""
    import frida

    if not (AGENT_DIR / "node_modules" / "frida-java-bridge").is_dir():
        npm = shutil.which("npm")
        assert npm, "npm is needed to install the test agent's frida-java-bridge"
        subprocess.run([npm, "ci", "--prefer-offline", "--no-audit", "--no-fund"], cwd=AGENT_DIR, check=True,
                       capture_output=True, timeout=300)
    return str(frida.Compiler().build("agent.ts", project_root=str(AGENT_DIR)))


def _jvms_under(root: Path) -> list[int]:
    pids = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            cmd = Path(f"/proc/{entry}/cmdline").read_bytes()
        except OSError:
            continue
        if str(root).encode() in cmd and b"dynscan.sim.Main" in cmd:
            pids.append(int(entry))
    return pids


@pytest.fixture
def device(tmp_path: Path) -> Iterator[SimDevice]:
    """A fresh virtual device; after the test, no JVM of it may be left."""
    root = tmp_path / "device"
    root.mkdir()
    dev = SimDevice(root, anr_timeout_s=2.0, stop_grace_s=2.0)
    try:
        yield dev
    finally:
        dev.close()
        assert _jvms_under(root) == [], "a JVM of the virtual device outlived the test"
        assert live_processes() == []
