"""``dynscan emulator``: a one-line set-up error without the SDK; the right SDK command lines with it."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from dynscan.cli.emulator import app
from dynscan.errors import SetupError

pytestmark = pytest.mark.integration

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


def _fake_emulator(sdk: Path, pidfile: Path, body: str) -> None:
    d = sdk / "emulator"
    d.mkdir(parents=True, exist_ok=True)
    f = d / "emulator"
    f.write_text(f"#!/bin/sh\necho $$ > {pidfile}\n{body}\n")
    f.chmod(f.stat().st_mode | stat.S_IXUSR)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    stat_line = Path(f"/proc/{pid}/stat").read_text() if Path(f"/proc/{pid}/stat").exists() else ""
    return bool(stat_line) and stat_line.rsplit(")", 1)[1].split()[0] != "Z"


@pytest.fixture
def adb_server(serve_phone: Any) -> Any:
    from android.adb_server import FakePhone

    phone = FakePhone(serial="emulator-5580", state="offline")
    phone.props["sys.boot_completed"] = ""
    return serve_phone(phone)


@pytest.mark.timeout(60)
def test_start_waits_for_the_boot(no_sdk: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                  adb_server: Any) -> None:
    sdk, log, pidfile = tmp_path / "sdk", tmp_path / "calls.log", tmp_path / "emu.pid"
    _sdk_tool(sdk, "platform-tools", "adb", log)
    _fake_emulator(sdk, pidfile, "exec /bin/sleep 60")
    monkeypatch.setenv("ANDROID_HOME", str(sdk))
    import threading

    def boot() -> None:
        adb_server.state = "device"
        adb_server.props["sys.boot_completed"] = "1"

    threading.Timer(2.5, boot).start()
    r = CliRunner().invoke(app, ["start", "t1", "--port", "5580"])
    try:
        assert r.exit_code == 0, r.output
        assert r.output.startswith("t1 booted as emulator-5580 in ")
        assert log.read_text().splitlines() == ["adb start-server"]
        assert _alive(int(pidfile.read_text()))  # booted: it keeps running for `dynscan run`
    finally:
        os.kill(int(pidfile.read_text()), 9)


@pytest.mark.timeout(60)
@pytest.mark.parametrize(("body", "needle"), [
    ("exec /bin/sleep 60", "emulator-5580 did not finish booting within 2 s (last state: offline)"),
    ("exit 3", "the emulator for emulator-5580 exited (code 3) before it booted"),
])
def test_start_that_does_not_boot_is_one_line_and_leaves_no_emulator(
        no_sdk: dict[str, str], tmp_path: Path, adb_server: Any, body: str, needle: str) -> None:
    sdk, log, pidfile = tmp_path / "sdk", tmp_path / "calls.log", tmp_path / "emu.pid"
    _sdk_tool(sdk, "platform-tools", "adb", log)
    _fake_emulator(sdk, pidfile, body)
    env = {**no_sdk, "ANDROID_HOME": str(sdk), "ANDROID_ADB_SERVER_PORT": os.environ["ANDROID_ADB_SERVER_PORT"]}
    proc = subprocess.run([str(DYNSCAN), "emulator", "start", "t1", "--port", "5580", "--timeout", "2"],
                          capture_output=True, text=True, env=env, timeout=60)
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and needle in proc.stderr, proc.stderr
    assert not _alive(int(pidfile.read_text()))  # stopped, not left booting in the background
