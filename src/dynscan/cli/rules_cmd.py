"""List the rule catalog."""

from __future__ import annotations

import json
from enum import StrEnum
from typing import Annotated

import typer

from dynscan.cli.options import Lang
from dynscan.rules.engine import all_rules


class CatalogFormat(StrEnum):
    text = "text"
    json = "json"


def rules(
    format: Annotated[CatalogFormat, typer.Option("--format", "-f", help="text (a table) or json.")] = (
        CatalogFormat.text),
    lang: Annotated[Lang, typer.Option("--lang", help="Language of titles and descriptions.")] = Lang.en,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Also print descriptions and references.")] = False,
) -> None:
    """List the rule catalog: ID, default severity, evidence tier and title."""
    specs = all_rules()
    if format is CatalogFormat.json:
        typer.echo(json.dumps([s.to_json() for s in specs], ensure_ascii=False, indent=2))
        return
    width = max(len(s.id) for s in specs)
    for s in specs:
        title = s.title_zh if lang is Lang.zh else s.title_en
        typer.echo(f"{s.id:<{width}}  {s.severity.value:<8}  {s.tier:<8}  {title}")
        if verbose:
            text = s.description_zh if lang is Lang.zh else s.description_en
            typer.echo(f"    {text.replace('``', '`')}")  # the docstrings are reST; a terminal wants one backtick
            for ref in s.references:
                typer.echo(f"    - {ref}")
