"""The root group's commands, named here and imported when one is used.

Importing every command module to register it made each command pay for all of them at start-up
(analysis, rules, reports, the device and batch layers: about 0.45 s of CPU for ``dynscan flows``,
whose own imports are a third of that). :class:`LazyGroup` lists the names in ``COMMANDS`` and
imports a command's module the first time the command is looked up: to run it, or to show it in
``dynscan --help`` and in a usage error's list (help imports them all; that is not a hot path).
Each command is built the way ``app.command(name)(function)`` / ``app.add_typer(sub_app, name=name)``
built it before, so options, help texts and plain (non-rich) help output are unchanged.
Typer has no lazy loading of its own; this is the ``LazyGroup`` recipe of click's documentation
("Lazily Loading Subcommands") on Typer's group class.
"""

from __future__ import annotations

import importlib
from typing import NamedTuple

import typer
from typer.core import TyperGroup


class Lazy(NamedTuple):
    module: str  # under dynscan.cli
    attr: str  # a command function, or a Typer app (a command group)


#: Every root command, in the order ``--help`` lists them.
COMMANDS: dict[str, Lazy] = {
    "run": Lazy("run", "run"),
    "analyze": Lazy("analyze", "analyze"),
    "flows": Lazy("flows", "flows"),
    "devices": Lazy("devices", "devices"),
    "doctor": Lazy("doctor", "doctor"),
    "rules": Lazy("rules_cmd", "rules"),
    "hooks": Lazy("hooks_cmd", "hooks"),
    "screen": Lazy("screen", "screen"),
    "batch": Lazy("batch", "batch"),
    "worker": Lazy("worker", "worker"),
    "schema": Lazy("schema", "app"),
    "sim": Lazy("sim", "app"),
    "emulator": Lazy("emulator", "app"),
}


def _noop() -> None:
    pass


def load(name: str) -> typer.core.TyperCommand | TyperGroup:
    """The click command of root command ``name``, its module imported now."""
    lazy = COMMANDS[name]
    target = getattr(importlib.import_module(f"dynscan.cli.{lazy.module}"), lazy.attr)
    holder = typer.Typer(rich_markup_mode=None, add_completion=False, pretty_exceptions_enable=False)
    if isinstance(target, typer.Typer):
        holder.add_typer(target, name=name)
    else:
        holder.command(name)(target)
    holder.callback()(_noop)  # a group even for one command: the command is built as a subcommand
    group = typer.main.get_command(holder)
    assert isinstance(group, TyperGroup)
    command = group.commands[name]
    assert isinstance(command, typer.core.TyperCommand | TyperGroup)
    return command


class LazyGroup(TyperGroup):
    def list_commands(self, ctx: typer.Context) -> list[str]:  # type: ignore[override]
        return [*super().list_commands(ctx), *(n for n in COMMANDS if n not in self.commands)]

    def get_command(self, ctx: typer.Context, cmd_name: str) -> typer.core.TyperCommand | TyperGroup | None:  # type: ignore[override]
        found = super().get_command(ctx, cmd_name)
        if found is None and cmd_name in COMMANDS:
            found = load(cmd_name)
            self.add_command(found, cmd_name)
        return found  # type: ignore[return-value]
