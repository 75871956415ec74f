"""The virtual device: build apps for it."""

from __future__ import annotations

import typer

app = typer.Typer(help="The virtual device: build apps for it.", no_args_is_help=True)
