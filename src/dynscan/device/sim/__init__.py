"""The virtual device: Android apps on a JVM-hosted Android framework, under real Frida.

``SimDevice`` implements :class:`dynscan.device.base.Device`; ``build_app`` is ``dynscan sim build``.
"""

from dynscan.device.sim.app_process import AppExit, AppNotRunning
from dynscan.device.sim.build import build_app
from dynscan.device.sim.device import SimDevice
from dynscan.device.sim.identity import Identity
from dynscan.device.sim.probe import build_probe_apk

__all__ = ["AppExit", "AppNotRunning", "Identity", "SimDevice", "build_app", "build_probe_apk"]
