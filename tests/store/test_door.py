"""``admit``: the row stored for an event, valid or not."""

from __future__ import annotations

import orjson

from dynscan.events.model import ApiCall
from dynscan.store.door import admit


def test_a_valid_event_is_stored_as_given() -> None:
    row = admit({"kind": "consent", "ts": 2, "action": "policy_shown", "id": "c1"})
    assert (row.id, row.ts, row.kind) == ("c1", 2.0, "consent")
    assert orjson.loads(row.body) == {"kind": "consent", "ts": 2, "action": "policy_shown", "id": "c1"}
    model = admit(ApiCall(ts=1.0, api="a.B.c", category="clipboard"))
    assert model.kind == "api_call" and len(model.id) == 16


def test_an_invalid_event_keeps_its_time_id_source_and_original() -> None:
    row = admit({"kind": "consent", "ts": 3.5, "action": "maybe", "id": "c2", "source": "driver"})
    body = orjson.loads(row.body)
    assert (row.id, row.ts, row.kind) == ("c2", 3.5, "invalid_event")
    assert body["reason"].startswith("consent.action: Input should be") and body["source"] == "driver"
    assert body["event"]["action"] == "maybe"


def test_a_non_object_and_a_hostile_source_are_kept_safely() -> None:
    row = admit(["not", "an", "event"])  # type: ignore[arg-type]
    assert row.kind == "invalid_event" and orjson.loads(row.body)["event"] == {"event": ["not", "an", "event"]}
    row = admit({"kind": "x", "ts": "late", "source": "\x1b[31m"})
    assert "source" not in orjson.loads(row.body)
