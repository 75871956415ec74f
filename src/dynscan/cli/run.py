"""Install, instrument, drive, capture, correlate and report on an app."""

from __future__ import annotations

from dynscan.errors import SetupError


def run() -> None:
    """Install, instrument, drive, capture, correlate and report on an app."""
    raise SetupError("`dynscan run` is not available in this build yet")
