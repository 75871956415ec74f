"""``dynscan emulator``: manage Android emulators (AVDs); the work is in :mod:`dynscan.device.android.emulator`."""

from __future__ import annotations

from typing import Annotated

import typer

from dynscan.util.termsafe import say

# dynscan.device.android is imported inside the commands: other dynscan commands do not load it at start-up

app = typer.Typer(help="Manage Android emulators (AVDs).", rich_markup_mode=None)


@app.command("create")
def create(
    name: Annotated[str, typer.Argument(help="Name of the new AVD.")],
    image: Annotated[str, typer.Option("--image", help="System image package.")] = (
        "system-images;android-33;google_apis;x86_64"),
    device: Annotated[str, typer.Option("--device", help="Hardware profile (avdmanager list device).")] = "pixel_6",
    force: Annotated[bool, typer.Option("--force", help="Replace an AVD of the same name.")] = False,
) -> None:
    """Create an AVD (a google_apis image is rootable with `adb root`; google_play images are not)."""
    from dynscan.device.android.emulator import create_avd

    create_avd(name, image, device, force=force)
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
    from dynscan.device.android.emulator import emulator_serial, start_emulator

    serial = emulator_serial(port)
    took = start_emulator(name, port, headless=headless, writable_system=writable_system, wait=wait,
                          timeout=timeout, progress=say)
    if took is None:
        typer.echo(f"starting {name} as {serial}; `dynscan emulator start` without --no-wait waits for the boot")
    else:
        typer.echo(f"{name} booted as {serial} in {took:.0f} s")


@app.command("stop")
def stop(serial: Annotated[str, typer.Argument(help="Emulator serial, e.g. emulator-5554.")]) -> None:
    """Shut an emulator down (`adb -s SERIAL emu kill`)."""
    from dynscan.device.android.emulator import stop_emulator

    stop_emulator(serial)
    typer.echo(f"stopped {serial}")
