"""The proxy CA as a system CA on Android 14+, where the trusted store is the Conscrypt APEX's.

Android 14 reads system CAs from ``/apex/com.android.conscrypt/cacerts``, which is read-only even for
root and is mounted into every app's own mount namespace, forked from zygote. The recipe (the one
published by interception tools for rooted Android 14 devices):

1. build a tmpfs over ``/system/etc/security/cacerts`` holding the APEX's certificates plus ours;
2. bind-mount it over the APEX directory inside each zygote's mount namespace (``nsenter``), so every
   app started afterwards (the app under test is spawned later) trusts the CA, and inside the
   namespaces of apps already running.

Both steps are one device-side script run as root (as httptoolkit-server's ``injectSystemCertificate``),
with the zygote and app pids found beforehand and written into it, ending in a marker the host requires:
a bind refused in a zygote fails the whole script; an app that ends meanwhile does not.

The restore unmounts the bind in every zygote and in each zygote child running at restore time
(apps forked during the session inherited the mount), then the tmpfs. Every step tolerates a
mount that is not there, so it is safe to replay from the journal. Tested only against the scripted
adb server: no Android 14 device can be reached from the machines this was written on.
"""

from __future__ import annotations

import shlex
from collections.abc import Callable
from typing import Any

from dynscan.device.android import cacert
from dynscan.device.android.shell import DeviceShell
from dynscan.errors import SetupError

MOUNT = "/system/bin/mount"
UMOUNT = "/system/bin/umount"


def zygotes(shell: DeviceShell) -> list[int]:
    pids: list[int] = []
    for name in ("zygote", "zygote64"):
        pids += [int(p) for p in shell.run(f"pidof {name}").stdout.split() if p.isdigit()]
    return sorted(set(pids))


def children(shell: DeviceShell, parents: list[int]) -> list[int]:
    """Processes whose parent is one of ``parents`` (apps forked from zygote), from ``ps``."""
    out = shell.run_root("ps -A -o PID,PPID").stdout
    wanted = set(parents)
    kids: list[int] = []
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 2 and parts[0].isdigit() and parts[1].isdigit() and int(parts[1]) in wanted:
            kids.append(int(parts[0]))
    return kids


def _in_namespace(pid: int, command: str) -> str:
    return f"nsenter --mount=/proc/{pid}/ns/mnt -- {command}"


def install(shell: DeviceShell, pem: bytes, record: Callable[[dict[str, Any]], None]) -> None:
    """Install ``pem`` for every app started from now on; ``record`` journals the undo step first."""
    name = cacert.cert_file_name(pem)
    d, apex = cacert.SYSTEM_CACERTS, cacert.APEX_CACERTS
    zs = zygotes(shell)
    if not zs:
        raise SetupError(f"device {shell.serial}: no zygote process found; cannot install the CA for Android 14+")
    running = children(shell, zs)
    tmp = cacert.pushed_path(name)
    record({"op": "ca_apex", "dir": d, "apex": apex, "tmp": tmp, "zygotes": zs})
    shell.client.push(shell.serial, pem, tmp)
    bind = f"{MOUNT} --bind {d} {apex}"
    script = "; ".join([cacert.overlay_script(apex, name), *(_in_namespace(pid, bind) for pid in zs),
                        *(f"{_in_namespace(pid, bind)} || true" for pid in running), f"echo {cacert.DONE}"])
    r = shell.run_root(f"sh -c {shlex.quote(script)}")
    if not r.ok or cacert.DONE not in r.stdout:
        detail = " ".join((r.stderr or r.stdout).split())[:200]
        raise SetupError(f"device {shell.serial}: installing the proxy CA for Android 14+ (tmpfs, then a bind "
                         f"into zygotes {', '.join(map(str, zs))}) failed (exit {r.exit_code}): {detail}")


def undo(shell: DeviceShell, step: dict[str, Any]) -> None:
    """Unmount the bind everywhere it can be, then the tmpfs; missing mounts are fine."""
    apex, d = str(step.get("apex") or cacert.APEX_CACERTS), str(step.get("dir") or cacert.SYSTEM_CACERTS)
    recorded = [int(p) for p in step.get("zygotes") or [] if isinstance(p, int) or str(p).isdigit()]
    zs = sorted(set(recorded) | set(zygotes(shell)))
    for pid in [*zs, *children(shell, zs)]:
        shell.run_root(_in_namespace(pid, f"{UMOUNT} {shlex.quote(apex)}"))
    shell.run_root(f"umount {shlex.quote(d)}")
    shell.run_root(f"rm -f {shlex.quote(str(step.get('tmp') or ''))}")
