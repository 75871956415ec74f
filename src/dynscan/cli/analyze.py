"""Re-run the rules on a recorded session or an imported timeline."""

from __future__ import annotations

from dynscan.errors import SetupError


def analyze() -> None:
    """Re-run the rules on a recorded session or an imported timeline."""
    raise SetupError("`dynscan analyze` is not available in this build yet")
