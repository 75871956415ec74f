"""One device's shell, with root found in every way rooted devices offer it.

The ways, tried in this order (side-effect-free ones first; ``adb root`` restarts adbd, which drops every
forward and reverse, so it comes last and only when asked for):

- ``adbd``: adbd already runs as root (``id`` says ``uid=0``: eng builds, emulators after ``adb root``);
- ``su``: ``su -c CMD`` (Magisk, KernelSU, SuperSU; what uiautomator2 and frida-tools' docs use);
- ``su0``: ``su 0 sh -c CMD`` (AOSP's ``system/extras/su``, on userdebug builds and Google's emulator
  images: its first argument is a user, so ``su -c`` fails there);
- ``adb_root``: ``adb root`` then ``adb wait-for-device`` (adbutils ``AdbDevice.root`` + ``wait_for``), only
  when ``ro.debuggable=1``; undone with ``adb unroot`` from the restore journal.

The way found is shared by every shell of the same client and serial (one probe per device and run) and
lands in ``session.json`` as ``device.root_method``.
"""

from __future__ import annotations

import shlex
from collections.abc import Callable

from dynscan.device.android.adb import AdbClient, RootMode, ShellResult
from dynscan.errors import SetupError

ADB_ROOT_WAIT_S = 30.0
_PROBES: tuple[tuple[RootMode, str], ...] = (("adbd", "id"), ("su", "su -c id"), ("su0", "su 0 sh -c id"))


class DeviceShell:
    """Shell commands on ``serial`` through ``client``; ``root_mode`` is found once, on first use."""

    def __init__(self, client: AdbClient, serial: str) -> None:
        self.client = client
        self.serial = serial

    def run(self, command: str, timeout_s: float | None = None) -> ShellResult:
        return self.client.shell(self.serial, command, timeout_s)

    def check(self, command: str, timeout_s: float | None = None) -> str:
        return self.client.check(self.serial, command, timeout_s)

    @property
    def root_mode(self) -> RootMode:
        """How commands reach root, without changing the device (never ``adb root``)."""
        if self.serial not in self.client.root_modes:
            found: RootMode = next((m for m, probe in _PROBES if "uid=0(" in self.run(probe).stdout), "none")
            self.client.root_modes[self.serial] = found
        return self.client.root_modes[self.serial]

    @property
    def rooted(self) -> bool:
        return self.root_mode != "none"

    def debuggable(self) -> bool:
        """``ro.debuggable=1``: adbd accepts ``adb root``."""
        return self.run("getprop ro.debuggable").stdout.strip() == "1"

    def ensure_root(self, before_adb_root: Callable[[], None] | None = None) -> RootMode:
        """Root in any way, ``adb root`` included (the caller journals ``adb_root`` first, through
        ``before_adb_root()`` when given). Raises :class:`SetupError` when adbd never comes back."""
        mode = self.root_mode
        if mode != "none" or not self.debuggable():
            return mode
        if before_adb_root is not None:
            before_adb_root()
        said = self.client.root(self.serial)
        if "cannot" in said or "production" in said:
            return "none"
        try:
            self.client.wait_for(self.serial, ADB_ROOT_WAIT_S)
        except SetupError as e:
            raise SetupError(f"device {self.serial}: `adb root` restarted adbd and it did not come back within "
                             f"{ADB_ROOT_WAIT_S:.0f} s: replug the device (or restart the emulator), then retry "
                             f"({e})") from e
        if "uid=0(" not in self.run("id").stdout:
            raise SetupError(f"device {self.serial}: `adb root` said {said!r} but the shell is still not root")
        self.client.root_modes[self.serial] = "adb_root"
        return "adb_root"

    def as_root(self, command: str) -> str:
        """``command`` wrapped so that it runs as root (unchanged when adbd already is root)."""
        mode = self.root_mode
        if mode == "su":
            return f"su -c {shlex.quote(command)}"
        if mode == "su0":
            return f"su 0 sh -c {shlex.quote(command)}"
        return command

    def run_root(self, command: str, timeout_s: float | None = None) -> ShellResult:
        return self.run(self.as_root(command), timeout_s)

    def check_root(self, command: str, timeout_s: float | None = None) -> str:
        return self.check(self.as_root(command), timeout_s)
