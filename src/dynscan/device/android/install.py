"""Installing an app through ``pm``, as ``adb install`` / ``adb install-multiple`` do on the device.

One APK: pushed to ``/data/local/tmp`` and ``pm install -r -t -d`` (replace, allow test-only, allow a
version downgrade; never ``-g``: the scenario must see the permission dialogs). A base with splits: one
``pm install-create`` session, an ``install-write`` per APK, ``install-commit`` (what AOSP adb's
``install-multiple`` does with ``cmd package``). A long timeout: dexopt of a large app takes minutes.
The pushed copies are deleted whatever happens.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path
from typing import TYPE_CHECKING

from dynscan.errors import SetupError

if TYPE_CHECKING:
    from dynscan.device.android.adb import AdbClient

INSTALL_TIMEOUT_S = 600.0
INSTALL_FLAGS = ("-r", "-t", "-d")


def install_apks(client: AdbClient, serial: str, apks: list[Path]) -> None:
    from dynscan.device.android.adb import one_line

    blobs: list[tuple[str, bytes]] = []
    for i, apk in enumerate(apks):
        try:
            blobs.append((f"/data/local/tmp/dynscan-install-{i}.apk", apk.read_bytes()))
        except OSError as e:
            raise SetupError(f"cannot read {apk}: {e.strerror or e}") from e
    try:
        for remote, data in blobs:
            client.push(serial, data, remote)
        if len(blobs) == 1:
            out = _pm(client, serial, f"pm install {' '.join(INSTALL_FLAGS)} {blobs[0][0]}")
        else:
            out = _session(client, serial, blobs)
    finally:
        client.shell(serial, "rm -f " + " ".join(shlex.quote(r) for r, _ in blobs))
    if "Success" not in out:
        names = ", ".join(a.name for a in apks)
        raise SetupError(f"device {serial}: installing {names} failed: {one_line(out)[:300]}")


def _pm(client: AdbClient, serial: str, command: str) -> str:
    r = client.shell(serial, command, INSTALL_TIMEOUT_S)
    return r.stdout + " " + r.stderr


def _session(client: AdbClient, serial: str, blobs: list[tuple[str, bytes]]) -> str:
    total = sum(len(d) for _, d in blobs)
    created = _pm(client, serial, f"pm install-create {' '.join(INSTALL_FLAGS)} -S {total}")
    m = re.search(r"\[(\d+)\]", created)
    if m is None:
        return created
    sid = m.group(1)
    for i, (remote, data) in enumerate(blobs):
        out = _pm(client, serial, f"pm install-write -S {len(data)} {sid} {i}_split.apk {remote}")
        if "Success" not in out:
            client.shell(serial, f"pm install-abandon {sid}")
            return out
    return _pm(client, serial, f"pm install-commit {sid}")
