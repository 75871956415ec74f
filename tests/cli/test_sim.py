"""`dynscan sim build`."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dynscan.cli.main import app
from dynscan.errors import InputError

pytestmark = pytest.mark.integration

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.timeout(180)
def test_sim_build_compliant_example(tmp_path: Path) -> None:
    out = tmp_path / "compliant.apk"
    result = CliRunner().invoke(app, ["sim", "build", str(REPO / "examples" / "apps" / "compliant"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "com.example.compliant" in result.output
    with zipfile.ZipFile(out) as z:
        assert "AndroidManifest.xml" in z.namelist() and "classes.jar" in z.namelist()


def test_sim_build_bad_input_raises_input_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["sim", "build", str(tmp_path / "missing"), "-o", str(tmp_path / "x.apk")])
    assert isinstance(result.exception, InputError)


@pytest.mark.timeout(60)
def test_sim_build_error_is_one_line_and_exit_2(tmp_path: Path) -> None:
    (tmp_path / "AndroidManifest.xml").write_text("<manifest package='com.example.x'/>")
    done = subprocess.run(
        [sys.executable, "-c", "from dynscan.cli.main import main; main()", "sim", "build", str(tmp_path),
         "-o", str(tmp_path / "x.apk")],
        capture_output=True, text=True, timeout=60,
    )
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "MAIN/LAUNCHER" in done.stderr
    assert "Traceback" not in done.stderr
