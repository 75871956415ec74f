"""One device's shell, with root when there is any: adbd running as root (``id``) or ``su -c``."""

from __future__ import annotations

import shlex
from typing import Literal

from dynscan.device.android.adb import AdbClient, ShellResult

RootMode = Literal["adbd", "su", "none"]


class DeviceShell:
    """Shell commands on ``serial`` through ``client``; ``root_mode`` is found once, on first use."""

    def __init__(self, client: AdbClient, serial: str) -> None:
        self.client = client
        self.serial = serial
        self._root: RootMode | None = None

    def run(self, command: str) -> ShellResult:
        return self.client.shell(self.serial, command)

    def check(self, command: str) -> str:
        return self.client.check(self.serial, command)

    @property
    def root_mode(self) -> RootMode:
        if self._root is None:
            if "uid=0(" in self.run("id").stdout:
                self._root = "adbd"
            elif "uid=0(" in self.run("su -c id").stdout:
                self._root = "su"
            else:
                self._root = "none"
        return self._root

    @property
    def rooted(self) -> bool:
        return self.root_mode != "none"

    def as_root(self, command: str) -> str:
        """``command`` wrapped so that it runs as root (unchanged when adbd already is root)."""
        return command if self.root_mode != "su" else f"su -c {shlex.quote(command)}"

    def run_root(self, command: str) -> ShellResult:
        return self.run(self.as_root(command))

    def check_root(self, command: str) -> str:
        return self.check(self.as_root(command))
