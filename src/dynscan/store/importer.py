"""Importing a timeline file into a session store, streamed and all or nothing.

Importing writes a fresh ``session.db`` that only replaces the old one once every line passed
(:class:`dynscan.store.bulk.BulkImport`); :class:`Importer` hands each validated event on as it
goes, so ``dynscan analyze --events`` judges the timeline in the same pass.
"""

from __future__ import annotations

import os
import sys
import time
from collections import Counter
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from dynscan.errors import InputError
from dynscan.events.fastparse import MODELS, json_to_event, line_to_event
from dynscan.events.model import EXTENSION_KINDS, Event
from dynscan.store.bulk import BulkImport, Row
from dynscan.store.jsonl import BOM, bounded_lines, open_timeline, parse_line, stored_body
from dynscan.util.limits import JSON_DEPTH, check_json_depth
from dynscan.util.termsafe import say

_BATCH = 5_000
_PROGRESS_EVERY_S = 3.0


def _warn(message: str) -> None:
    say(f"warning: {message}")


@dataclass
class ImportStats:
    """What an import saw: counts per kind, unknown kinds, events out of time order."""

    events: int = 0
    kinds: Counter[str] = field(default_factory=Counter)
    unknown_kinds: Counter[str] = field(default_factory=Counter)
    out_of_order: int = 0
    first_ts: float | None = None
    last_ts: float | None = None

    def warn(self, source: str, warn: Callable[[str], None] = _warn) -> None:
        """One warning line per irregularity (unknown kinds, out-of-order timestamps)."""
        if self.unknown_kinds:
            listed = ", ".join(f"{k} ({n})" for k, n in self.unknown_kinds.most_common(5))
            more = ", ..." if len(self.unknown_kinds) > 5 else ""
            n = sum(self.unknown_kinds.values())
            warn(f"{source}: {n} event{'' if n == 1 else 's'} of unknown kinds kept and "
                 f"ignored by the rules: {listed}{more}")
        if self.out_of_order:
            warn(f"{source}: {self.out_of_order} event{'' if self.out_of_order == 1 else 's'} "
                 f"{'is' if self.out_of_order == 1 else 'are'} out of time order; the timeline is sorted by ts")


class _Progress:
    """A status line on stderr every few seconds, only when asked or when stderr is a terminal."""

    def __init__(self, source: str, total: int, enabled: bool | None) -> None:
        self.source, self.total = source, total
        self.enabled = sys.stderr.isatty() if enabled is None else enabled
        self.next_at = time.monotonic() + _PROGRESS_EVERY_S

    def update(self, lines: int, done: int) -> None:
        if self.enabled and time.monotonic() >= self.next_at:
            self.next_at = time.monotonic() + _PROGRESS_EVERY_S
            share = f" ({100 * done / self.total:.0f}%)" if self.total else ""
            say(f"importing {self.source}: {lines:,} lines, {done / 1e6:,.0f} MB of "
                f"{self.total / 1e6:,.0f} MB{share}")


def _row(source: str, lineno: int, line: bytes, event: Event | None) -> tuple[Event, str, bytes, bool]:
    """(event, id, stored JSON, same) of one non-blank line; the fast path keeps the line's bytes.

    ``same``: the event is exactly what reading the stored JSON back gives
    (``SessionStore.iter_events``): the same bytes through the same strict validator with the
    assigned ``#<line>`` id set on it, or on the slow path (odd lines) the stored
    JSON validated again. It is false only when that second validation fails. ``event``: what
    :func:`line_to_event` gave for the line.
    """
    if event is not None and event.id:
        return event, event.id, line.strip(), True
    if event is not None and b'"id"' not in line:
        event_id = f"#{lineno}"
        event.id = event_id
        return event, event_id, b'{"id":"' + event_id.encode() + b'",' + line.strip()[1:], True
    data, event = parse_line(source, lineno, line)
    event_id, body = stored_body(data, event, line, lineno)
    try:
        return json_to_event(event.kind, body), event_id, body, True
    except ValidationError:  # e.g. an infinite ts: the store will refuse it when read back
        return event, event_id, body, False


class Importer:
    """One streamed import of a timeline into ``session_dir/session.db`` (replaced only on success).

    :meth:`events` imports and yields every event, validated, in file order, as it goes; the
    database is renamed into place after the last one (so a consumer that stops early must call
    :meth:`finish`). :attr:`as_stored` is already updated when an event is yielded, so a consumer
    that needs the store's view (time order) can tell when the file stops giving it.
    """

    def __init__(self, path: Path, session_dir: Path, *, progress: bool | None = False) -> None:
        self.path, self.session_dir, self.progress = path, session_dir, progress
        self.stats = ImportStats()
        self._events: Generator[Event, None, None] | None = None
        self._unreadable = False

    @property
    def as_stored(self) -> bool:
        """True while the events yielded so far are the store's own (``SessionStore.iter_events``),
        in its order: none out of time order, none that the store would refuse to read back."""
        return not self.stats.out_of_order and not self._unreadable

    def events(self, *, as_stored_only: bool = False) -> Iterator[Event]:
        """Import, yielding each event; ``as_stored_only``: stop yielding (but go on importing)
        at the first event that makes :attr:`as_stored` false. Call it once."""
        if self._events is None:
            self._events = self._run(as_stored_only)
        return self._events

    def finish(self) -> ImportStats:
        """Import whatever :meth:`events` has not yielded yet and commit; returns the stats."""
        for _ in self.events():
            pass
        return self.stats

    def close(self) -> None:
        """Abandon an unfinished import (its private database file is removed)."""
        if self._events is not None:
            self._events.close()

    def _run(self, as_stored_only: bool) -> Generator[Event, None, None]:
        source = str(self.path)
        stats = self.stats
        kinds = stats.kinds
        with open_timeline(self.path) as f:
            bar = _Progress(source, os.fstat(f.fileno()).st_size, self.progress)
            bulk = BulkImport(self.session_dir, source=source)
            try:
                if f.peek(len(BOM))[:len(BOM)] == BOM:  # type: ignore[attr-defined]
                    f.read(len(BOM))
                rows: list[Row] = []
                append = rows.append
                latest, earliest = float("-inf"), float("inf")
                last_seq = 0
                feed = True  # false once an event is not what the store will give back in order
                max_depth = JSON_DEPTH.value()
                for lineno, line in bounded_lines(f, source):  # the hot loop: keep it lean
                    body = line.strip()
                    if not body:
                        continue
                    if body.count(b"{") + body.count(b"[") > max_depth:  # deeper than the store reads back?
                        check_json_depth(body, f"{source}:{lineno}", max_depth)
                    event = line_to_event(body)
                    if event is not None and event.id:  # the fast path, inlined
                        event_id = event.id
                    else:
                        event, event_id, body, same = _row(source, lineno, line, event)
                        if not same:
                            self._unreadable = True
                            feed = feed and not as_stored_only
                    ts, kind = event.ts, event.kind
                    kinds[kind] += 1
                    if ts < latest:
                        stats.out_of_order += 1
                        feed = feed and not as_stored_only
                    else:
                        latest = ts
                    if ts < earliest:
                        earliest = ts
                    append((lineno, event_id, ts, kind, body))
                    if len(rows) >= _BATCH:
                        bulk.add(rows)
                        rows.clear()
                        bar.update(lineno, f.tell())
                        last_seq = lineno
                    if feed:
                        yield event
                if rows:
                    bulk.add(rows)
                    last_seq = rows[-1][0]
                stats.events = kinds.total()
                if not stats.events:
                    raise InputError(f"{source}: empty timeline (no events)")
                for kind, n in kinds.items():
                    if kind not in MODELS and kind not in EXTENSION_KINDS:
                        stats.unknown_kinds[kind] = n
                stats.first_ts, stats.last_ts = earliest, latest
                bulk.commit({"imported_from": source, "out_of_order": str(stats.out_of_order),
                             "imported_seq": str(last_seq)})
            except BaseException:
                bulk.abort()
                raise


def import_jsonl(path: Path, session_dir: Path, *, progress: bool | None = False,
                 warn: Callable[[str], None] | None = _warn) -> ImportStats:
    """Import a timeline into ``session_dir/session.db`` (replacing it only on success).

    Events without an ``id`` get ``#<line number>``. ``progress``: ``None`` shows progress when
    stderr is a terminal. ``warn``: where the one-line warnings go (``None``: nowhere).
    """
    stats = Importer(path, session_dir, progress=progress).finish()
    if warn is not None:
        stats.warn(str(path), warn)
    return stats


