"""``AndroidDevice``: a phone or emulator behind an adb server, implementing :class:`dynscan.device.base.Device`."""

from __future__ import annotations

import contextlib
import dataclasses
import re
import shlex
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from dynscan.device.android import cacert, wireguard
from dynscan.device.android.adb import AdbClient
from dynscan.device.android.bundle import open_bundle
from dynscan.device.android.identity import read_identity
from dynscan.device.android.setup import DeviceSetup
from dynscan.device.android.shell import DeviceShell
from dynscan.device.base import (
    AppInfo,
    Device,
    DeviceInfo,
    EventSink,
    Key,
    SensorInjector,
    SensorSample,
    TrafficAttribution,
)
from dynscan.device.frida_errors import explain, frida_errors
from dynscan.device.permissions import is_runtime
from dynscan.errors import InputError, SetupError

FRIDA_PORT = 27042
UI_DUMP = "/data/local/tmp/dynscan-window_dump.xml"  # /sdcard may be absent or scoped; adbutils uses /data/local/tmp


def parse_getprop(text: str) -> dict[str, str]:
    """``[key]: [value]`` lines of ``getprop`` as a dict."""
    props: dict[str, str] = {}
    for line in text.splitlines():
        key, sep, value = line.partition("]: [")
        if sep and key.startswith("[") and value.endswith("]"):
            props[key[1:]] = value[:-1]
    return props


class AndroidDevice:
    """A device reached through ``client`` (default: the local adb server).

    ``ca_pem``: the proxy CA whose presence ``info()`` reports (default: dynscan's own,
    :func:`dynscan.device.android.cacert.dynscan_ca`).
    ``frida_port``: the host port forwarded to the device's frida-server (27042).
    ``sensor_injector``: delivers sensor samples (on a real phone, the agent's sensor RPC; see docs/android.md).
    ``frida_server``: the frida-server binary :meth:`route_traffic` pushes (default: the cache,
    :mod:`dynscan.device.android.frida_server`).
    """

    traffic_attribution: TrafficAttribution = "unknown"  # the global proxy carries every app's traffic
    sinkhole_default = False  # a real app needs real answers to go on

    def __init__(
        self,
        serial: str,
        client: AdbClient | None = None,
        *,
        ca_pem: Path | None = None,
        frida_port: int = FRIDA_PORT,
        sensor_injector: SensorInjector | None = None,
        frida_server: Path | None = None,
    ) -> None:
        self.serial = serial
        self.client = client or AdbClient()
        self.shell = DeviceShell(self.client, serial)
        self.ca_pem = ca_pem
        self.frida_port = frida_port
        self.frida_server = frida_server
        self._injector = sensor_injector
        self._sink: EventSink | None = None
        self._frida: Any = None
        self._installed: dict[str, AppInfo] = {}

    # ------------------------------------------------------------------ description

    def properties(self) -> dict[str, str]:
        return parse_getprop(self.shell.check("getprop"))

    def info(self) -> DeviceInfo:
        props = self.properties()
        raw_sdk = props.get("ro.build.version.sdk", "0")
        sdk = int(raw_sdk) if raw_sdk.isdigit() else 0
        emulator = props.get("ro.kernel.qemu") == "1" or self.serial.startswith("emulator-")
        notes: list[str] = []
        frida = self.shell.run("pidof frida-server").ok
        if not frida:
            notes.append("frida-server is not running: push it to /data/local/tmp/frida-server (see docs/android.md)")
        root_method = self.shell.root_mode
        rooted = root_method != "none"
        if not rooted and props.get("ro.debuggable") == "1":
            rooted = True
            notes.append("adbd can restart as root (`adb root`, ro.debuggable=1): `dynscan run` does it")
        elif not rooted:
            notes.append("not rooted: no system CA install, no frida-server")
        return DeviceInfo(
            serial=self.serial, kind="emulator" if emulator else "phone",
            model=" ".join(p for p in (props.get("ro.product.manufacturer"), props.get("ro.product.model")) if p),
            sdk_int=sdk, rooted=rooted, frida_server=frida,
            ca_installed=self._ca_installed(notes, sdk), notes=notes, root_method=root_method,
        )

    def _ca_installed(self, notes: list[str], sdk_int: int) -> bool:
        """dynscan's own CA (or ``ca_pem``) is the system CA under its name: pulled and compared."""
        path = self.ca_pem or cacert.dynscan_ca()
        if not path.is_file():
            notes.append(f"no proxy CA at {path} yet: `dynscan run` creates and installs it")
            return False
        state = cacert.installed(self.shell, cacert.load_pem(path), sdk_int >= 34)
        if state == "other":
            notes.append(f"a different CA is installed as {cacert.cert_file_name(path.read_bytes())}: "
                         "`dynscan run` replaces it for its session")
        return state == "ours"

    def identity(self) -> dict[str, Any]:
        return read_identity(self.shell)

    # ------------------------------------------------------------------ packages and processes

    def list_packages(self) -> list[str]:
        out = self.shell.check("pm list packages")
        return sorted(line[len("package:"):].strip() for line in out.splitlines() if line.startswith("package:"))

    def install(self, apk: Path) -> AppInfo:
        """Install an APK, or a split-APK bundle (``.apks``, ``.xapk``, a folder of splits: the base and the
        splits this device runs, as one package), with ``pm install -r -t -d`` and never ``-g``: runtime
        permissions are left for the app to ask."""
        with open_bundle(apk) as bundle:
            info = bundle.manifest.info
            if info is None:
                raise InputError(f"{apk}: no launcher activity (MAIN/LAUNCHER intent filter) in the base manifest")
            abis = self.shell.run("getprop ro.product.cpu.abilist").stdout.strip() if bundle.splits else ""
            self.client.install(self.serial, bundle.for_abis([a for a in abis.split(",") if a]))
        info = dataclasses.replace(info, label=bundle.manifest.label)
        self._installed[info.package] = info
        return info

    def frida_device(self) -> Any:
        """The device's frida-server, through ``adb forward tcp:PORT tcp:27042``."""
        if self._frida is None:
            import frida

            self.client.forward(self.serial, f"tcp:{self.frida_port}", f"tcp:{FRIDA_PORT}")
            try:
                self._frida = frida.get_device_manager().add_remote_device(f"127.0.0.1:{self.frida_port}")
            except frida_errors() as e:
                where = f"device {self.serial}: frida-server on 127.0.0.1:{self.frida_port}"
                raise SetupError(explain(e, where)) from e
        return self._frida

    def spawn(self, package: str) -> int:
        try:
            return int(self.frida_device().spawn([package]))
        except frida_errors() as e:
            raise SetupError(explain(e, f"device {self.serial}: cannot spawn {package}")) from e

    def resume(self, pid: int) -> None:
        try:
            self.frida_device().resume(pid)
        except frida_errors() as e:
            raise SetupError(explain(e, f"device {self.serial}: cannot resume pid {pid}")) from e

    def launch(self, package: str) -> None:
        """Start the app's launcher activity without Frida (``am start -n`` or ``monkey``)."""
        info = self._installed.get(package)
        if info is not None:
            self.shell.check(f"am start -n {shlex.quote(package + '/' + info.launcher_activity)}")
        else:
            self.shell.check(f"monkey -p {shlex.quote(package)} -c android.intent.category.LAUNCHER 1")

    def is_running(self, package: str) -> bool:
        """Whether a process of the app runs (``pidof``, Android 7+)."""
        return self.shell.run(f"pidof {shlex.quote(package)}").exit_code == 0

    def stop(self, package: str) -> None:
        """``am force-stop`` (recorded as ``stopped`` with ``cause: driver``)."""
        self.shell.check(f"am force-stop {shlex.quote(package)}")
        if self._sink is not None:
            self._sink({"kind": "app_state", "ts": time.time(), "source": "device", "process": package,
                        "state": "stopped", "cause": "driver"})

    def clear(self, package: str) -> None:
        """``pm clear``: the app's data and runtime permissions start over."""
        out = self.shell.check(f"pm clear {shlex.quote(package)}")
        if "Success" not in out:
            raise SetupError(f"device {self.serial}: pm clear {package}: {out.strip() or 'failed'}")

    def grant(self, package: str, permission: str) -> bool:
        """``pm grant`` of a runtime permission the app declares and does not hold yet (read from
        ``dumpsys package``'s ``PERM: granted=true`` lines)."""
        info = self._installed.get(package)
        if not is_runtime(permission) or (info is not None and permission not in info.permissions):
            return False
        dump = self.shell.run(f"dumpsys package {shlex.quote(package)}").stdout
        if re.search(rf"^\s*{re.escape(permission)}: granted=true", dump, re.MULTILINE):
            return False
        return self.shell.run(f"pm grant {shlex.quote(package)} {shlex.quote(permission)}").ok

    def collect_logs(self, dest: Path) -> list[Path]:
        """The device's log buffers (``logcat -d``, every app: the run's own lines included) as
        ``dest/logcat.txt``."""
        target = dest / "logcat.txt"
        r = self.shell.run("logcat -d -v threadtime")
        target.write_text(r.stdout, encoding="utf-8")
        return [target]

    # ------------------------------------------------------------------ UI

    def dump_ui(self) -> str:
        """The current screen as uiautomator XML. ``uiautomator dump`` can print an error ("could not get idle
        state"), exit 0 and leave the previous file, so the file is removed first and the "dumped to" line is
        required (adbutils ``dump_hierarchy`` does the same); the dump is removed again afterwards."""
        said = ""
        for attempt in range(2):  # "could not get idle state" passes once an animation ends
            if attempt:
                time.sleep(1.0)
            self.shell.run(f"rm -f {UI_DUMP}")
            r = self.shell.run(f"uiautomator dump {UI_DUMP}", timeout_s=60)
            said = " ".join((r.stdout + " " + r.stderr).split())
            if "dumped to" in said and "ERROR" not in said:
                break
        else:
            raise SetupError(f"device {self.serial}: uiautomator could not dump the screen: {said[:200] or 'nothing'} "
                             "(animations on, or a secure window? turn animations off in developer options)")
        try:
            xml = self.client.pull(self.serial, UI_DUMP).decode("utf-8", "replace")
        finally:
            self.shell.run(f"rm -f {UI_DUMP}")
        if "<hierarchy" not in xml:
            raise SetupError(f"device {self.serial}: uiautomator wrote something that is not a screen dump")
        return xml

    def tap(self, x: int, y: int) -> None:
        self.shell.check(f"input tap {int(x)} {int(y)}")

    def key(self, key: Key) -> None:
        if key not in ("HOME", "BACK"):
            raise InputError(f"unknown key {key!r}: use HOME or BACK")
        self.shell.check(f"input keyevent KEYCODE_{key}")

    def inject_sensor(self, samples: list[SensorSample]) -> None:
        """Hand the samples to the sensor injector (the agent's sensor RPC); Android has no shell command for it."""
        if not samples:
            return
        if self._injector is None:
            raise SetupError(f"device {self.serial}: sensor injection on a real device goes through the agent "
                             "(set_sensor_injector); none is set")
        self._injector(samples)

    def set_sensor_injector(self, injector: SensorInjector | None) -> None:
        self._injector = injector

    def set_event_sink(self, sink: EventSink | None) -> None:
        self._sink = sink

    @contextlib.contextmanager
    def route_traffic(self, port: int, ca_pem: Path) -> Iterator[None]:
        """Global proxy (+ ``adb reverse``), the CA as a system CA and frida-server, journalled and restored on
        every exit path (:class:`DeviceSetup`)."""
        with DeviceSetup(self.serial, self.client, proxy_port=port, ca_pem=ca_pem, frida_server=self.frida_server):
            yield

    @contextlib.contextmanager
    def route_wireguard(self, conf: Path, ca_pem: Path) -> Iterator[list[str]]:
        """``--capture wireguard``: the client configuration pushed for the WireGuard app, no global proxy, the CA
        as a system CA and frida-server; journalled and restored like :meth:`route_traffic`."""
        with DeviceSetup(self.serial, self.client, ca_pem=ca_pem, frida_server=self.frida_server,
                         wireguard_conf=conf.read_bytes()) as setup:
            yield setup.notes

    def wait_wireguard(self, timeout_s: float) -> None:
        """Until the tester turned the tunnel on (SetupError after ``timeout_s``)."""
        wireguard.wait_tunnel(self.shell, timeout_s)

    def wireguard_endpoint_host(self) -> str | None:
        """What the device dials for the host's loopback: an emulator's ``10.0.2.2``; a phone has none."""
        return wireguard.EMULATOR_HOST if self.info().kind == "emulator" else None

    def close(self) -> None:
        """Remove the frida port forward, if we made one."""
        if self._frida is not None:
            self._frida = None
            with contextlib.suppress(SetupError):
                self.client.forward_remove(self.serial, f"tcp:{self.frida_port}")


def _conforms(device: AndroidDevice) -> Device:
    """mypy checks here that AndroidDevice implements the Device protocol."""
    return device
