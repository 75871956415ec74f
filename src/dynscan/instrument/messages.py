"""Agent messages (pydantic at the boundary) and their conversion into timeline events."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError


class AgentEvent(BaseModel):
    """One event as the agent sends it: ``ts_ms`` is on the device's clock."""

    model_config = ConfigDict(extra="allow")

    kind: str = Field(min_length=1)
    ts_ms: float


class EventBatch(BaseModel):
    model_config = ConfigDict(extra="ignore")

    type: Literal["events"]
    events: list[AgentEvent]
    dropped: int = 0  # cumulative count of events the agent could not queue


class Origin(BaseModel):
    """Where events came from: stamped on every event."""

    pid: int
    process: str
    offset_s: float = 0.0  # host clock minus device clock


def to_timeline(ev: AgentEvent, origin: Origin) -> dict[str, Any]:
    """An agent event as a CONTRACTS section 2 dict on the host clock."""
    data = ev.model_dump(exclude_none=True)
    ts_ms = data.pop("ts_ms")
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
