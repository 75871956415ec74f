"""Find personal data in a mitmproxy flow file."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import orjson
import typer

from dynscan.identity import Identity
from dynscan.traffic.detect import Detector
from dynscan.traffic.flowfile import iter_records
from dynscan.traffic.location import DEFAULT_TOLERANCE

#: Column widths of the text table (it is printed as the flows are read, so they are fixed; a
#: longer value widens its row only).
_WIDTHS = (5, 9, 6, 32)


class FlowsFormat(StrEnum):
    text = "text"
    json = "json"


def _pii_text(pii: list[dict[str, Any]]) -> str:
    return ", ".join(f"{p['type']}:{p['encoding']}@{p['location']}" for p in pii) or "-"


def _row(cells: tuple[str, str, str, str, str]) -> str:
    return "  ".join(c.ljust(w) for c, w in zip(cells[:4], _WIDTHS, strict=True)) + "  " + cells[4]


def _write_table(records: Iterable[dict[str, Any]]) -> None:
    out = sys.stdout
    n = found = 0
    for n, r in enumerate(records, 1):
        if n == 1:
            out.write(_row(("#", "METHOD", "SCHEME", "HOST", "PII")) + "\n")
        found += bool(r["pii"])
        out.write(_row((str(n), r["method"], r["scheme"], _printable(r["host"]), _pii_text(r["pii"]))) + "\n")
    if n == 0:
        out.write(_row(("#", "METHOD", "SCHEME", "HOST", "PII")) + "\n")
    out.write(f"{n} flows, {found} with personal data\n")


def _printable(s: str) -> str:
    """A host from the traffic, safe for a terminal (no control characters)."""
    return "".join(ch if ch.isprintable() else "?" for ch in s)


def _write_json(records: Iterable[dict[str, Any]]) -> None:
    """One JSON array, written as the flows are read; a file cut short still leaves valid JSON of
    the flows before the cut on stdout (and the error on stderr, exit 2)."""
    out = sys.stdout
    started = False
    try:
        for r in records:
            out.write(("," if started else "[") + orjson.dumps(r).decode())
            started = True
    finally:
        if started:
            out.write("]\n")
    if not started:
        out.write("[]\n")


def flows(
    flowfile: Annotated[Path, typer.Argument(help="mitmproxy flow file (mitmdump -w).", show_default=False,
                                                    metavar="FLOWFILE")],
    identity: Annotated[Path, typer.Option("--identity", help="Identity file (JSON) of the device.",
                                           show_default=False)],
    format: Annotated[FlowsFormat, typer.Option("--format", help="text (a table) or json.")] = FlowsFormat.text,
    tolerance: Annotated[float, typer.Option("--tolerance", help="Location tolerance in degrees.", min=0.0)] = (
        DEFAULT_TOLERANCE
    ),
) -> None:
    """Find personal data in a mitmproxy flow file."""
    detector = Detector.build(Identity.load(identity), tolerance=tolerance)
    records = iter_records(flowfile, detector)  # streamed: flat memory whatever the file's size
    if format is FlowsFormat.json:
        _write_json(records)
    else:
        _write_table(records)
