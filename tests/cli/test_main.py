"""The root command: usage errors and bugs are one line on stderr with exit 2, never a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from dynscan.cli import main as cli_main
from dynscan.cli import rules_cmd


@pytest.mark.parametrize(("argv", "needle"), [
    ([], "missing command: one of run, analyze, flows"),
    (["sim"], "missing command: one of build (see `dynscan sim --help`)"),
    (["emulator"], "missing command: one of create, start, stop"),
    (["nonsense"], "No such command 'nonsense'"),
])
def test_missing_or_unknown_command_is_one_line(argv: list[str], needle: str) -> None:
    proc = subprocess.run([sys.executable, "-m", "dynscan", *argv], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2
    assert proc.stdout == "" and proc.stderr.count("\n") == 1, proc.stderr
    assert proc.stderr.startswith("dynscan: error: ") and needle in proc.stderr


def _boom() -> list[object]:
    raise RuntimeError("boom")


def test_a_bug_is_one_line_with_the_traceback_in_a_file(monkeypatch: pytest.MonkeyPatch,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(rules_cmd, "all_rules", _boom)
    monkeypatch.setattr(sys, "argv", ["dynscan", "rules"])
    monkeypatch.delenv("DYNSCAN_DEBUG", raising=False)
    with pytest.raises(SystemExit) as exit_:
        cli_main.main()
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith("dynscan: error: internal error: RuntimeError: boom (traceback saved in ")
    saved = Path(err.split("traceback saved in ")[1].split(";")[0])
    try:
        text = saved.read_text()
        assert text.startswith("dynscan rules\n") and "RuntimeError: boom" in text and "_boom" in text
    finally:
        saved.unlink()


def test_dynscan_debug_lets_the_traceback_through(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rules_cmd, "all_rules", _boom)
    monkeypatch.setattr(sys, "argv", ["dynscan", "rules"])
    monkeypatch.setenv("DYNSCAN_DEBUG", "1")
    with pytest.raises(RuntimeError, match="boom"):
        cli_main.main()
