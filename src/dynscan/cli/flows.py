"""Find personal data in a mitmproxy flow file."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import orjson
import typer

from dynscan.errors import InputError
from dynscan.identity import Identity
from dynscan.traffic.detect import Detector
from dynscan.traffic.flowfile import scan_file
from dynscan.traffic.location import DEFAULT_TOLERANCE
from dynscan.util.termsafe import json_safe, safe


class FlowsFormat(StrEnum):
    text = "text"
    json = "json"


def _pii_text(pii: list[dict[str, Any]]) -> str:
    return ", ".join(f"{p['type']}:{p['encoding']}@{p['location']}" for p in pii) or "-"


def _table(records: list[dict[str, Any]]) -> str:
    rows = [("#", "METHOD", "SCHEME", "HOST", "PII")]
    rows += [(str(i), safe(r["method"]), safe(r["scheme"]), safe(r["host"]), safe(_pii_text(r["pii"])))
             for i, r in enumerate(records, 1)]
    widths = [max(len(r[c]) for r in rows) for c in range(4)]
    lines = ["  ".join(r[c].ljust(widths[c]) for c in range(4)) + "  " + r[4] for r in rows]
    found = sum(1 for r in records if r["pii"])
    lines.append(f"{len(records)} flows, {found} with personal data")
    return "\n".join(lines)


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
    """Find personal data in a mitmproxy flow file.

    A file cut short: the flows before the cut are reported, then a one-line error says where
    reading stopped (exit 2).
    """
    detector = Detector.build(Identity.load(identity), tolerance=tolerance)
    scanned = scan_file(flowfile, detector)
    if format is FlowsFormat.json:
        typer.echo(json_safe(orjson.dumps(scanned.records).decode()))
    else:
        typer.echo(_table(scanned.records))
    if scanned.stopped:
        raise InputError(scanned.stopped)
