"""``dynscan screen DUMP.xml``: what the driver reads on one screen (a ``uiautomator dump`` file)."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import orjson
import typer

from dynscan.driver.reading import Reading, label, read_screen
from dynscan.driver.ui import Node, parse_screen
from dynscan.errors import InputError
from dynscan.util.termsafe import json_safe, safe

MAX_DUMP = 32 * 1024 * 1024


class ScreenFormat(StrEnum):
    text = "text"
    json = "json"


def node_json(node: Node | None) -> dict[str, Any] | None:
    if node is None:
        return None
    return {"text": node.text, "resource_id": node.resource_id, "content_desc": node.content_desc,
            "bounds": list(node.bounds)}


def reading_json(r: Reading) -> dict[str, Any]:
    return {
        "kind": r.kind, "accept": node_json(r.accept), "decline": node_json(r.decline),
        "tick": node_json(r.tick),
        "candidates": [{"label": c.label, "role": c.role, "why": c.why, "node": node_json(c.node)}
                       for c in r.candidates],
        "policy_text": r.policy_text, "policy_links": list(r.policy_links),
    }


def reading_text(r: Reading) -> str:
    def name(n: Node | None) -> str:
        if n is None:
            return "-"
        return f"'{safe(label(r, n) or '')}' ({safe(n.resource_id) or 'no id'}, {n.bounds})"

    lines = [f"kind: {r.kind}", f"accept: {name(r.accept)}", f"decline: {name(r.decline)}"]
    if r.tick is not None:
        lines.append(f"tick first: {name(r.tick)}")
    if r.policy_links:
        lines.append("policy links: " + ", ".join(f"《{safe(t)}》" for t in r.policy_links))
    lines.append(f"candidates: {len(r.candidates)}")
    for c in r.candidates:
        chosen = " *" if c.node in (r.accept, r.decline, r.tick) else ""
        lines.append(f"  {c.role:<8} '{safe(c.label)}' {c.node.bounds}{chosen}: {safe(c.why)}")
    return "\n".join(lines)


def _read(dump: Path) -> str:
    try:
        if str(dump) == "-":
            data = sys.stdin.buffer.read(MAX_DUMP + 1)
        else:
            with dump.open("rb") as f:
                data = f.read(MAX_DUMP + 1)
        if len(data) > MAX_DUMP:
            raise InputError(f"{dump}: larger than {MAX_DUMP // (1024 * 1024)} MB; not a screen dump")
        return data.decode("utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(f"cannot read {dump}: {e}") from e


def screen(
    dump: Annotated[Path, typer.Argument(
        help="A uiautomator dump (adb shell uiautomator dump, or a session's ui/*.xml).", show_default=False,
        metavar="DUMP.xml")],
    format: Annotated[ScreenFormat, typer.Option("--format", help="text or json.")] = ScreenFormat.text,
) -> None:
    """Show what the driver reads on a screen: the dialog kind and each control's label, role and why.

    DUMP.xml may be '-' for standard input: adb exec-out uiautomator dump /dev/tty | dynscan screen -
    """
    xml = _read(dump)
    r = read_screen(parse_screen(xml))
    if format is ScreenFormat.json:
        typer.echo(json_safe(orjson.dumps(reading_json(r)).decode()))
    else:
        typer.echo(reading_text(r))
