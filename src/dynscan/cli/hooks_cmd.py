"""List the hook catalog."""

from __future__ import annotations

from dynscan.errors import SetupError


def hooks() -> None:
    """List the hook catalog."""
    raise SetupError("`dynscan hooks` is not available in this build yet")
