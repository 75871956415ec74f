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
    #: On the app's exit paths (``Process.killProcess`` of its own pid is a SIGKILL no later hook sees,
    #: ``System.exit``, ``Runtime.halt``, a crash) the agent flushes and waits at most this long for the
    #: host to say it stored the batch (a ``sync`` batch, answered like a learned one: ``learned-stored``
    #: with its number), so the last events are not lost. 0: no wait.
    exit_ack_ms: int = Field(default=1000, ge=0, le=10_000)
    #: Record the app looking for Frida (``instrumentation_probe`` events: libc opens of Frida's files,
    #: /proc/self/maps and thread-name reads, connects to port 27042/27043).
    detect_probes: bool = True
    #: ART only: ``Java.deoptimizeBootImage()`` once at init (Android 8.0+), so hooks on framework methods
    #: that ART inlined into boot-image code still fire; slows the framework, hence an option.
    deoptimize_boot_image: bool = True
    #: Frida's JavaScript runtime for the agent (host-side only).
    runtime: Literal["qjs", "v8"] = "qjs"

    def to_agent(self) -> dict[str, Any]:
        return {"package": self.package, "stackDepth": self.stack_depth, "previewChars": self.preview_chars,
                "flushMs": self.flush_ms, "batchMax": self.batch_max, "queueMax": self.queue_max,
                "consentTaps": self.consent_taps, "learnedAck": self.learned_ack,
                "learnedWaitMs": self.learned_wait_ms,
                "exitAckMs": self.exit_ack_ms, "detectProbes": self.detect_probes,
                "deoptimizeBootImage": self.deoptimize_boot_image}


class InitResult(BaseModel):
    model_config = ConfigDict(extra="allow")

    installed: int
    skipped: int
    runtime: str = "unknown"
    #: libc functions watched for anti-Frida checks (0: off, -1: could not be watched here)
    probes_watched: int = 0
    #: ART boot-image deoptimization: ``done``, ``off``, ``not ART`` (HotSpot), or why it could not be done
    boot_image: str = "not run"


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
    #: ART boot-image deoptimization (see InitResult.boot_image)
    boot_image: str = "not run"
    #: ART stacks from Java.backtrace: distinct call sites rendered, and lookups served from that cache
    art_stacks: dict[str, int] = Field(default_factory=dict)
