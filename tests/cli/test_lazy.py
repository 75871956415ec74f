"""Commands are imported when used: start-up pays for the command that runs, help still lists them all."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dynscan.cli.lazy import COMMANDS, load
from dynscan.cli.main import app

_MODULES = sorted({f"dynscan.cli.{lazy.module}" for lazy in COMMANDS.values()})


def _imported_after(code: str) -> set[str]:
    """The command modules a fresh interpreter has imported after running ``code``."""
    probe = f"import sys\n{code}\nprint(' '.join(m for m in {_MODULES!r} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, check=True)
    return set(out.stdout.split())


def test_importing_the_cli_imports_no_command() -> None:
    assert _imported_after("import dynscan.cli.main") == set()


def test_a_command_imports_only_its_own_module(tmp_path: Path) -> None:
    code = ("from dynscan.cli.main import app\n"
            "from typer.testing import CliRunner\n"
            "r = CliRunner().invoke(app, ['flows', '--help'])\n"
            "assert r.exit_code == 0, r.output")
    assert _imported_after(code) == {"dynscan.cli.flows"}


def test_help_lists_every_command_with_its_help() -> None:
    result = CliRunner().invoke(app, ["--help"])
    assert result.exit_code == 0
    listed = result.output.split("Commands:\n", 1)[1].splitlines()
    assert [line.split()[0] for line in listed if line.strip()] == list(COMMANDS)
    for line in listed:
        name, help_text = line.split(None, 1)
        assert help_text.strip() and help_text.strip()[:20] in (load(name).get_short_help_str(80) or "")


@pytest.mark.parametrize("name", list(COMMANDS))
def test_every_command_loads_with_its_help(name: str) -> None:
    result = CliRunner().invoke(app, [name, "--help"])
    assert result.exit_code == 0, result.output
    assert f"Usage: dynscan {name}" in result.output
