"""The checks behind ``dynscan doctor``: each says what is wrong and how to fix it."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Literal, NamedTuple

import frida

from dynscan.errors import DynscanError
from dynscan.instrument.bundle import BUILD_HINT, bundle_path
from dynscan.instrument.devices import frida_device

Status = Literal["ok", "warn", "fail"]


class Check(NamedTuple):
    name: str
    status: Status
    detail: str
    fix: str = ""


def _which(tool: str) -> str | None:
    """A tool on PATH or beside this Python (a virtualenv's bin)."""
    local = Path(sys.executable).parent / tool
    return str(local) if local.exists() else shutil.which(tool)


def _version(cmd: list[str]) -> str:
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=20, check=False)
    except (OSError, subprocess.TimeoutExpired) as e:
        return f"cannot run ({e})"
    out = (proc.stdout or proc.stderr).strip().splitlines()
    return out[0] if out else f"exit {proc.returncode}"


def check_java() -> Check:
    java, javac = _which("java"), _which("javac")
    if java is None or javac is None:
        missing = " and ".join(t for t, p in (("java", java), ("javac", javac)) if p is None)
        return Check("java", "fail", f"{missing} not found",
                     "install a JDK 17+ (Debian: apt-get install openjdk-17-jdk-headless)")
    return Check("java", "ok", _version([java, "-version"]))


def check_frida() -> Check:
    try:
        frida.get_local_device()
    except frida.InvalidOperationError as e:
        return Check("frida", "fail", f"frida {frida.__version__}: {e}", "pip install 'frida>=17,<18'")
    return Check("frida", "ok", f"frida {frida.__version__} (Python), local device reachable")


def check_bundle() -> Check:
    path = bundle_path()
    if not path.exists() or path.stat().st_size == 0:
        return Check("agent", "fail", f"agent bundle missing: {path}", BUILD_HINT)
    return Check("agent", "ok", f"{path} ({path.stat().st_size // 1024} KiB)")


def check_mitmdump() -> Check:
    tool = _which("mitmdump")
    if tool is None:
        return Check("mitmdump", "fail", "mitmdump not found", "pip install 'mitmproxy>=11,<12'")
    return Check("mitmdump", "ok", _version([tool, "--version"]))


def check_node() -> Check:
    node = _which("node")
    if node is None:
        return Check("node", "warn", "Node.js not found (only needed to rebuild the agent)",
                     "install Node.js 18+ and npm to rebuild the agent")
    return Check("node", "ok", _version([node, "--version"]))


def check_device(serial: str) -> Check:
    try:
        dev = frida_device(serial)
        dev.enumerate_processes()
    except (DynscanError, frida.ServerNotRunningError, frida.TransportError, frida.InvalidOperationError) as e:
        return Check("device", "fail", f"{serial}: {e}",
                     "start frida-server 17 on the device as root (adb shell su -c /data/local/tmp/frida-server &)")
    return Check("device", "ok", f"{serial}: Frida reachable")


def check_adb(serial: str) -> Check:
    """The device is attached and authorised (``adb devices`` lists it as ``device``)."""
    from dynscan.device.android import AdbClient
    from dynscan.device.android.listing import STATE_FIXES

    try:
        entries = AdbClient(timeout_s=5).devices()
    except DynscanError as e:
        return Check("adb", "fail", f"no adb server: {e}", "install platform-tools and run `adb start-server`")
    entry = next((d for d in entries if d.serial == serial), None)
    if entry is None:
        listed = ", ".join(d.serial for d in entries) or "none"
        return Check("adb", "fail", f"{serial} is not attached (adb lists: {listed})",
                     "connect it (USB debugging on) or start the emulator; see `dynscan devices`")
    if entry.state != "device":
        return Check("adb", "fail", f"{serial} is {entry.state}",
                     STATE_FIXES.get(entry.state, STATE_FIXES["offline"]))
    return Check("adb", "ok", f"{serial} attached")


def check_frida_server(serial: str) -> Check:
    """A frida-server of this host's frida version: running, or on this machine to push (``dynscan run`` does)."""
    from dynscan.device.android import AdbClient
    from dynscan.device.android import frida_server as fs
    from dynscan.device.android.shell import DeviceShell

    want = fs.host_version()
    try:
        shell = DeviceShell(AdbClient(timeout_s=10), serial)
        found = fs.running(shell)
        versions = sorted({fs.version_of(shell, exe) or "?" for exe in found.values() if exe})
        if want in versions:
            return Check("frida-server", "ok", f"{serial}: frida-server {want} running")
        abi = shell.check("getprop ro.product.cpu.abi").strip()
        local = fs.find_binary(want, abi)
    except DynscanError as e:
        return Check("frida-server", "fail", str(e), "see `dynscan devices`")
    running = f" (running: {', '.join(versions)})" if versions else ""
    if local is not None:
        return Check("frida-server", "ok", f"{serial}: {local} will be pushed and started{running}")
    return Check("frida-server", "fail", f"{serial}: no frida-server {want} for {abi}{running}",
                 f"download {fs.release_name(want, abi)}.xz from {fs.release_url(want, abi)} into "
                 f"{fs.cache_dir(want, abi)}/ (or pass --frida-server PATH to dynscan run)")


def check_journal(serial: str) -> Check:
    """Changes an interrupted run left on the device (proxy, CA, frida-server) still journalled."""
    from dynscan.device.android import Journal

    steps = Journal(serial).steps()
    if not steps:
        return Check("restore journal", "ok", f"{serial}: nothing left to restore")
    ops = ", ".join(str(s.get("op")) for s in steps)
    return Check("restore journal", "fail", f"{serial}: an interrupted run left changes: {ops}",
                 f"dynscan doctor --device {serial} --restore")


BASE_CHECKS: tuple[Callable[[], Check], ...] = (check_java, check_frida, check_bundle, check_mitmdump, check_node)


def run_checks(serial: str | None = None) -> list[Check]:
    checks = [c() for c in BASE_CHECKS]
    if serial not in (None, "sim"):
        assert serial is not None
        if ":" in serial and not serial.startswith("emulator-"):  # host:port, a remote frida-server
            return [*checks, check_device(serial)]
        adb = check_adb(serial)
        checks += [adb, check_journal(serial)]
        if adb.status == "ok":  # Frida's answer for a device that is not there says nothing useful
            checks.append(check_frida_server(serial))
            if checks[-1].detail.endswith(" running"):
                checks.append(check_device(serial))
    return checks
