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
    #: Frida's JavaScript runtime for the agent (host-side only).
    runtime: Literal["qjs", "v8"] = "qjs"

    def to_agent(self) -> dict[str, Any]:
        return {"package": self.package, "stackDepth": self.stack_depth, "previewChars": self.preview_chars,
                "flushMs": self.flush_ms, "batchMax": self.batch_max, "queueMax": self.queue_max,
                "consentTaps": self.consent_taps, "learnedAck": self.learned_ack}


class InitResult(BaseModel):
    model_config = ConfigDict(extra="allow")

    installed: int
    skipped: int
    #: catalog entries whose class no loader had shown at init (installed when one does)
    pending: int = 0
    runtime: str = "unknown"


class InstalledHook(BaseModel):
    id: str
    api: str
    overloads: list[str]
    #: the class loader the class was found in when it is not the framework's (the app's, a plug-in's)
    loader: str | None = None


class SkippedHook(BaseModel):
    id: str
    api: str
    reason: str


class PendingHook(BaseModel):
    """A hook whose class no class loader has shown yet: installed when one does."""

    id: str
    api: str
    reason: str


class HookHealth(BaseModel):
    """The agent's ``health()``: what is installed, what waits for its class (pending), what was skipped
    and why, fire counts."""

    model_config = ConfigDict(extra="allow")

    installed: list[InstalledHook]
    skipped: list[SkippedHook]
    pending: list[PendingHook] = Field(default_factory=list)
    fired: dict[str, int]
    emitted: int = 0
    dropped: int = 0
    queued: int = 0
