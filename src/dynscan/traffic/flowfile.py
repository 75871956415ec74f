"""Reading a mitmproxy flow file (``mitmdump -w``) and finding personal data in each flow."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from mitmproxy import io

from dynscan.errors import InputError
from dynscan.traffic.detect import Detector
from dynscan.traffic.flowscan import scan_flow


def read_flows(path: Path) -> Iterator[Any]:
    """Every flow in the file, in order; :class:`InputError` when it is not a flow file or is cut."""
    try:
        f = path.open("rb")
    except OSError as e:
        raise InputError(f"{path}: cannot read the flow file ({e.strerror or e})") from e
    with f:
        n = 0
        try:
            for flow in io.FlowReader(f).stream():
                n += 1
                yield flow
        except Exception as e:  # FlowReadException, ValueError, TypeError, KeyError from tnetstring
            what = "not a mitmproxy flow file" if n == 0 else f"truncated or corrupt after flow {n}"
            raise InputError(f"{path}: {what} ({type(e).__name__}: {e})") from e


def iter_records(path: Path, detector: Detector) -> Iterator[dict[str, Any]]:
    """CONTRACTS section 3 objects, one per flow (HTTP, websocket, TCP, UDP, DNS), in file order, as
    they are read: one flow in memory at a time."""
    for flow in read_flows(path):
        rec = scan_flow(detector, flow)
        if rec is not None:
            yield rec


def scan_file(path: Path, detector: Detector) -> list[dict[str, Any]]:
    """All of :func:`iter_records` in a list."""
    return list(iter_records(path, detector))
