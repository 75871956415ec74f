"""Manage Android emulators (AVDs) with the Android SDK's ``avdmanager``, ``emulator`` and ``adb emu kill``.

Tools are looked up in ``$ANDROID_HOME`` / ``$ANDROID_SDK_ROOT`` (``cmdline-tools/latest/bin``, ``emulator``,
``platform-tools``), then on ``PATH``. A missing tool is a one-line :class:`SetupError`.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from typing import Annotated

import typer

from dynscan.device.processes import kill_group
from dynscan.errors import SetupError
from dynscan.termsafe import say

app = typer.Typer(help="Manage Android emulators (AVDs).", rich_markup_mode=None)

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


@app.command("create")
def create(
    name: Annotated[str, typer.Argument(help="Name of the new AVD.")],
    image: Annotated[str, typer.Option("--image", help="System image package.")] = (
        "system-images;android-33;google_apis;x86_64"),
    device: Annotated[str, typer.Option("--device", help="Hardware profile (avdmanager list device).")] = "pixel_6",
    force: Annotated[bool, typer.Option("--force", help="Replace an AVD of the same name.")] = False,
) -> None:
    """Create an AVD (a google_apis image is rootable with `adb root`; google_play images are not)."""
    args = [sdk_tool("avdmanager"), "create", "avd", "-n", name, "-k", image, "-d", device]
    _run([*args, "--force"] if force else args, input_text="no\n")
    typer.echo(f"created AVD {name} ({image})")


@app.command("start")
def start(
    name: Annotated[str, typer.Argument(help="AVD to boot.")],
    port: Annotated[int, typer.Option("--port", help="Console port (serial emulator-PORT).")] = 5554,
    headless: Annotated[bool, typer.Option("--headless", help="No window.")] = True,
    writable_system: Annotated[bool, typer.Option("--writable-system", help="Allow remounting /system.")] = False,
    wait: Annotated[bool, typer.Option("--wait/--no-wait", help="Return only once Android has booted "
                                       "(sys.boot_completed=1), ready for `dynscan run`.")] = True,
    timeout: Annotated[float, typer.Option("--timeout", help="Seconds to wait for the boot; on timeout the "
                                           "emulator is stopped.", min=1)] = 600.0,
) -> None:
    """Boot an AVD in the background; its adb serial is emulator-PORT."""
    args = [sdk_tool("emulator"), "-avd", name, "-port", str(port), "-no-snapshot-save"]
    args += ["-no-window", "-no-audio"] if headless else []
    args += ["-writable-system"] if writable_system else []
    serial = f"emulator-{port}"
    if wait:
        _run([sdk_tool("adb"), "start-server"])  # the emulator registers with a running adb server
    try:
        proc = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL, start_new_session=True)
    except OSError as e:
        raise SetupError(f"cannot start the emulator: {e.strerror or e}") from e
    if not wait:
        typer.echo(f"starting {name} as {serial}; `dynscan emulator start` without --no-wait waits for the boot")
        return
    from dynscan.device.android.adb import AdbClient  # not loaded for every dynscan command
    from dynscan.device.android.boot import wait_for_boot

    try:
        took = wait_for_boot(AdbClient(), serial, timeout, exited=proc.poll,
                             progress=say)
    except (SetupError, KeyboardInterrupt):
        kill_group(proc, grace_s=0.0)  # a half-booted emulator nobody waits for is a stray process
        raise
    typer.echo(f"{name} booted as {serial} in {took:.0f} s")


@app.command("stop")
def stop(serial: Annotated[str, typer.Argument(help="Emulator serial, e.g. emulator-5554.")]) -> None:
    """Shut an emulator down (`adb -s SERIAL emu kill`)."""
    if not serial.startswith("emulator-"):
        raise SetupError(f"{serial} is not an emulator serial (emulator-PORT)")
    _run([sdk_tool("adb"), "-s", serial, "emu", "kill"])
    typer.echo(f"stopped {serial}")
