"""The device interface: what ``dynscan run`` needs from a phone, an emulator or the virtual device.

The virtual device (``dynscan.device.sim``) and the Android layer (``dynscan.device.android``)
implement the same protocol, so the scenario driver and the capture do not care which one runs.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, Protocol

Key = Literal["HOME", "BACK"]
#: Receives device-side timeline events (dicts in CONTRACTS section 2 form, ``source: device``).
EventSink = Callable[[dict[str, Any]], object]
#: What a flow's origin may be taken to be: ``app`` when only the app under test reaches the proxy.
TrafficAttribution = Literal["app", "unknown"]


@dataclass(frozen=True)
class AppInfo:
    """What installing an app told us."""

    package: str
    launcher_activity: str
    permissions: tuple[str, ...] = ()
    version: str | None = None
    label: str | None = None  # the app's name as users see it (its android:label, resolved)


@dataclass(frozen=True)
class SensorSample:
    """One reading to deliver to the app's listeners: ``values`` are x, y, z."""

    sensor: Literal["accelerometer", "gyroscope"]
    values: tuple[float, float, float]
    at_s: float  # offset from the start of the injection


SensorInjector = Callable[[list[SensorSample]], object]


@dataclass
class DeviceInfo:
    serial: str
    kind: Literal["sim", "emulator", "phone"]
    model: str
    sdk_int: int
    rooted: bool
    frida_server: bool
    ca_installed: bool
    notes: list[str] = field(default_factory=list)
    #: how dynscan reaches root on it: ``adbd``, ``adb_root``, ``su`` (``su -c``), ``su0`` (``su 0 sh -c``),
    #: ``none``; empty where it does not apply (the virtual device)
    root_method: str = ""


class Device(Protocol):
    """A place where an app can be installed, run, driven and instrumented."""

    serial: str
    #: ``app`` when only the app under test's traffic reaches the proxy (the virtual device: only the app's
    #: JVM uses it), ``unknown`` when other apps' traffic comes too (a phone's global proxy).
    traffic_attribution: TrafficAttribution
    #: Whether ``dynscan run`` answers every request in its proxy unless told otherwise (``--sinkhole``).
    sinkhole_default: bool

    def info(self) -> DeviceInfo: ...
    def properties(self) -> dict[str, str]: ...
    def identity(self) -> dict[str, Any]: ...
    def list_packages(self) -> list[str]: ...
    def install(self, apk: Path) -> AppInfo: ...
    def spawn(self, package: str) -> int:
        """Start the app held before its first instruction of app code; returns the pid."""
        ...
    def resume(self, pid: int) -> None: ...
    def launch(self, package: str) -> int | None:
        """Start the app uninstrumented, or bring its running process to the foreground."""
        ...
    def is_running(self, package: str) -> bool: ...
    def stop(self, package: str) -> None: ...
    def clear(self, package: str) -> None: ...
    def dump_ui(self) -> str:
        """The current screen in ``uiautomator dump`` XML."""
        ...
    def grant(self, package: str, permission: str) -> bool:
        """Grant a runtime permission the app declares, as ``pm grant`` does; True when this changed
        anything (False: already granted, or not a runtime permission the app declares)."""
        ...
    def tap(self, x: int, y: int) -> None: ...
    def key(self, key: Key) -> None: ...
    def inject_sensor(self, samples: list[SensorSample]) -> None: ...
    def set_sensor_injector(self, injector: SensorInjector | None) -> None:
        """Where :meth:`inject_sensor` hands samples when the device has no way of its own (on a phone: the
        agent's sensor RPC); a device that injects by itself keeps the injector unused."""
        ...
    def route_traffic(self, port: int, ca_pem: Path) -> AbstractContextManager[None]:
        """Send the apps' traffic to the proxy on host port ``port`` and trust its CA ``ca_pem`` until the
        context ends; the device's settings are restored on every exit path."""
        ...
    def frida_device(self) -> Any: ...
    def set_event_sink(self, sink: EventSink | None) -> None: ...
    def collect_logs(self, dest: Path) -> list[Path]:
        """Copy the device's logs (the apps' log output) into ``dest``; the files written."""
        ...
    def close(self) -> None: ...
