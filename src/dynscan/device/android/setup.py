"""``DeviceSetup``: proxy, system CA and frida-server on a phone for one session, restored on every exit path.

Normal exit, an exception, Ctrl-C and SIGTERM (turned into :class:`Terminated` while the context is open)
all run the restore. Each change is journalled first (:mod:`dynscan.device.android.journal`), so a killed
dynscan is cleaned up later with ``restore_from_journal(serial)``.
"""

from __future__ import annotations

import shlex
import signal
import threading
from pathlib import Path
from types import FrameType, TracebackType
from typing import Any

from dynscan.device.android import apex_ca, cacert, frida_server, wireguard
from dynscan.device.android.adb import AdbClient, RootMode
from dynscan.device.android.journal import Journal, Step, undo_all
from dynscan.device.android.shell import DeviceShell
from dynscan.errors import SetupError, Terminated


class DeviceSetup:
    """Set the global HTTP proxy (+ ``adb reverse``), install ``ca_pem`` as a system CA, start frida-server.

    ``proxy_port``: the host port of the session's proxy (None: leave the proxy alone).
    ``wireguard_conf``: ``--capture wireguard``'s client configuration, pushed for the WireGuard app (the global
    proxy is cleared meanwhile; :mod:`.wireguard`).
    ``ca_pem``: the proxy's CA certificate (None: no CA install). Needs root; Android 7-13 through a tmpfs over
    the system store, 14+ through bind mounts over the Conscrypt APEX store (:mod:`.apex_ca`).
    ``start_frida``: have a frida-server of the host's frida version running as root (:mod:`.frida_server`);
    ``frida_server``: the binary to push (default: the cache, ``~/.cache/dynscan/frida-server/<version>/<abi>/``).
    """

    def __init__(
        self,
        serial: str,
        client: AdbClient | None = None,
        *,
        proxy_port: int | None = None,
        ca_pem: Path | None = None,
        start_frida: bool = True,
        journal_dir: Path | None = None,
        sdk_int: int | None = None,
        frida_server: Path | None = None,
        wireguard_conf: bytes | None = None,
    ) -> None:
        self.shell = DeviceShell(client or AdbClient(), serial)
        self.serial = serial
        self.proxy_port = proxy_port
        self.ca_pem = cacert.load_pem(ca_pem) if ca_pem is not None else None
        self.start_frida = start_frida
        self.frida_server = frida_server
        self.wireguard_conf = wireguard_conf
        self.journal = Journal(serial, journal_dir)
        self._sdk_int = sdk_int
        self._old_handler: Any = None
        self.notes: list[str] = []
        self.root_mode: RootMode = "none"

    # ------------------------------------------------------------------ context

    def __enter__(self) -> DeviceSetup:
        if self.journal.steps():
            raise SetupError(
                f"device {self.serial} has unrestored changes from an earlier run ({self.journal.path}): "
                f"run `dynscan doctor --device {self.serial} --restore` first"
            )
        self._install_handler()
        try:
            self._apply()
        except BaseException:
            self._restore(raise_errors=False)
            raise
        return self

    def __exit__(self, et: type[BaseException] | None, ev: BaseException | None, tb: TracebackType | None) -> None:
        self._restore(raise_errors=et is None)

    def _install_handler(self) -> None:
        if threading.current_thread() is not threading.main_thread():
            return

        def on_term(signum: int, frame: FrameType | None) -> None:
            raise Terminated()

        self._old_handler = signal.signal(signal.SIGTERM, on_term)

    def _restore(self, raise_errors: bool) -> None:
        pending: list[int] = []
        main = threading.current_thread() is threading.main_thread()
        if main:  # a second SIGTERM or Ctrl-C must not cut the restore short
            old_int = signal.signal(signal.SIGINT, lambda s, f: pending.append(s))
            signal.signal(signal.SIGTERM, lambda s, f: pending.append(s))
        try:
            errors = undo_all(self.shell, self.journal)
        finally:
            if main:
                signal.signal(signal.SIGINT, old_int)
                signal.signal(signal.SIGTERM, self._old_handler if self._old_handler is not None else signal.SIG_DFL)
        if errors and raise_errors:
            raise SetupError(f"device {self.serial}: could not restore {'; '.join(errors)} "
                             f"(journal kept at {self.journal.path})")
        if pending and raise_errors:
            raise Terminated() if signal.SIGTERM in pending else KeyboardInterrupt()

    # ------------------------------------------------------------------ changes

    def _step(self, step: Step) -> None:
        self.journal.record(step)

    def _apply(self) -> None:
        if self.ca_pem is not None or self.start_frida:  # root first: `adb root` restarts adbd, dropping reverses
            self.root_mode = self.shell.ensure_root(lambda: self._step({"op": "adb_root"}))
        if self.proxy_port is not None:
            self._set_proxy(self.proxy_port)
        if self.wireguard_conf is not None:
            self._set_wireguard(self.wireguard_conf)
        if self.ca_pem is not None:
            self._install_ca(self.ca_pem)
        if self.start_frida:
            self._start_frida()

    def _set_proxy(self, port: int) -> None:
        previous = self.shell.check("settings get global http_proxy").strip()
        self._step({"op": "proxy", "previous": None if previous in ("", "null", ":0") else previous})
        self._step({"op": "reverse", "remote": f"tcp:{port}"})
        self.shell.client.reverse(self.serial, f"tcp:{port}", f"tcp:{port}")
        self.shell.check(f"settings put global http_proxy 127.0.0.1:{port}")

    def _set_wireguard(self, conf: bytes) -> None:
        """``--capture wireguard``: no global proxy, the client configuration pushed for the WireGuard app."""
        wireguard.clear_proxy(self.shell, self._step)
        wireguard.push_conf(self.shell, conf, self._step)
        if not wireguard.app_installed(self.shell):
            self.notes.append(f"the WireGuard app ({wireguard.WIREGUARD_APP}) is not installed: install it from "
                              "Google Play or F-Droid")

    def sdk_int(self) -> int:
        if self._sdk_int is None:
            raw = self.shell.check("getprop ro.build.version.sdk").strip()
            self._sdk_int = int(raw) if raw.isdigit() else 0
        return self._sdk_int

    def _install_ca(self, pem: bytes) -> None:
        name = cacert.cert_file_name(pem)
        apex = self.sdk_int() >= 34  # the trusted store is the Conscrypt APEX's, per app mount namespace
        state = cacert.installed(self.shell, pem, apex)
        if state == "ours":
            self.notes.append(f"CA {name} already installed as a system CA: left as it is")
            return
        if not self.shell.rooted:
            other = f" (a different CA is installed under the same name {name})" if state == "other" else ""
            raise SetupError(f"device {self.serial} is not rooted: install the proxy CA {name} as a system CA by hand "
                             f"(see docs/android.md) or use a rooted phone{other}")
        if state == "other":
            self.notes.append(f"a different CA is installed as {name}: dynscan's replaces it for this session")
        if apex:
            apex_ca.install(self.shell, pem, self._step)
            return
        tmp = cacert.pushed_path(name)
        self._step({"op": "ca_tmpfs", "dir": cacert.SYSTEM_CACERTS, "tmp": tmp})
        self.shell.client.push(self.serial, pem, tmp)
        script = f"{cacert.overlay_script(cacert.SYSTEM_CACERTS, name)}; echo {cacert.DONE}"
        r = self.shell.run_root(f"sh -c {shlex.quote(script)}")
        if not r.ok or cacert.DONE not in r.stdout:
            detail = " ".join((r.stderr or r.stdout).split())[:200]
            raise SetupError(f"device {self.serial}: installing the proxy CA as a system CA failed "
                             f"(exit {r.exit_code}): {detail}")

    def _start_frida(self) -> None:
        """frida-server of this host's frida version, running as root (:mod:`.frida_server`)."""
        want = frida_server.host_version()
        found = frida_server.running(self.shell)
        versions = {exe: frida_server.version_of(self.shell, exe) if exe else None for exe in set(found.values())}
        if found and all(v == want for v in versions.values()):
            self.notes.append(f"frida-server {want} already running: reused")
            return
        if not self.shell.rooted:
            raise SetupError(f"device {self.serial} is not rooted: frida-server must run as root "
                             "(Magisk, an emulator image with `adb root`, or a userdebug build)")
        abi = self.shell.check("getprop ro.product.cpu.abi").strip()
        local = frida_server.find_binary(want, abi, self.frida_server)
        if local is None:
            raise SetupError(frida_server.missing_message(self.serial, want, abi))
        data = frida_server.load_binary(local, abi)
        for exe, version in versions.items():  # another version runs: stop it now, start it again at the end
            if frida_server.plain_path(exe) and not exe.startswith(frida_server.REMOTE_DIR + "/"):
                self._step({"op": "frida_restart", "path": exe})
            frida_server.stop(self.shell, exe)
            self.notes.append(f"frida-server {version or '?'} ({exe}) stopped: the host's frida is {want}")
        self._step({"op": "remove", "path": frida_server.REMOTE_DIR})
        self.shell.check(f"mkdir -p {frida_server.REMOTE_DIR}")
        self.shell.client.push(self.serial, data, frida_server.REMOTE, mode=0o755)
        self.shell.check(f"chmod 755 {frida_server.REMOTE}")
        got = frida_server.version_of(self.shell, frida_server.REMOTE)
        if got != want:
            raise SetupError(f"{local} is frida-server {got or '(no version)'}, but this host's frida is {want}: "
                             f"use {frida_server.release_name(want, abi)}")
        self._step({"op": "frida_server", "path": frida_server.REMOTE})
        frida_server.start(self.shell, frida_server.REMOTE)
