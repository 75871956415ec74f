"""Agent messages (pydantic at the boundary) and their conversion into timeline events."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, ValidationError


class EventBatch(BaseModel):
    """A batch as the agent sends it. Each event (``ts_ms`` on the device's clock) is checked once, when it
    is stored (:mod:`dynscan.store.door`): an odd one is kept as an ``invalid_event``, the rest of the batch
    is stored as usual."""

    model_config = ConfigDict(extra="ignore")

    type: Literal["events"]
    #: the batch's number (1, 2, ...): the host acknowledges a stored batch holding ``learned`` values by it
    seq: int = 0
    events: list[Any]
    dropped: int = 0  # cumulative count of events the agent could not queue
    #: a batch sent from an exit path (the process may be SIGKILLed next): acknowledged by ``seq`` like a
    #: learned one, once written
    sync: bool = False


class Origin(BaseModel):
    """Where events came from: stamped on every event."""

    pid: int
    process: str
    offset_s: float = 0.0  # host clock minus device clock


def to_timeline(ev: Any, origin: Origin) -> dict[str, Any]:
    """An agent event as a CONTRACTS section 2 dict on the host clock (one without a numeric ``ts_ms``
    gets no ``ts``: the store keeps it as an ``invalid_event``)."""
    data = {k: v for k, v in ev.items() if v is not None} if isinstance(ev, dict) else {"event": ev}
    ts_ms = data.pop("ts_ms", None)
    if type(ts_ms) in (int, float):
        data["ts"] = ts_ms / 1000.0 + origin.offset_s
    data["source"] = "agent"
    data["pid"] = origin.pid
    data["process"] = origin.process
    return data


def parse_batch(payload: Any) -> EventBatch | None:
    """The batch in a ``send`` payload, or None when it is not an event batch."""
    if not isinstance(payload, dict) or payload.get("type") != "events":
        return None
    try:
        return EventBatch.model_validate(payload)
    except ValidationError:
        return None
