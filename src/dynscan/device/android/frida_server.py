"""frida-server on the device: found offline, checked (version and ABI), pushed, started as root, reused only
when it matches the host's frida.

Recipe, as frida's own docs and MobSF's dynamic analyzer do it (``update_frida_server``: the release asset
``frida-server-{version}-android-{arch}``, arch from ``ro.product.cpu.abi``): the binary for this host's
``frida.__version__`` comes from ``--frida-server PATH`` or the cache
``~/.cache/dynscan/frida-server/<version>/<abi>/`` (a ``frida-server`` file, or the release's own name,
``.xz`` or unpacked); it is pushed to :data:`REMOTE`, made ``755``, started as root with ``-D`` and waited
for. Nothing is downloaded: a lab without the file gets its exact name and release URL
(:func:`missing_message`, also shown by ``dynscan doctor --device SERIAL``).

A running frida-server is reused only when ``/proc/PID/exe --version`` equals the host's frida version
(frida refuses a server of another major version with ``ProtocolError``); one of another version is
stopped and started again from its own path when the session ends.
"""

from __future__ import annotations

import lzma
import os
import re
import shlex
import time
from pathlib import Path

from dynscan.device.android.shell import DeviceShell
from dynscan.errors import InputError, SetupError

REMOTE_DIR = "/data/local/tmp/dynscan"
REMOTE = f"{REMOTE_DIR}/frida-server"  # the basename stays frida-server, so `pidof frida-server` finds it
RELEASE_URL = "https://github.com/frida/frida/releases/download/{version}/{name}.xz"
#: Android ABI -> (frida's release arch, ELF e_machine, ELF class: 1 = 32-bit, 2 = 64-bit)
ABIS: dict[str, tuple[str, int, int]] = {
    "arm64-v8a": ("arm64", 183, 2), "armeabi-v7a": ("arm", 40, 1), "armeabi": ("arm", 40, 1),
    "x86_64": ("x86_64", 62, 2), "x86": ("x86", 3, 1),
}
START_WAIT_S = 5.0


def plain_path(path: str) -> bool:
    """An absolute device path of plain characters and no ``..``: safe to run again from the journal."""
    return bool(re.fullmatch(r"(/[A-Za-z0-9._+-]+)+", path)) and "/../" not in path + "/"


def host_version() -> str:
    import frida

    return str(frida.__version__)


def frida_arch(abi: str) -> str:
    if abi not in ABIS:
        raise SetupError(f"no frida-server build for the device's ABI {abi!r} (known: {', '.join(ABIS)})")
    return ABIS[abi][0]


def release_name(version: str, abi: str) -> str:
    return f"frida-server-{version}-android-{frida_arch(abi)}"


def release_url(version: str, abi: str) -> str:
    return RELEASE_URL.format(version=version, name=release_name(version, abi))


def cache_dir(version: str, abi: str) -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "dynscan" / "frida-server" / version / abi


def find_binary(version: str, abi: str, explicit: Path | None = None) -> Path | None:
    """``explicit`` (must exist), else the first of the cache's candidate names; None when there is none."""
    if explicit is not None:
        if not explicit.is_file():
            raise InputError(f"--frida-server {explicit}: no such file")
        return explicit
    d, name = cache_dir(version, abi), release_name(version, abi)
    return next((p for p in (d / "frida-server", d / name, d / f"{name}.xz") if p.is_file()), None)


def missing_message(serial: str, version: str, abi: str) -> str:
    return (f"device {serial}: no frida-server {version} for {abi} on this machine: download "
            f"{release_name(version, abi)}.xz from {release_url(version, abi)} into {cache_dir(version, abi)}/ "
            "(or pass --frida-server PATH)")


def load_binary(path: Path, abi: str) -> bytes:
    """The executable's bytes (``.xz`` unpacked); :class:`SetupError` when it is not an ELF for ``abi``."""
    try:
        data = path.read_bytes()
        if path.suffix == ".xz":
            data = lzma.decompress(data)
    except (OSError, lzma.LZMAError) as e:
        raise InputError(f"{path}: not a readable frida-server: {e}") from e
    if data[:4] != b"\x7fELF" or len(data) < 20:
        raise InputError(f"{path}: not a frida-server executable (no ELF header)")
    arch = frida_arch(abi)
    _, machine, klass = ABIS[abi]
    if (int.from_bytes(data[18:20], "little"), data[4]) != (machine, klass):
        raise SetupError(f"{path} is not built for the device's ABI {abi}: use {release_name('<version>', abi)} "
                         f"(frida's {arch} build)")
    return data


def version_of(shell: DeviceShell, path: str) -> str | None:
    r = shell.run_root(f"{shlex.quote(path)} --version")
    out = r.stdout.strip()
    return out if r.ok and out and out[0].isdigit() else None


def running(shell: DeviceShell) -> dict[int, str]:
    """pid -> executable path of every running frida-server (``readlink /proc/PID/exe`` as root)."""
    pids = [int(p) for p in shell.run("pidof frida-server").stdout.split() if p.isdigit()]
    return {pid: shell.run_root(f"readlink /proc/{pid}/exe").stdout.strip() for pid in pids}


def start(shell: DeviceShell, path: str, wait_s: float | None = None) -> None:
    """Start ``path`` as root, daemonised, and wait until it runs; :class:`SetupError` when it does not."""
    shell.check_root(f"{shlex.quote(path)} -D >/dev/null 2>&1 </dev/null")
    deadline = time.monotonic() + (START_WAIT_S if wait_s is None else wait_s)
    while path not in running(shell).values():
        if time.monotonic() >= deadline:
            raise SetupError(f"device {shell.serial}: {path} did not start (SELinux, or a binary for another ABI?): "
                             f"try `adb shell su -c {path}` to see why")
        time.sleep(0.1)


def stop(shell: DeviceShell, path: str | None = None) -> None:
    """Kill the frida-servers running from ``path`` (every one when None)."""
    pids = [str(p) for p, exe in running(shell).items() if path is None or exe == path]
    if pids:
        shell.check_root("kill " + " ".join(pids))
