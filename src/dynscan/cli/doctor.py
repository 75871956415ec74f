"""Check the whole set-up and say how to fix each problem."""

from __future__ import annotations

from dynscan.errors import SetupError


def doctor() -> None:
    """Check the whole set-up and say how to fix each problem."""
    raise SetupError("`dynscan doctor` is not available in this build yet")
