"""List attached devices, emulators and the virtual device."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Annotated

import typer

from dynscan.device.registry import list_devices
from dynscan.util.termsafe import safe


def devices(
    as_json: Annotated[bool, typer.Option("--json", help="Print a JSON array instead of a table.")] = False,
) -> None:
    """List attached devices, emulators and the virtual device, with root / frida-server / CA state."""
    found = list_devices()
    if as_json:
        typer.echo(json.dumps([asdict(d) for d in found], indent=2))
        return

    def yn(b: bool) -> str:
        return "yes" if b else "no"

    typer.echo(f"{'SERIAL':<10} {'KIND':<9} {'SDK':<4} {'ROOT':<5} {'FRIDA':<6} {'CA':<4} MODEL")
    for d in found:
        typer.echo(f"{safe(d.serial):<10} {d.kind:<9} {d.sdk_int:<4} {yn(d.rooted):<5} {yn(d.frida_server):<6} "
                   f"{yn(d.ca_installed):<4} {safe(d.model)}")  # a device names itself: hostile too
        for note in d.notes:
            typer.echo(f"{'':<10} note: {safe(note)}")
