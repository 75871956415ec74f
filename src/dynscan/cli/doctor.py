"""Check the whole set-up and say how to fix each problem."""

from __future__ import annotations

from typing import Annotated

import typer

from dynscan.device.registry import SIM_SERIAL
from dynscan.errors import InputError, SetupError
from dynscan.instrument.doctor_checks import Check, run_checks
from dynscan.instrument.probe import probe_checks
from dynscan.util.runfolder import sweep
from dynscan.util.termsafe import safe

_MARK = {"ok": "ok  ", "warn": "warn", "fail": "FAIL"}


def _line(c: Check) -> str:
    fix = f"\n      fix: {safe(c.fix)}" if c.fix and c.status != "ok" else ""
    return f"[{_MARK[c.status]}] {safe(c.name)}: {safe(c.detail)}{fix}"


def doctor(
    device: Annotated[str | None, typer.Option("--device", help="Device serial, or `sim` (default).")] = None,
    probe: Annotated[bool, typer.Option("--probe/--no-probe",
                                        help="Run the probe app and check that every hook fires.")] = True,
    restore: Annotated[bool, typer.Option("--restore", help="Undo what an interrupted `dynscan run` left on "
                                          "--device (proxy, system CA, frida-server), from its journal.")] = False,
) -> None:
    """Check the whole set-up (JDK, Frida, agent bundle, mitmdump, device) and say how to fix each problem."""
    if restore:
        _restore(device)
        return
    _sweep()
    checks = run_checks(device)
    for c in checks:
        typer.echo(_line(c))
    if probe and all(c.status != "fail" for c in checks):
        for c in probe_checks(device):
            checks.append(c)
            typer.echo(_line(c))
    failed = [c.name for c in checks if c.status == "fail"]
    if failed:
        raise SetupError(f"doctor found {len(failed)} problem(s): {', '.join(failed)}")
    typer.echo("all checks passed")


def _sweep() -> None:
    """List and remove what runs killed with SIGKILL left: processes, temp folders, session locks."""
    cleaned = sweep()
    if not cleaned:
        typer.echo(_line(Check("leftovers of killed runs", "ok", "none")))
    for left in cleaned:
        typer.echo(_line(Check("leftovers of killed runs", "warn", f"{left.describe()}: removed")))


def _restore(device: str | None) -> None:
    from dynscan.device.android import restore_from_journal

    if device in (None, SIM_SERIAL):
        raise InputError("--restore needs --device SERIAL (a phone or emulator; the virtual device keeps no journal)")
    assert device is not None
    undone = restore_from_journal(device)
    typer.echo(safe(f"{device}: undid {', '.join(undone)}" if undone else f"{device}: nothing to restore"))
