"""A wheel that hooks: built in a clean clone (sdist, then the wheel from the sdist), installed into a fresh
venv, and its ``dynscan doctor`` runs the probe app on the virtual device with the agent it carries.

The clone is of this repository's committed HEAD. It needs the package registries (PyPI for the build
requirements and dependencies, npm for the agent's) and a few minutes; pip's cache makes it faster.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

pytestmark = [pytest.mark.integration, pytest.mark.timeout(1500)]


def _run(args: list[str], cwd: Path, env: dict[str, str], timeout: float) -> str:
    proc = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    assert proc.returncode == 0, f"{' '.join(args)} failed ({proc.returncode}):\n{proc.stdout[-3000:]}\n" \
                                 f"{proc.stderr[-3000:]}"
    return proc.stdout


def test_a_wheel_built_in_a_clean_clone_installs_and_its_doctor_passes(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    clone = tmp_path / "clone"
    _run(["git", "clone", "--quiet", str(ROOT), str(clone)], tmp_path, env, 120)
    assert not (clone / "src" / "dynscan" / "_agent" / "agent.js").exists()  # git-ignored: built by the build
    dist = tmp_path / "dist"
    _run([sys.executable, "-m", "build", "--outdir", str(dist), str(clone)], tmp_path, env, 900)

    (sdist,) = dist.glob("dynscan-*.tar.gz")
    with tarfile.open(sdist) as t:
        names = t.getnames()
    assert any(n.endswith("/agent/src/index.ts") for n in names) and any(n.endswith("/setup.py") for n in names)
    assert not any("/node_modules/" in n for n in names)
    (wheel,) = dist.glob("dynscan-*.whl")
    with zipfile.ZipFile(wheel) as z:
        wheel_names = set(z.namelist())
        assert z.getinfo("dynscan/_agent/agent.js").file_size > 100_000
    assert not any("build_agent" in n for n in wheel_names)

    venv = tmp_path / "venv"
    _run([sys.executable, "-m", "venv", str(venv)], tmp_path, env, 120)
    python = venv / "bin" / "python"
    _run([str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", str(wheel)],
         tmp_path, env, 900)
    elsewhere = tmp_path / "elsewhere"  # not the checkout: nothing can come from src/
    elsewhere.mkdir()
    where = _run([str(python), "-c", "import dynscan; print(dynscan.__file__)"], elsewhere, env, 60)
    assert where.strip().startswith(str(venv))
    env_venv = {**env, "PATH": f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}"}
    out = _run([str(venv / "bin" / "dynscan"), "doctor"], elsewhere, env_venv, 300)
    assert f"[ok  ] agent: {venv}" in out and "[ok  ] probe.categories" in out
    assert out.rstrip().endswith("all checks passed")
