"""The live display of a batch (rich): per device what runs, per batch done / failed / remaining / ETA.

On a terminal a table refreshes in place; elsewhere (a log, CI) each event is one plain line. File
names and reasons are shown as plain ``Text`` (never as markup) with control characters escaped, so a
file named with terminal escape sequences cannot rewrite the screen (``dynscan.util.termsafe``).
"""

from __future__ import annotations

import time
from types import TracebackType

from rich.console import Console, Group
from rich.live import Live
from rich.table import Table
from rich.text import Text

from dynscan.batch.pool import Pool
from dynscan.util.termsafe import safe


def _dur(seconds: float | None) -> str:
    if seconds is None:
        return "–"
    s = int(seconds)
    return f"{s // 3600}h{s % 3600 // 60:02d}m" if s >= 3600 else f"{s // 60}m{s % 60:02d}s"


def summary_line(pool: Pool) -> str:
    c = pool.counts()
    return (f"{c['done']:.0f} done, {c['failed']:.0f} failed, {c['remaining']:.0f} remaining of {pool.total}; "
            f"{c['active']:.0f} device{'s' if c['active'] != 1 else ''} active; ETA {_dur(c['eta_s'])}; "
            f"elapsed {_dur(time.time() - pool.started)}")


def render(pool: Pool) -> Group:
    table = Table(title="dynscan batch", expand=False)
    for col in ("device", "state", "app", "for", "done", "failed"):
        table.add_column(col)
    now = time.time()
    for st in pool.states:
        state = st.status + (f" ({st.reason})" if st.status == "retired" and st.reason else "")
        table.add_row(Text(st.slot.name), Text(safe(state)), Text(safe(st.job or "")),
                      _dur(now - st.since) if st.status in ("running", "checking") else "", str(st.done),
                      str(st.failed))
    return Group(table, Text(summary_line(pool)))


class Display:
    """``with Display(pool, console) as d: pool.run(tick=d.tick)``; ``d.notify`` prints an event."""

    def __init__(self, pool: Pool, console: Console) -> None:
        self.pool, self.console = pool, console
        self.live = Live(console=console, auto_refresh=False, transient=False) if console.is_terminal else None
        self._last = 0.0

    def notify(self, message: str) -> None:
        line = Text(safe(f"dynscan: {message}"))
        if self.live is not None:
            self.live.console.print(line)
        else:
            self.console.print(line, soft_wrap=True)

    def tick(self) -> None:
        if self.live is not None and time.monotonic() - self._last > 0.5:
            self._last = time.monotonic()
            self.live.update(render(self.pool), refresh=True)

    def __enter__(self) -> Display:
        if self.live is not None:
            self.live.start()
        return self

    def __exit__(self, et: type[BaseException] | None, ev: BaseException | None, tb: TracebackType | None) -> None:
        if self.live is not None:
            self.live.update(render(self.pool), refresh=True)
            self.live.stop()
        self.console.print(Text(f"dynscan: {summary_line(self.pool)}"), soft_wrap=True)
