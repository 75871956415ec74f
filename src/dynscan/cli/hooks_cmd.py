"""List the hook catalog."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import orjson
import typer

from dynscan.hooks import Catalog, HookSpec, load_catalog
from dynscan.util.termsafe import safe


class ListFormat(StrEnum):
    text = "text"
    json = "json"


def _row(spec: HookSpec, source: str) -> dict[str, Any]:
    return {**spec.model_dump(mode="json", by_alias=True), "api": spec.api, "source": source}


def _text(catalog: Catalog) -> str:
    lines = []
    for h in catalog.hooks:
        what: str = h.category if h.kind == "api_call" and h.category else h.kind
        if h.classify is not None:
            what = "/".join(sorted({t.category for t in h.classify.map.values()}))
        extra = f"  [{h.permission}]" if h.permission else ""
        lines.append(safe(f"{h.id:<34} {what:<20} {h.data_type or '-':<14} {h.api}{extra}"))
    lines.append(f"{len(catalog.hooks)} hooks")
    return "\n".join(lines)


def hooks(
    fmt: Annotated[ListFormat, typer.Option("--format", "-f", help="Output format.")] = ListFormat.text,
    catalog: Annotated[
        list[Path] | None,
        typer.Option("--catalog", help="An extra catalog YAML file (repeatable); added to the built-in one.",
                     dir_okay=False),
    ] = None,
) -> None:
    """List the hook catalog: what the agent hooks, and what each hook means."""
    cat = load_catalog(catalog or [])
    if fmt is ListFormat.json:
        rows = [_row(h, cat.sources[h.id]) for h in cat.hooks]
        typer.echo(orjson.dumps(rows, option=orjson.OPT_INDENT_2).decode())
    else:
        typer.echo(_text(cat))
