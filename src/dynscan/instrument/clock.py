"""Device-to-host clock offset: the host time at the middle of the fastest ``clock()`` round trip."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import NamedTuple


class ClockOffset(NamedTuple):
    offset_s: float  # add to a device timestamp (s) to get host time
    rtt_s: float     # the round trip of the sample used: the offset's uncertainty bound


def measure_offset(device_ms: Callable[[], float], samples: int = 5) -> ClockOffset:
    best: ClockOffset | None = None
    for _ in range(max(1, samples)):
        t0 = time.time()
        remote = float(device_ms()) / 1000.0
        t1 = time.time()
        cand = ClockOffset((t0 + t1) / 2.0 - remote, t1 - t0)
        if best is None or cand.rtt_s < best.rtt_s:
            best = cand
    assert best is not None
    return best
