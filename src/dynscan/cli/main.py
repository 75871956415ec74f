"""The root ``dynscan`` command: one Typer app, one place where user errors become exit 2.

The commands are registered lazily (``lazy.py``): a command's module is imported when it runs.
"""

from __future__ import annotations

import os
import signal
import sys
import tempfile
import traceback

import typer

try:  # typer >= 0.25 vendors click; older ones use click itself
    from typer._click import exceptions as cx
except ImportError:  # pragma: no cover
    from click import exceptions as cx  # type: ignore[no-redef]

from dynscan.cli.lazy import LazyGroup
from dynscan.errors import DynscanError, Interrupted
from dynscan.util.runfolder import run_folder
from dynscan.util.termsafe import safe

app = typer.Typer(
    name="dynscan",
    help="Runtime privacy-compliance monitor for Android apps.",
    no_args_is_help=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain help: flags without a "<bool>" that reads like a value to give
    add_completion=False,
    cls=LazyGroup,  # the commands (cli/lazy.py COMMANDS): each module imported when its command is used
)


@app.callback()
def _root() -> None:
    pass


def fail(message: str) -> None:
    """Print a one-line error to stderr and exit 2."""
    first = safe(" ".join(message.split()))
    print(f"dynscan: error: {first}", file=sys.stderr)
    raise SystemExit(2)


def _save_traceback() -> str:
    fd, path = tempfile.mkstemp(prefix="dynscan-crash-", suffix=".txt")
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(f"dynscan {' '.join(sys.argv[1:])}\n\n{traceback.format_exc()}")
    return path


def _sigterm(_sig: int, _frame: object) -> None:
    raise KeyboardInterrupt  # SIGTERM unwinds like Ctrl-C: every clean-up runs, exit 130


def main() -> None:
    signal.signal(signal.SIGTERM, _sigterm)
    try:
        with run_folder():
            code = app(standalone_mode=False, prog_name="dynscan")
    except Interrupted as e:
        print(f"dynscan: {safe(e)}", file=sys.stderr)
        raise SystemExit(130) from None
    except (KeyboardInterrupt, typer.Abort):
        print("dynscan: interrupted", file=sys.stderr)
        raise SystemExit(130) from None
    except DynscanError as e:
        fail(str(e))
    except cx.UsageError as e:
        hint = f" (see `{e.ctx.command_path} --help`)" if e.ctx else ""
        lister = getattr(e.ctx.command, "list_commands", None) if e.ctx else None
        if lister is not None and e.format_message().startswith("Missing command"):
            fail(f"missing command: one of {', '.join(lister(e.ctx))}{hint}")
        fail(f"{e.format_message()}{hint}")
    except Exception as e:  # a bug: one line here, the traceback in a file (DYNSCAN_DEBUG=1 raises it)
        if os.environ.get("DYNSCAN_DEBUG"):
            raise
        fail(f"internal error: {type(e).__name__}: {e} (traceback saved in {_save_traceback()}; please report it)")
    if code == 130:  # typer turns a KeyboardInterrupt it sees into a silent Exit(130)
        print("dynscan: interrupted", file=sys.stderr)
    raise SystemExit(code if isinstance(code, int) else 0)
