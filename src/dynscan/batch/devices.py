"""``--devices SPEC``: ``sim:4`` is four independent virtual devices; other items are adb serials."""

from __future__ import annotations

import re
from typing import NamedTuple

from dynscan.device.registry import SIM_SERIAL
from dynscan.errors import InputError

MAX_SIMS = 64
_SERIAL = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")


class Slot(NamedTuple):
    """One device of the pool: a name for people and queues, and the serial ``dynscan run`` takes."""

    name: str
    serial: str


def parse_devices(spec: str) -> list[Slot]:
    """``sim``, ``sim:N``, serials, comma-separated: ``sim:2,emulator-5554``."""
    slots: list[Slot] = []
    sims = 0
    for item in (s.strip() for s in spec.split(",")):
        if not item:
            continue
        if item == SIM_SERIAL or item.startswith(SIM_SERIAL + ":"):
            count = item.partition(":")[2] or "1"
            if not count.isdigit() or not 1 <= int(count) <= MAX_SIMS:
                raise InputError(f"--devices {item!r}: use sim:N with N from 1 to {MAX_SIMS}")
            for _ in range(int(count)):
                sims += 1
                slots.append(Slot(f"sim-{sims}", SIM_SERIAL))
        elif _SERIAL.match(item):
            if any(s.serial == item for s in slots):
                raise InputError(f"--devices: {item} is listed twice")
            slots.append(Slot(item, item))
        else:
            raise InputError(f"--devices: {item!r} is not a device serial or sim:N")
    if not slots:
        raise InputError("--devices: no device given (e.g. sim:4 or emulator-5554,R58M123)")
    return slots
