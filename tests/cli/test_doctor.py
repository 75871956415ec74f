"""`dynscan doctor`: every check reported with a fix; a missing piece is a set-up failure (exit 2)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from dynscan.cli.main import app
from dynscan.errors import SetupError
from dynscan.instrument import doctor_checks

pytestmark = pytest.mark.integration

runner = CliRunner()


@pytest.mark.timeout(60)
def test_all_checks_pass_here() -> None:
    result = runner.invoke(app, ["doctor", "--no-probe"])
    assert result.exit_code == 0, result.output
    for name in ("java", "frida", "agent", "mitmdump", "node"):
        assert f"] {name}: " in result.output
    assert "FAIL" not in result.output and result.output.strip().endswith("all checks passed")


@pytest.mark.timeout(60)
def test_missing_bundle_fails_with_fix(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(doctor_checks, "bundle_path", lambda: tmp_path / "agent.js")
    result = runner.invoke(app, ["doctor"])
    assert "[FAIL] agent: agent bundle missing" in result.output
    assert "fix: reinstall dynscan (every wheel carries the agent); in a checkout build it with `scripts/build-agent`" \
        in result.output
    assert isinstance(result.exception, SetupError)
    assert str(result.exception) == "doctor found 1 problem(s): agent"
    assert "probe" not in result.output  # no probe run on a broken set-up


@pytest.mark.timeout(60)
def test_missing_java(monkeypatch: pytest.MonkeyPatch) -> None:
    real = doctor_checks._which
    monkeypatch.setattr(doctor_checks, "_which", lambda t: None if t == "javac" else real(t))
    check = doctor_checks.check_java()
    assert check.status == "fail" and check.detail == "javac not found" and "JDK" in check.fix


@pytest.mark.timeout(60)
def test_unreachable_device_fails() -> None:
    check = doctor_checks.check_device("127.0.0.1:1")
    assert check.status == "fail" and "frida-server" in check.fix


@pytest.mark.timeout(60)
def test_probe_reports_why_it_cannot_run(monkeypatch: pytest.MonkeyPatch) -> None:
    from dynscan.device import sim
    from dynscan.instrument.probe import probe_checks

    if hasattr(sim, "SimDevice") and hasattr(sim, "build_probe_apk"):
        monkeypatch.delattr(sim, "build_probe_apk")
    (check,) = probe_checks(None)
    assert check.status == "warn" and "probe skipped" in check.detail
    (remote,) = probe_checks("emulator-5554")
    assert remote.status == "warn" and "virtual device only" in remote.detail


@pytest.fixture
def phone_with_journal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, serve_phone: Any) -> Any:
    """PHONE1 behind the scripted adb server, left by a killed run with our proxy set and journalled."""
    from android.adb_server import FakePhone

    from dynscan.device.android import Journal

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    phone = FakePhone()
    phone.settings["global/http_proxy"] = "127.0.0.1:8080"
    Journal("PHONE1").record({"op": "proxy", "previous": "10.0.0.1:3128"})
    return serve_phone(phone)


@pytest.mark.timeout(60)
def test_restore_undoes_what_a_killed_run_left(phone_with_journal: Any) -> None:
    from dynscan.device.android import Journal

    checks = doctor_checks.run_checks("PHONE1")
    journal_check = next(c for c in checks if c.name == "restore journal")
    assert journal_check.status == "fail" and journal_check.fix == "dynscan doctor --device PHONE1 --restore"
    result = runner.invoke(app, ["doctor", "--device", "PHONE1", "--restore"])
    assert result.exit_code == 0, result.output
    assert result.output == "PHONE1: undid proxy\n"
    assert phone_with_journal.settings["global/http_proxy"] == "10.0.0.1:3128"
    assert Journal("PHONE1").steps() == []
    assert runner.invoke(app, ["doctor", "--device", "PHONE1", "--restore"]).output == "PHONE1: nothing to restore\n"
    assert next(c for c in doctor_checks.run_checks("PHONE1") if c.name == "restore journal").status == "ok"


@pytest.mark.timeout(60)
def test_restore_needs_a_device() -> None:
    import subprocess
    import sys

    proc = subprocess.run([sys.executable, "-m", "dynscan", "doctor", "--restore"], capture_output=True, text=True,
                          timeout=60)
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1
    assert "--restore needs --device SERIAL" in proc.stderr


@pytest.mark.timeout(60)
def test_a_device_adb_does_not_list_is_named_as_not_attached(phone_with_journal: Any) -> None:
    checks = {c.name: c for c in doctor_checks.run_checks("NOPE")}
    assert checks["adb"].status == "fail" and checks["adb"].detail == "NOPE is not attached (adb lists: PHONE1)"
    assert "device" not in checks  # no misleading "start frida-server" for a phone that is not there
    assert {c.name: c.status for c in doctor_checks.run_checks("PHONE1")}["adb"] == "ok"


@pytest.mark.timeout(60)
def test_doctor_names_the_frida_server_file_and_release_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                           serve_phone: Any) -> None:
    from android.adb_server import FakePhone
    from android.frida_fake import put_in_cache

    from dynscan.device.android.frida_server import host_version

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    phone = serve_phone(FakePhone())
    phone.props["ro.product.cpu.abi"] = "x86_64"
    v = host_version()
    result = runner.invoke(app, ["doctor", "--device", "PHONE1", "--no-probe"])
    assert "doctor found 1 problem(s): frida-server" in str(result.exception)  # main() prints it, exit 2
    name = f"frida-server-{v}-android-x86_64"
    assert f"[FAIL] frida-server: PHONE1: no frida-server {v} for x86_64" in result.output
    assert f"fix: download {name}.xz from https://github.com/frida/frida/releases/download/{v}/{name}.xz into " \
           f"{tmp_path / 'cache'}/dynscan/frida-server/{v}/x86_64/" in result.output
    put_in_cache(tmp_path / "cache", v, "x86_64", xz=True)
    checks = {c.name: c for c in doctor_checks.run_checks("PHONE1")}
    assert checks["frida-server"].status == "ok" and "will be pushed and started" in checks["frida-server"].detail
