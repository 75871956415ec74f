"""Export the JSON Schemas of dynscan's interchange formats."""

from __future__ import annotations

import typer

app = typer.Typer(help="Export the JSON Schemas of dynscan's interchange formats.", no_args_is_help=True)
