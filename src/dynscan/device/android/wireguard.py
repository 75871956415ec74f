"""The phone's side of ``--capture wireguard``: the client configuration pushed for the WireGuard app,
the global proxy cleared (both paths would capture the same requests), and the tunnel recognised.

The VPN itself stays the tester's step: Android asks the user before an app may start a VPN, and the
official app (``com.wireguard.android``) imports a configuration only through its own UI (file or QR
code). The tunnel is recognised by the client address mitmproxy assigns (``10.0.0.1``) on an interface.
"""

from __future__ import annotations

import shlex
import time
from collections.abc import Callable
from typing import Any

from dynscan.device.android.shell import DeviceShell
from dynscan.errors import SetupError

#: Where the configuration is pushed (shared storage: the app's "Import from file" picker sees it).
REMOTE_CONF = "/sdcard/Download/dynscan-wireguard.conf"
WIREGUARD_APP = "com.wireguard.android"
CLIENT_ADDRESS = "10.0.0.1"
#: An emulator's guest reaches the host's 127.0.0.1 here (UDP included).
EMULATOR_HOST = "10.0.2.2"


def clear_proxy(shell: DeviceShell, record: Callable[[dict[str, Any]], None]) -> None:
    """Unset the global HTTP proxy for the session (journalled: the previous value comes back)."""
    previous = shell.check("settings get global http_proxy").strip()
    if previous in ("", "null", ":0"):
        return
    record({"op": "proxy", "previous": previous})
    shell.check("settings put global http_proxy :0")
    shell.check("settings delete global http_proxy")


def push_conf(shell: DeviceShell, conf: bytes, record: Callable[[dict[str, Any]], None]) -> None:
    record({"op": "wireguard_conf"})  # journalled first: removed again on every exit path
    shell.client.push(shell.serial, conf, REMOTE_CONF, mode=0o600)


def remove_conf(shell: DeviceShell) -> None:
    shell.check(f"rm -f {shlex.quote(REMOTE_CONF)}")


def app_installed(shell: DeviceShell) -> bool:
    out = shell.check(f"pm list packages {WIREGUARD_APP}")
    return f"package:{WIREGUARD_APP}" in out.split()


def tunnel_up(shell: DeviceShell) -> bool:
    """An interface holds mitmproxy's client address: the WireGuard tunnel is on."""
    r = shell.run("ip -o -4 addr show")
    return r.ok and any(f"inet {CLIENT_ADDRESS}/" in line for line in r.stdout.splitlines())


def wait_tunnel(shell: DeviceShell, timeout_s: float, poll_s: float = 1.0) -> None:
    deadline = time.monotonic() + timeout_s
    while not tunnel_up(shell):
        if time.monotonic() >= deadline:
            raise SetupError(f"device {shell.serial}: the WireGuard tunnel did not come up within {timeout_s:.0f}s "
                             f"(import {REMOTE_CONF} in the WireGuard app and turn the tunnel on)")
        time.sleep(poll_s)
