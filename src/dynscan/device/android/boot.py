"""Waiting for a device to finish booting: listed by adb as ``device`` and ``sys.boot_completed=1``.

What CI pipelines need between ``dynscan emulator start`` and ``dynscan run --device emulator-PORT``:
``adb wait-for-device`` returns as soon as adbd answers, long before the package manager can
install anything, so the wait polls ``getprop sys.boot_completed`` as Android's own tooling does.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from dynscan.device.android.adb import AdbClient
from dynscan.errors import SetupError

POLL_S = 2.0
PROGRESS_EVERY_S = 15.0


def boot_state(client: AdbClient, serial: str) -> str:
    """``booted``, or what is still missing: ``absent``, an adb state (``offline`` …) or ``booting``."""
    try:
        entry = next((d for d in client.devices() if d.serial == serial), None)
    except SetupError:
        return "no adb server"
    if entry is None:
        return "absent"
    if entry.state != "device":
        return entry.state
    try:
        r = client.shell(serial, "getprop sys.boot_completed")
    except SetupError:
        return "booting"
    return "booted" if r.ok and r.stdout.strip() == "1" else "booting"


def wait_for_boot(client: AdbClient, serial: str, timeout_s: float, *,
                  exited: Callable[[], int | None] = lambda: None,
                  progress: Callable[[str], None] = lambda _m: None,
                  poll_s: float = POLL_S) -> float:
    """Poll until ``serial`` has booted; returns the seconds it took.

    ``exited``: the emulator process's exit code once it has ended (a failed start is not worth
    waiting for). Raises :class:`SetupError` when it ends or ``timeout_s`` passes first.
    """
    start = time.monotonic()
    next_note = start + PROGRESS_EVERY_S
    while True:
        state = boot_state(client, serial)
        waited = time.monotonic() - start
        if state == "booted":
            return waited
        code = exited()
        if code is not None:
            raise SetupError(f"the emulator for {serial} exited (code {code}) before it booted; "
                             "start it by hand with `emulator -avd NAME` to see why")
        if waited >= timeout_s:
            raise SetupError(f"{serial} did not finish booting within {timeout_s:.0f} s (last state: {state})")
        if time.monotonic() >= next_note:
            next_note += PROGRESS_EVERY_S
            progress(f"waiting for {serial} to boot: {waited:.0f} s, {state}")
        time.sleep(min(poll_s, max(0.0, timeout_s - waited)))
