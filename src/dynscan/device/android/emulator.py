"""Android emulators (AVDs) through the Android SDK's ``avdmanager``, ``emulator`` and ``adb emu kill``.

Tools are looked up in ``$ANDROID_HOME`` / ``$ANDROID_SDK_ROOT`` (``cmdline-tools/latest/bin``, ``emulator``,
``platform-tools``), then on ``PATH``. A missing tool is a one-line :class:`SetupError`. ``dynscan emulator``
(:mod:`dynscan.cli.emulator`) is a thin command over these functions.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

from dynscan.device.processes import kill_group
from dynscan.errors import SetupError

DEFAULT_IMAGE = "system-images;android-33;google_apis;x86_64"
DEFAULT_PROFILE = "pixel_6"

_SDK_DIRS = {
    "avdmanager": ("cmdline-tools/latest/bin", "tools/bin"),
    "emulator": ("emulator",),
    "adb": ("platform-tools",),
}
_HINTS = {
    "avdmanager": "install the Android SDK command-line tools (sdkmanager \"cmdline-tools;latest\")",
    "emulator": "install the Android emulator (sdkmanager emulator)",
    "adb": "install the Android platform-tools (sdkmanager platform-tools, or apt install adb)",
}


def sdk_tool(name: str) -> str:
    """The path of an Android SDK tool, or :class:`SetupError` saying how to install it."""
    for var in ("ANDROID_HOME", "ANDROID_SDK_ROOT"):
        root = os.environ.get(var)
        for sub in _SDK_DIRS[name] if root else ():
            cand = Path(root or "") / sub / name
            if cand.is_file() and os.access(cand, os.X_OK):
                return str(cand)
    found = shutil.which(name)
    if found is None:
        raise SetupError(f"`{name}` not found in $ANDROID_HOME or PATH: {_HINTS[name]} and set ANDROID_HOME")
    return found


def _run(args: list[str], input_text: str | None = None) -> None:
    try:
        proc = subprocess.run(args, input=input_text, capture_output=True, text=True, timeout=600)
    except OSError as e:
        raise SetupError(f"cannot run {args[0]}: {e.strerror or e}") from e
    if proc.returncode != 0:
        detail = " ".join((proc.stderr or proc.stdout).split())[:300]
        raise SetupError(f"`{' '.join(args[:3])} ...` failed (exit {proc.returncode}): {detail}")


def create_avd(name: str, image: str = DEFAULT_IMAGE, profile: str = DEFAULT_PROFILE, *, force: bool = False) -> None:
    """Create an AVD (a google_apis image is rootable with `adb root`; google_play images are not)."""
    args = [sdk_tool("avdmanager"), "create", "avd", "-n", name, "-k", image, "-d", profile]
    _run([*args, "--force"] if force else args, input_text="no\n")


def emulator_serial(port: int) -> str:
    return f"emulator-{port}"


def start_emulator(name: str, port: int = 5554, *, headless: bool = True, writable_system: bool = False,
                   wait: bool = True, timeout: float = 600.0,
                   progress: Callable[[str], None] = lambda _m: None) -> float | None:
    """Boot an AVD in the background as ``emulator-PORT``; with ``wait``, return once Android has booted
    (the seconds it took; on a failure or timeout the emulator is stopped), else at once (None)."""
    args = [sdk_tool("emulator"), "-avd", name, "-port", str(port), "-no-snapshot-save"]
    args += ["-no-window", "-no-audio"] if headless else []
    args += ["-writable-system"] if writable_system else []
    if wait:
        _run([sdk_tool("adb"), "start-server"])  # the emulator registers with a running adb server
    try:
        proc = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL, start_new_session=True)
    except OSError as e:
        raise SetupError(f"cannot start the emulator: {e.strerror or e}") from e
    if not wait:
        return None
    from dynscan.device.android.adb import AdbClient
    from dynscan.device.android.boot import wait_for_boot

    try:
        return wait_for_boot(AdbClient(), emulator_serial(port), timeout, exited=proc.poll, progress=progress)
    except (SetupError, KeyboardInterrupt):
        kill_group(proc, grace_s=0.0)  # a half-booted emulator nobody waits for is a stray process
        raise


def stop_emulator(serial: str) -> None:
    """Shut an emulator down (`adb -s SERIAL emu kill`)."""
    if not serial.startswith("emulator-"):
        raise SetupError(f"{serial} is not an emulator serial (emulator-PORT)")
    _run([sdk_tool("adb"), "-s", serial, "emu", "kill"])
