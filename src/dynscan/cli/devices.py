"""List attached devices, emulators and the virtual device."""

from __future__ import annotations

from dynscan.errors import SetupError


def devices() -> None:
    """List attached devices, emulators and the virtual device."""
    raise SetupError("`dynscan devices` is not available in this build yet")
