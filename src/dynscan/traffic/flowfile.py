"""Reading a mitmproxy flow file (``mitmdump -w``) and finding personal data in each flow.

A file cut short (a proxy killed mid-write, a copy that stopped) still holds every flow before the
cut: those are read and reported, and :attr:`FlowScan.stopped` says where reading stopped.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mitmproxy import io

from dynscan.errors import InputError
from dynscan.traffic.detect import Detector
from dynscan.traffic.flowscan import scan_flow


@dataclass
class FlowScan:
    """The records of the readable flows; ``stopped``: why and where reading stopped early, if it did."""

    records: list[dict[str, Any]] = field(default_factory=list)
    stopped: str | None = None


class _Reader:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.stopped: str | None = None

    def flows(self) -> Iterator[Any]:
        """Every readable flow, in order; not a flow file at all is an :class:`InputError`."""
        try:
            f = self.path.open("rb")
        except OSError as e:
            raise InputError(f"{self.path}: cannot read the flow file ({e.strerror or e})") from e
        with f:
            size = self.path.stat().st_size
            n, good_end = 0, 0
            try:
                for flow in io.FlowReader(f).stream():
                    n += 1
                    good_end = f.tell()
                    yield flow
            except Exception as e:  # FlowReadException, ValueError, TypeError, KeyError from tnetstring
                if n == 0:
                    raise InputError(f"{self.path}: not a mitmproxy flow file ({type(e).__name__}: {e})") from e
                self.stopped = (f"{self.path}: truncated or corrupt after flow {n} (byte {good_end:,} of "
                                f"{size:,}: {type(e).__name__}); the {n} flow{'' if n == 1 else 's'} before it "
                                "are reported")


def scan_file(path: Path, detector: Detector) -> FlowScan:
    """CONTRACTS section 3 objects, one per readable flow (HTTP, websocket, TCP, UDP, DNS), in file order."""
    out = FlowScan()
    reader = _Reader(path)
    for flow in reader.flows():
        rec = scan_flow(detector, flow)
        if rec is not None:
            out.records.append(rec)
    out.stopped = reader.stopped
    return out
