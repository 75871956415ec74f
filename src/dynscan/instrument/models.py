"""Pydantic models of what the host sends to and gets back from the agent's RPCs."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

#: Texts whose tap counts as accepting the privacy policy in interactive runs (exact, trimmed).
DEFAULT_CONSENT_TAPS: tuple[str, ...] = (
    "同意", "同意并继续", "我同意", "同意并进入", "Agree", "I agree", "Agree and continue", "Accept",
    "Accept all",
)


class AgentOptions(BaseModel):
    """Options of the agent's ``init``."""

    model_config = ConfigDict(extra="forbid")

    package: str = ""
    stack_depth: int = Field(default=16, ge=0, le=256)
    preview_chars: int = Field(default=256, ge=8, le=65536)
    flush_ms: int = Field(default=50, ge=1, le=5000)
    batch_max: int = Field(default=2000, ge=1)
    queue_max: int = Field(default=200_000, ge=1)
    consent_taps: list[str] = Field(default_factory=list)
    #: The host answers each batch holding ``learned`` values with ``learned-stored`` once it is
    #: written, and the hooked call waits for it (off for hosts that do not answer: no call waits).
    learned_ack: bool = True
    #: The longest a hooked call waits for that answer (a lost one costs a pause, never a frozen app).
    learned_wait_ms: int = Field(default=2000, ge=1, le=60_000)
    #: Frida's JavaScript runtime for the agent (host-side only).
    runtime: Literal["qjs", "v8"] = "qjs"

    def to_agent(self) -> dict[str, Any]:
        return {"package": self.package, "stackDepth": self.stack_depth, "previewChars": self.preview_chars,
                "flushMs": self.flush_ms, "batchMax": self.batch_max, "queueMax": self.queue_max,
                "consentTaps": self.consent_taps, "learnedAck": self.learned_ack,
                "learnedWaitMs": self.learned_wait_ms}


class InitResult(BaseModel):
    model_config = ConfigDict(extra="allow")

    installed: int
    skipped: int
    runtime: str = "unknown"


class InstalledHook(BaseModel):
    id: str
    api: str
    overloads: list[str]


class SkippedHook(BaseModel):
    id: str
    api: str
    reason: str


class HookHealth(BaseModel):
    """The agent's ``health()``: what is installed, what was skipped and why, fire counts."""

    model_config = ConfigDict(extra="allow")

    installed: list[InstalledHook]
    skipped: list[SkippedHook]
    fired: dict[str, int]
    emitted: int = 0
    dropped: int = 0
    queued: int = 0
