"""``dynscan emulator``: a one-line set-up error without the SDK; the right SDK command lines with it."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dynscan.cli.emulator import app
from dynscan.errors import SetupError

DYNSCAN = Path(sys.executable).parent / "dynscan"


@pytest.fixture
def no_sdk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    empty = tmp_path / "empty"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    monkeypatch.delenv("ANDROID_HOME", raising=False)
    monkeypatch.delenv("ANDROID_SDK_ROOT", raising=False)
    return dict(os.environ)


@pytest.mark.timeout(60)
@pytest.mark.parametrize(("argv", "tool"), [
    (["create", "t1"], "avdmanager"), (["start", "t1"], "emulator"), (["stop", "emulator-5554"], "adb"),
])
def test_missing_sdk_is_one_line_exit_2(no_sdk: dict[str, str], argv: list[str], tool: str) -> None:
    proc = subprocess.run([str(DYNSCAN), "emulator", *argv], capture_output=True, text=True, env=no_sdk, timeout=60)
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1
    assert f"`{tool}` not found" in proc.stderr and "Traceback" not in proc.stderr


def _sdk_tool(root: Path, sub: str, name: str, log: Path) -> None:
    d = root / sub
    d.mkdir(parents=True, exist_ok=True)
    f = d / name
    f.write_text(f'#!/bin/sh\necho "{name} $*" >> {log}\n')
    f.chmod(f.stat().st_mode | stat.S_IXUSR)


def test_sdk_command_lines(no_sdk: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sdk, log = tmp_path / "sdk", tmp_path / "calls.log"
    _sdk_tool(sdk, "cmdline-tools/latest/bin", "avdmanager", log)
    _sdk_tool(sdk, "platform-tools", "adb", log)
    monkeypatch.setenv("ANDROID_HOME", str(sdk))
    r = CliRunner().invoke(app, ["create", "t1", "--force"])
    assert r.exit_code == 0, r.output
    r = CliRunner().invoke(app, ["stop", "emulator-5556"])
    assert r.exit_code == 0, r.output
    assert log.read_text().splitlines() == [
        "avdmanager create avd -n t1 -k system-images;android-33;google_apis;x86_64 -d pixel_6 --force",
        "adb -s emulator-5556 emu kill",
    ]
    r = CliRunner().invoke(app, ["stop", "PHONE1"])
    assert isinstance(r.exception, SetupError)
