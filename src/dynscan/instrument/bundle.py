"""Find the compiled agent bundle shipped inside the package (no Node needed at run time)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from dynscan.errors import SetupError

BUILD_HINT = ("reinstall dynscan (every wheel carries the agent); in a checkout build it with "
              "`scripts/build-agent` (needs Node.js and npm)")


def bundle_path() -> Path:
    return Path(str(resources.files("dynscan._agent") / "agent.js"))


def load_bundle() -> str:
    """The agent's JavaScript; :class:`SetupError` with the fix when it was never built."""
    path = bundle_path()
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as e:
        raise SetupError(f"the Frida agent bundle {path} is missing; {BUILD_HINT}") from e
    if not text.strip():
        raise SetupError(f"the Frida agent bundle {path} is empty; {BUILD_HINT}")
    return text
