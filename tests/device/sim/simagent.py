"""The minimal test agent of the virtual device's tests, attached to one app process."""

from __future__ import annotations

import contextlib
from typing import Any

from dynscan.device.sim import SimDevice


class Agent:
    """The test agent attached to one app process; collects what the hooks report."""

    def __init__(self, device: SimDevice, pid: int, source: str) -> None:
        self.messages: list[dict[str, Any]] = []
        self.session = device.frida_device().attach(pid)
        self.script = self.session.create_script(source)
        self.script.on("message", self._on_message)
        self.script.load()

    def _on_message(self, message: dict[str, Any], data: Any) -> None:
        if message.get("type") == "send":
            self.messages.append(message["payload"])
        else:
            self.messages.append({"type": "error", "detail": message})

    def calls(self, api_suffix: str = "") -> list[dict[str, Any]]:
        return [m for m in self.messages if m.get("type") == "call" and m["api"].endswith(api_suffix)]

    def detach(self) -> None:
        with contextlib.suppress(Exception):  # the process may already be gone
            self.session.detach()
