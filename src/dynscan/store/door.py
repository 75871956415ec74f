"""Validation at the door: every event written to a session store is one the store can read back.

Agent, driver and proxy events are checked here, once, against the event model (strictly, then
leniently, exactly as :meth:`SessionStore.iter_events` reads them). One that fails is not dropped
and does not stop anything: it is stored as an ``invalid_event`` holding the reason and the original
event, counted in the report's ``stats.invalid_events``, and ignored by the rules.
"""

from __future__ import annotations

import math
import time
import uuid
from typing import Any, NamedTuple

import orjson
from pydantic import ValidationError

from dynscan.events.fastparse import describe_error, json_to_event
from dynscan.events.model import BaseEvent

INVALID_KIND = "invalid_event"
_REASON_MAX = 300


class Row(NamedTuple):
    """One row of the ``events`` table."""

    id: str
    ts: float
    kind: str
    body: bytes


def admit(event: BaseEvent | dict[str, Any]) -> Row:
    """The row to store for ``event``: the event itself when it validates, else an ``invalid_event``."""
    data = event.model_dump(mode="json", exclude_none=True) if isinstance(event, BaseEvent) else event
    if not isinstance(data, dict):
        return _invalid({"event": data}, f"not a JSON object ({type(data).__name__})")
    if not data.get("id") or not isinstance(data.get("id"), str):
        data = {**data, "id": uuid.uuid4().hex[:16]}
    kind = data.get("kind")
    try:
        body = orjson.dumps(data)
    except (TypeError, orjson.JSONEncodeError) as e:
        return _invalid(data, f"not JSON: {e}")
    try:
        valid = json_to_event(kind if isinstance(kind, str) else "", body)
    except ValidationError as e:
        return _invalid(data, describe_error(data, e))
    if not math.isfinite(valid.ts):
        return _invalid(data, f"ts: not a finite number (got {valid.ts!r})")
    return Row(data["id"], valid.ts, valid.kind, body)


def _invalid(data: dict[str, Any], reason: str) -> Row:
    event_id = data.get("id") if isinstance(data.get("id"), str) and data.get("id") else uuid.uuid4().hex[:16]
    given = data.get("ts")
    ts = float(given) if isinstance(given, int | float) and math.isfinite(given) else time.time()
    record: dict[str, Any] = {"kind": INVALID_KIND, "ts": ts, "id": event_id, "reason": reason[:_REASON_MAX]}
    if data.get("source") in ("agent", "proxy", "driver", "device", "import"):
        record["source"] = data["source"]
    record["event"] = orjson.loads(orjson.dumps(data, default=repr, option=orjson.OPT_NON_STR_KEYS))
    return Row(str(event_id), ts, INVALID_KIND, orjson.dumps(record))
