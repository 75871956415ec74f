"""The root ``dynscan`` command: one Typer app, one place where user errors become exit 2."""

from __future__ import annotations

import os
import sys
import tempfile
import traceback

import typer

try:  # typer >= 0.25 vendors click; older ones use click itself
    from typer._click import exceptions as cx
except ImportError:  # pragma: no cover
    from click import exceptions as cx  # type: ignore[no-redef]

from dynscan.cli import (
    analyze,
    batch,
    devices,
    doctor,
    emulator,
    flows,
    hooks_cmd,
    rules_cmd,
    run,
    schema,
    screen,
    sim,
    worker,
)
from dynscan.errors import DynscanError, Interrupted

app = typer.Typer(
    name="dynscan",
    help="Runtime privacy-compliance monitor for Android apps.",
    no_args_is_help=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain help: flags without a "<bool>" that reads like a value to give
    add_completion=False,
)
app.command("run")(run.run)
app.command("analyze")(analyze.analyze)
app.command("flows")(flows.flows)
app.command("devices")(devices.devices)
app.command("doctor")(doctor.doctor)
app.command("rules")(rules_cmd.rules)
app.command("hooks")(hooks_cmd.hooks)
app.command("screen")(screen.screen)
app.command("batch")(batch.batch)
app.command("worker")(worker.worker)
app.add_typer(schema.app, name="schema")
app.add_typer(sim.app, name="sim")
app.add_typer(emulator.app, name="emulator")


def fail(message: str) -> None:
    """Print a one-line error to stderr and exit 2."""
    first = " ".join(message.split())
    print(f"dynscan: error: {first}", file=sys.stderr)
    raise SystemExit(2)


def _save_traceback() -> str:
    fd, path = tempfile.mkstemp(prefix="dynscan-crash-", suffix=".txt")
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(f"dynscan {' '.join(sys.argv[1:])}\n\n{traceback.format_exc()}")
    return path


def main() -> None:
    try:
        code = app(standalone_mode=False, prog_name="dynscan")
    except Interrupted as e:
        print(f"dynscan: {e}", file=sys.stderr)
        raise SystemExit(130) from None
    except DynscanError as e:
        fail(str(e))
    except cx.UsageError as e:
        hint = f" (see `{e.ctx.command_path} --help`)" if e.ctx else ""
        lister = getattr(e.ctx.command, "list_commands", None) if e.ctx else None
        if lister is not None and e.format_message().startswith("Missing command"):
            fail(f"missing command: one of {', '.join(lister(e.ctx))}{hint}")
        fail(f"{e.format_message()}{hint}")
    except typer.Abort:
        fail("interrupted")
    except KeyboardInterrupt:
        fail("interrupted")
    except Exception as e:  # a bug: one line here, the traceback in a file (DYNSCAN_DEBUG=1 raises it)
        if os.environ.get("DYNSCAN_DEBUG"):
            raise
        fail(f"internal error: {type(e).__name__}: {e} (traceback saved in {_save_traceback()}; please report it)")
    raise SystemExit(code if isinstance(code, int) else 0)
