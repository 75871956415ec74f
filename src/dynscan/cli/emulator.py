"""Manage Android emulators (AVDs)."""

from __future__ import annotations

import typer

app = typer.Typer(help="Manage Android emulators (AVDs).", no_args_is_help=True)
