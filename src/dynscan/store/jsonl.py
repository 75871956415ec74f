"""Timeline interchange (CONTRACTS section 2): reading and writing JSON Lines.

Reading streams the file line by line (memory does not grow with its size), parses each line with
orjson and validates it with the event model; the first bad line is an :class:`InputError` such
as ``events.jsonl:17: api_call.category: Input should be 'device_id', ... (got 'foo')``.
Importing into a session store is :mod:`dynscan.store.importer`.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from pathlib import Path
from typing import IO, Any

import orjson
from pydantic import ValidationError

from dynscan.errors import InputError
from dynscan.events.fastparse import describe_error, validate_event
from dynscan.events.model import Event
from dynscan.store.session import SessionStore
from dynscan.util.atomic import replacing
from dynscan.util.limits import LINE_BYTES, check_json_depth

EVENTS_FILE = "events.jsonl"
BOM = b"\xef\xbb\xbf"


def open_timeline(path: Path) -> IO[bytes]:
    try:
        f = open(path, "rb", buffering=1 << 20)  # noqa: SIM115 - closed by the caller's ``with``
    except OSError as e:
        raise InputError(f"{path}: cannot read the timeline ({e.strerror or e})") from e
    head = f.peek(8192)[:8192]  # type: ignore[attr-defined]
    if b"\x00" in head:
        f.close()
        raise InputError(f"{path}: not a text file (a JSON Lines timeline is expected)")
    return f


def bounded_lines(f: IO[bytes], source: str) -> Iterator[tuple[int, bytes]]:
    """``(line number, line)`` of a timeline, none longer than ``DYNSCAN_MAX_LINE_BYTES``: a 2 GB
    line is refused after reading the limit, not read whole into memory."""
    top = LINE_BYTES.value()
    for lineno, line in enumerate(iter(partial(f.readline, top + 1), b""), 1):
        if len(line) > top and not line.endswith(b"\n"):
            raise LINE_BYTES.breach(f"{source}:{lineno}", f"a line longer than {top:,} bytes")
        yield lineno, line


def parse_line(source: str, lineno: int, line: bytes) -> tuple[dict[str, Any], Event]:
    try:
        data = orjson.loads(line)
    except orjson.JSONDecodeError as e:
        raise InputError(f"{source}:{lineno}: not valid JSON: {e.msg} at column {e.colno}") from e
    check_json_depth(line, f"{source}:{lineno}")
    if type(data) is not dict:
        raise InputError(f"{source}:{lineno}: expected a JSON object, got {type(data).__name__}")
    try:
        event = validate_event(data)
    except ValidationError as e:
        raise InputError(f"{source}:{lineno}: {describe_error(data, e)}") from e
    return data, event


def read_events(path: Path) -> Iterator[Event]:
    """The events of a timeline file in file order, validated, streamed."""
    source = str(path)
    with open_timeline(path) as f:
        for lineno, line in bounded_lines(f, source):
            if lineno == 1 and line.startswith(BOM):
                line = line[len(BOM):]
            if line.strip():
                yield parse_line(source, lineno, line)[1]


def stored_body(data: dict[str, Any], event: Event, line: bytes, lineno: int) -> tuple[str, bytes]:
    """The event's id (``#<line>`` when it has none) and the JSON stored for it (slow path)."""
    event_id = event.id
    if event_id:
        return event_id, line.strip()
    new_id = f"#{lineno}"
    if "id" not in data:
        return new_id, b'{"id":' + orjson.dumps(new_id) + b"," + line.strip()[1:]
    dumped = event.model_dump(mode="json", exclude_unset=True)
    dumped["id"] = new_id
    return new_id, orjson.dumps(dumped)


def export_jsonl(store: SessionStore, path: Path) -> int:
    """Write every stored event, in time order, to ``path`` (atomically); returns the count."""
    n = 0
    try:
        with replacing(path) as out:
            for body in store.iter_bodies():
                out.write(body)
                out.write(b"\n")
                n += 1
    except OSError as e:
        raise InputError(f"{path}: cannot write the timeline ({e.strerror or e})") from e
    return n
