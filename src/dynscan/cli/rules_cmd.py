"""List the rule catalog."""

from __future__ import annotations

from dynscan.errors import SetupError


def rules() -> None:
    """List the rule catalog."""
    raise SetupError("`dynscan rules` is not available in this build yet")
