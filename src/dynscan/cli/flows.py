"""Find personal data in a mitmproxy flow file."""

from __future__ import annotations

from dynscan.errors import SetupError


def flows() -> None:
    """Find personal data in a mitmproxy flow file."""
    raise SetupError("`dynscan flows` is not available in this build yet")
