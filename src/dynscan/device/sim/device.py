"""``SimDevice``: the virtual device, implementing :class:`dynscan.device.base.Device` with app JVMs."""

from __future__ import annotations

import contextlib
import shutil
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType
from typing import Any

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
from dynscan.device.permissions import is_runtime
from dynscan.device.sim import screens
from dynscan.device.sim.apk import read_apk
from dynscan.device.sim.app_process import AppExit, AppNotRunning, AppProcess
from dynscan.device.sim.children import ChildSpawns, Spawn
from dynscan.device.sim.framework import framework_classes, tool
from dynscan.device.sim.identity import Identity
from dynscan.device.sim.proxy import ProxyConfig, make_proxy
from dynscan.device.sim.storage import SYSTEM_PACKAGES, DeviceFiles
from dynscan.errors import DynscanError, InputError
from dynscan.util.safepath import inside
from dynscan.util.termsafe import say

DEFAULT_JVM_OPTS = (
    "-Xshare:auto", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xmx256m", "-Dfile.encoding=UTF-8",
    "-Djava.security.manager=allow",  # lets the runtime turn System.exit into a halt (see ExitGuard.java)
    "-XX:-UsePerfData",  # no /tmp/hsperfdata_<user>/<pid> left behind by a killed JVM
)
#: Without a session proxy, app traffic goes to a closed loopback port: nothing leaves the machine.
BLOCK_NETWORK_OPTS = (
    "-Dhttp.proxyHost=127.0.0.1", "-Dhttp.proxyPort=9", "-Dhttps.proxyHost=127.0.0.1", "-Dhttps.proxyPort=9",
    "-Dhttp.nonProxyHosts=",
)
BUILD_PROPS = {
    "build.model": "Pixel 5",
    "build.manufacturer": "Google",
    "build.brand": "google",
    "build.device": "redfin",
    "build.sdk_int": "30",
    "build.release": "11",
}


class SimDevice:
    """The virtual device. Use as a context manager so every app JVM is reaped.

    ``root``: directory for installed apps and app data (a temporary one, deleted on close, if None).
    ``identity``: the identifiers the framework's getters return (default: :class:`Identity`).
    ``anr_timeout_s``: an app whose main thread is stuck this long is ended and recorded as ``crashed``.
    ``stop_grace_s``: how long ``stop`` waits before SIGKILL.
    """

    serial = "sim"
    traffic_attribution: TrafficAttribution = "app"  # only the app's own JVM uses the session's proxy
    sinkhole_default = True  # nothing a test app sends needs to leave this machine

    def __init__(
        self,
        root: Path | None = None,
        *,
        identity: Identity | dict[str, Any] | None = None,
        anr_timeout_s: float = 5.0,
        stop_grace_s: float = 3.0,
        jvm_opts: tuple[str, ...] = DEFAULT_JVM_OPTS,
        allow_connect: tuple[tuple[str, int], ...] = (),
    ) -> None:
        self._owns_root = root is None
        self.root = Path(tempfile.mkdtemp(prefix="dynscan-sim-")) if root is None else root
        self.files = DeviceFiles(self.root)
        self._identity = identity if isinstance(identity, Identity) else Identity.model_validate(identity or {})
        self._anr_timeout_s = anr_timeout_s
        self._grace = stop_grace_s
        self._jvm_opts = jvm_opts
        self._allow_connect = ",".join(f"{h}:{p}" for h, p in allow_connect)
        self._proxy: ProxyConfig | None = None
        self._sink: EventSink | None = None
        self._installed: dict[str, AppInfo] = {}
        self._labels: dict[str, str] = {}
        self._procs: dict[str, AppProcess] = {}
        #: secondary processes by name (``package:push``), and their announcements for spawn gating
        self._child_procs: dict[str, AppProcess] = {}
        self.children = ChildSpawns(self._resume_child)
        self._exits: dict[str, AppExit] = {}
        self._foreground: str | None = None
        self._lock = threading.RLock()
        self._java = tool("java")
        self._framework = framework_classes()
        self._write_state()

    # ------------------------------------------------------------------ context management

    def __enter__(self) -> SimDevice:
        return self

    def __exit__(self, et: type[BaseException] | None, ev: BaseException | None, tb: TracebackType | None) -> None:
        self.close()

    def collect_logs(self, dest: Path) -> list[Path]:
        """Each app's log (``android.util.Log`` lines, stdout/stderr, uncaught exceptions) as
        ``dest/<package>.log``."""
        written: list[Path] = []
        for log in sorted(self.files.logs.glob("*.log")):
            target = inside(dest, log.name, "log file")
            shutil.copyfile(log, target)
            written.append(target)
        return written

    def close(self) -> None:
        """Stop every app (SIGKILL after the grace period) and delete a temporary root."""
        with self._lock:
            procs = [*self._child_procs.values(), *self._procs.values()]
        for p in procs:
            p.stop(grace_s=min(self._grace, 1.0))
        if self._owns_root:
            shutil.rmtree(self.root, ignore_errors=True)

    # ------------------------------------------------------------------ device description

    def info(self) -> DeviceInfo:
        notes = [] if self._proxy else ["no proxy set: app network traffic is blocked"]
        return DeviceInfo(
            serial=self.serial, kind="sim", model=f"dynscan virtual device ({BUILD_PROPS['build.model']})",
            sdk_int=int(BUILD_PROPS["build.sdk_int"]), rooted=True, frida_server=True,
            ca_installed=self._proxy is not None, notes=notes,
        )

    def properties(self) -> dict[str, str]:
        """Device properties with Android's ``getprop`` names."""
        return {
            "ro.product.model": BUILD_PROPS["build.model"],
            "ro.product.manufacturer": BUILD_PROPS["build.manufacturer"],
            "ro.product.brand": BUILD_PROPS["build.brand"],
            "ro.product.device": BUILD_PROPS["build.device"],
            "ro.build.version.sdk": BUILD_PROPS["build.sdk_int"],
            "ro.build.version.release": BUILD_PROPS["build.release"],
            "ro.serialno": self._identity.serial,
            "ro.kernel.qemu": "0",
            "dynscan.sim": "1",
        }

    def identity(self) -> dict[str, Any]:
        return self._identity.as_identity_file()

    def set_identity(self, identity: Identity | dict[str, Any]) -> None:
        """Change the identity; apps started afterwards see it."""
        self._identity = identity if isinstance(identity, Identity) else Identity.model_validate(identity)
        self._write_state()

    def set_proxy(self, host: str, port: int, ca_pem: Path) -> None:
        """Route the http and https traffic of apps started afterwards through ``host:port``, trusting ``ca_pem``."""
        self._proxy = make_proxy(host, port, ca_pem, self.root / "proxy")

    def clear_proxy(self) -> None:
        self._proxy = None

    @contextlib.contextmanager
    def route_traffic(self, port: int, ca_pem: Path) -> Iterator[None]:
        """Apps started inside the context use the proxy on ``127.0.0.1:port`` and trust ``ca_pem``."""
        self.set_proxy("127.0.0.1", port, ca_pem)
        try:
            yield
        finally:
            self.clear_proxy()

    def set_clipboard(self, text: str | None) -> None:
        """Put text on the device's clipboard (None empties it)."""
        f = self.root / "clipboard.txt"
        if text is None:
            f.unlink(missing_ok=True)
        else:
            f.write_text(text, encoding="utf-8")

    def frida_device(self) -> Any:
        import frida

        return frida.get_local_device()

    def set_event_sink(self, sink: EventSink | None) -> None:
        self._sink = sink

    def _write_state(self) -> None:
        props = dict(BUILD_PROPS)
        props.update(self._identity.as_properties())
        props["anr_timeout_s"] = str(self._anr_timeout_s)
        self.files.write_properties(props)
        self.files.write_packages(self._installed, self._labels)

    # ------------------------------------------------------------------ packages

    def list_packages(self) -> list[str]:
        return sorted({p[0] for p in SYSTEM_PACKAGES} | set(self._installed))

    def install(self, apk: Path, *, grant_permissions: bool = False) -> AppInfo:
        """Install (or replace, keeping its data) an app built with ``dynscan sim build``.

        ``grant_permissions`` grants every runtime permission the manifest declares (``adb install -g``).
        """
        info, manifest, classes = read_apk(apk)
        if info.package in {p[0] for p in SYSTEM_PACKAGES}:
            raise InputError(f"{apk}: package {info.package} is a system package of the virtual device")
        self.stop(info.package)
        d = self.files.app_dir(info.package)
        shutil.rmtree(d, ignore_errors=True)
        d.mkdir(parents=True)
        (d / "AndroidManifest.xml").write_bytes(manifest)
        (d / "classes.jar").write_bytes(classes)
        shutil.copyfile(apk, d / "base.apk")
        with self._lock:
            self._installed[info.package] = info
            self._labels[info.package] = screens.label_of(manifest, info.package)
        self._write_state()
        if grant_permissions:
            self.files.grant_all(info.package, info.permissions)
        return info

    def uninstall(self, package: str) -> None:
        self.stop(package)
        with self._lock:
            self._installed.pop(package, None)
        shutil.rmtree(self.files.app_dir(package), ignore_errors=True)
        self.files.clear_data(package)
        self._write_state()

    def _require(self, package: str) -> AppInfo:
        info = self._installed.get(package)
        if info is None:
            raise InputError(f"{package}: not installed on the virtual device")
        return info

    # ------------------------------------------------------------------ processes

    def spawn(self, package: str) -> int:
        """Start the app's JVM held before any app code runs; returns its pid (attach Frida, then ``resume``)."""
        self._require(package)
        self.stop(package)
        opts = self._app_jvm_opts(package)
        app = AppProcess.start(
            self._java, opts, [self._framework], self.root,
            self.files.app_dir(package), package, self.files.log_file(package), self._on_exit,
            on_process=lambda name, service: self._start_process(package, name, service),
            on_event=lambda event: self._on_app_event(package, event),
        )
        with self._lock:
            self._procs[package] = app
            self._exits.pop(package, None)
            self._foreground = package
        return app.pid

    def _app_jvm_opts(self, package: str) -> list[str]:
        """The JVM options of every process of ``package``: its proxy, its temp dir, the device's resolver."""
        opts = list(self._jvm_opts) + (self._proxy.jvm_options() if self._proxy else list(BLOCK_NETWORK_OPTS))
        cache = self.files.data_dir(package) / "cache"  # as on Android: java.io.tmpdir is the app's cache
        cache.mkdir(parents=True, exist_ok=True)
        opts.append(f"-Djava.io.tmpdir={cache}")
        opts.append(f"-Djdk.net.hosts.file={self.files.hosts}")  # names resolve from it alone: no DNS query
        if self._allow_connect:  # destinations let through besides the proxy (docs/virtual-device.md)
            opts.append(f"-Ddynscan.allow_connect={self._allow_connect}")
        return opts

    def _start_process(self, package: str, name: str, service: str) -> None:
        """The runtime asked for ``name`` (``package:push``) to run ``service``: start it held, announce it."""
        if not self.is_running(package):
            return
        opts = self._app_jvm_opts(package)
        try:
            child = AppProcess.start(
                self._java, opts, [self._framework], self.root,
                self.files.app_dir(package), package, self.files.log_file(package),
                lambda ex: self._child_ended(name), process=(name, service),
                on_event=lambda event: self._on_app_event(package, event))
        except DynscanError:
            return  # the service's process did not start: as on Android, the app goes on without it
        with self._lock:
            old = self._child_procs.pop(name, None)
            self._child_procs[name] = child
        if old is not None:
            old.stop(grace_s=0)
        self.children.added(Spawn(child.pid, name))

    def _child_ended(self, name: str) -> None:
        with self._lock:
            child = self._child_procs.get(name)
            if child is not None and not child.alive():
                del self._child_procs[name]

    def _resume_child(self, pid: int) -> None:
        with self._lock:
            child = next((c for c in self._child_procs.values() if c.pid == pid), None)
        if child is not None and child.alive():
            with contextlib.suppress(DynscanError):
                child.request("resume")

    def resume(self, pid: int) -> None:
        """Let a spawned app run: its Application and launcher activity are created next."""
        self._by_pid(pid).request("resume")

    def launch(self, package: str) -> int:
        """Start the app (spawn + resume), or bring its running process back to the foreground."""
        app = self._procs.get(package)
        if app is not None and app.alive():
            app.request("front")
            with self._lock:
                self._foreground = package
            return app.pid
        pid = self.spawn(package)
        self.resume(pid)
        return pid

    def stop(self, package: str) -> None:
        """Force-stop the app, every process of it (recorded as ``stopped`` with ``cause: driver``)."""
        with self._lock:
            app = self._procs.get(package)
            children = [c for n, c in self._child_procs.items() if n.startswith(package + ":")]
        for child in children:
            child.stop(grace_s=0)
        if app is not None:
            app.stop(grace_s=self._grace)

    def clear(self, package: str) -> None:
        """Stop the app and wipe its data: shared preferences, files and runtime permissions."""
        self._require(package)
        self.stop(package)
        self.files.clear_data(package)

    def grant(self, package: str, permission: str) -> bool:
        """``pm grant``: the app sees the permission granted from its next check on."""
        info = self._require(package)
        if permission not in info.permissions or not is_runtime(permission):
            return False
        return self.files.grant(package, permission)

    def is_running(self, package: str) -> bool:
        app = self._procs.get(package)
        return app is not None and app.alive()

    def pid_of(self, package: str) -> int | None:
        app = self._procs.get(package)
        return app.pid if app is not None and app.alive() else None

    def wait_for_exit(self, package: str, timeout_s: float) -> AppExit | None:
        """Wait for the app's process to end; None if it still runs after ``timeout_s``."""
        app = self._procs.get(package)
        if app is None:
            return self._exits.get(package)
        return app.wait(timeout_s)

    def last_exit(self, package: str) -> AppExit | None:
        return self._exits.get(package)

    def runtime_log(self, package: str, since: int = 0) -> list[dict[str, Any]]:
        """The runtime's own log of lifecycle callbacks, dialogs, permission flows and component starts."""
        result = self._app(package).request("log", str(since))
        return list(result) if isinstance(result, list) else []

    def app_state(self, package: str) -> dict[str, Any]:
        result = self._app(package).request("state")
        return dict(result) if isinstance(result, dict) else {}

    def _app(self, package: str) -> AppProcess:
        app = self._procs.get(package)
        if app is None or not app.alive():
            raise AppNotRunning(f"{package} is not running")
        return app

    def _by_pid(self, pid: int) -> AppProcess:
        with self._lock:
            for app in self._procs.values():
                if app.pid == pid and app.alive():
                    return app
        raise AppNotRunning(f"no running app with pid {pid} on the virtual device")

    def _on_app_event(self, package: str, event: dict[str, Any]) -> None:
        """An event the runtime recorded (a refused connection or file write): to the sink, as the device's."""
        sink = self._sink
        if sink is None:
            return
        app = self._procs.get(package)
        event = {**event, "source": "device", "process": package, **({"pid": app.pid} if app else {})}
        event.setdefault("ts", time.time())
        try:
            sink(event)
        except DynscanError as e:
            say(f"warning: an event of {package} was not recorded: {e}")

    def _on_exit(self, ex: AppExit) -> None:
        with self._lock:
            self._exits[ex.package] = ex
            if self._procs.get(ex.package) is not None and not self._procs[ex.package].alive():
                self._procs.pop(ex.package, None)
            if self._foreground == ex.package:
                self._foreground = None
        sink = self._sink
        if sink is None:
            return
        event: dict[str, Any] = {"kind": "app_state", "ts": time.time(), "source": "device",
                                 "process": ex.package, "pid": ex.pid, "detail": ex.detail}
        if ex.cause == "crashed":
            event["state"] = "crashed"
        else:
            event["state"] = "stopped"
            event["cause"] = ex.cause if ex.cause in ("app", "driver") else "system"
        try:
            sink(event)
        except DynscanError as e:  # on the process's reader thread: say it, do not die with a traceback
            say(f"warning: the exit of {ex.package} was not recorded: {e}")

    # ------------------------------------------------------------------ UI

    def _front(self) -> AppProcess | None:
        pkg = self._foreground
        app = self._procs.get(pkg) if pkg else None
        return app if app is not None and app.alive() else None

    def dump_ui(self) -> str:
        app = self._front()
        if app is None:
            return screens.launcher_xml()
        return str(app.request("dump", timeout_s=self._anr_timeout_s + 10))

    def tap(self, x: int, y: int) -> None:
        self.touch(x, y)

    def touch(self, x: int, y: int) -> str:
        """Tap the screen; returns what was hit (a resource id or a view's text; empty if nothing)."""
        app = self._front()
        if app is None:
            return ""
        try:
            return str(app.request("tap", str(int(x)), str(int(y)), timeout_s=self._anr_timeout_s + 10))
        except AppNotRunning:
            return ""  # the tap ended the app (finish() or System.exit in a click handler)

    def key(self, key: Key) -> None:
        if key not in ("HOME", "BACK"):
            raise InputError(f"unknown key {key!r}: use HOME or BACK")
        app = self._front()
        if app is None:
            return
        try:
            app.request("key", key, timeout_s=self._anr_timeout_s + 10)
        except AppNotRunning:
            return  # BACK closed the last activity
        if key == "HOME":
            with self._lock:
                self._foreground = None

    def set_sensor_injector(self, injector: SensorInjector | None) -> None:
        """Unused: the virtual device delivers samples through its own runtime (:meth:`inject_sensor`)."""

    def inject_sensor(self, samples: list[SensorSample]) -> None:
        """Deliver ``samples`` to the foreground app's listeners; returns when the last one is due."""
        app = self._front()
        if app is None or not samples:
            return
        spec = ";".join(
            f"{s.sensor},{s.at_s:.4f},{s.values[0]:.5f},{s.values[1]:.5f},{s.values[2]:.5f}" for s in samples
        )
        start = time.monotonic()
        app.request("sensor", spec)
        end = max(s.at_s for s in samples) + 0.25
        time.sleep(max(0.0, end - (time.monotonic() - start)))


def _conforms(device: SimDevice) -> Device:
    """mypy checks here that SimDevice implements the Device protocol."""
    return device
