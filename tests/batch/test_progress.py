from __future__ import annotations

import io
from pathlib import Path

from rich.console import Console

from dynscan.batch.devices import Slot
from dynscan.batch.pool import Pool
from dynscan.batch.progress import Display, render, summary_line
from dynscan.batch.store import BatchStore, JobRecord

from .batchkit import spec


def test_the_table_shows_app_names_as_text_never_as_markup(tmp_path: Path) -> None:
    store = BatchStore(str(tmp_path))
    pool = Pool([Slot("sim-1", "sim"), Slot("sim-2", "sim")], store, [JobRecord(spec=spec("a.apk"))])
    pool.states[0].status, pool.states[0].job = "running", "[bold red]evil[/] \x1b[2J.apk"
    out = io.StringIO()
    Console(file=out, width=120, color_system=None).print(render(pool))
    text = out.getvalue()
    assert "[bold red]evil[/] \\x1b[2J.apk" in text and "\x1b" not in text
    assert "sim-1" in text and "running" in text
    assert summary_line(pool).startswith("0 done, 0 failed, 1 remaining of 1; 2 devices active")


def test_off_a_terminal_events_are_plain_lines(tmp_path: Path) -> None:
    store = BatchStore(str(tmp_path))
    pool = Pool([Slot("sim-1", "sim")], store, [])
    out = io.StringIO()
    with Display(pool, Console(file=out, width=200)) as d:
        d.notify("[sim-1] a.apk: pass (0 findings) in 12s")
        d.tick()
    lines = out.getvalue().splitlines()
    assert lines[0] == "dynscan: [sim-1] a.apk: pass (0 findings) in 12s"
    assert lines[-1].startswith("dynscan: 0 done, 0 failed, 0 remaining of 0")
