"""The health gate a device passes before each job: responsive, frida-server and CA tooling in place,
no restore journal pending. It reuses ``dynscan doctor``'s checks, so both say the same thing."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from dynscan.batch.devices import Slot
from dynscan.device.registry import SIM_SERIAL
from dynscan.instrument.doctor_checks import Check, check_bundle, check_java, check_mitmdump

#: The host-side checks change rarely: cached this long.
HOST_CHECKS_TTL_S = 300.0
_host_cache: tuple[float, list[Check]] | None = None
_host_lock = threading.Lock()  # devices starting together run the host checks once, not once each


def _host_checks() -> list[Check]:
    global _host_cache
    with _host_lock:
        now = time.monotonic()
        if _host_cache is None or now - _host_cache[0] > HOST_CHECKS_TTL_S:
            _host_cache = (now, [check_java(), check_mitmdump(), check_bundle()])
        return _host_cache[1]


def _android_checks(serial: str) -> list[Check]:
    """As ``dynscan doctor --device``: adb, the restore journal, a frida-server of this host's version (running,
    or on this machine to push), and Frida's answer only when one runs."""
    from dynscan.instrument.doctor_checks import check_adb, check_device, check_frida_server, check_journal

    adb = check_adb(serial)
    if adb.status != "ok":
        return [adb]
    checks = [adb, check_journal(serial), check_frida_server(serial)]
    if checks[-1].status == "ok" and checks[-1].detail.endswith(" running"):
        checks.append(check_device(serial))
    return checks


def health_gate(slot: Slot, extra: Callable[[Slot], list[Check]] | None = None) -> str | None:
    """None when ``slot`` may take a job; else the first failing check as one line."""
    checks = list(_host_checks())
    if slot.serial != SIM_SERIAL:
        checks += _android_checks(slot.serial)
    if extra is not None:
        checks += extra(slot)
    for c in checks:
        if c.status == "fail":
            return f"{c.name}: {c.detail}" + (f" (fix: {c.fix})" if c.fix else "")
    return None
