"""The step language of scenarios: one user-level action per step (``do: launch``, ``do: policy`` ...)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator


class _Step(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Launch(_Step):
    do: Literal["launch"] = "launch"
    cold: bool = True


class Wait(_Step):
    """Watch the app for ``seconds``; dialogs that appear are answered as the scenario's policy says."""

    do: Literal["wait"] = "wait"
    seconds: float = Field(default=3.0, ge=0, le=3600)


class Policy(_Step):
    """Answer the privacy-policy dialog (waits up to ``timeout`` for it). When none shows up:
    ``if_missing: note`` says so and goes on; ``clear_data`` clears the app's data and launches it
    again so that the policy shows (what a tester does when the app remembers an earlier refusal)."""

    do: Literal["policy"] = "policy"
    answer: Literal["accept", "decline"]
    timeout: float = Field(default=5.0, ge=0, le=600)
    if_missing: Literal["note", "clear_data"] = "note"


class Permissions(_Step):
    """From now on, answer system permission dialogs this way; waits ``seconds`` for them."""

    do: Literal["permissions"] = "permissions"
    answer: Literal["allow", "deny"]
    seconds: float = Field(default=3.0, ge=0, le=600)


class Key(_Step):
    do: Literal["background", "foreground", "back"]
    seconds: float = Field(default=2.0, ge=0, le=3600)


class Relaunch(_Step):
    """Stop the app (if it still runs) and launch it again, cold."""

    do: Literal["relaunch"] = "relaunch"


class ClearData(_Step):
    """Clear the app's data: consent and runtime permissions start over (``app_reset``)."""

    do: Literal["clear_data"] = "clear_data"


class Shake(_Step):
    """Shake the device: accelerometer and gyroscope motion of this strength after a baseline at rest."""

    do: Literal["shake"] = "shake"
    acceleration: float = Field(default=8.0, gt=0, le=200)  # m/s², peak beyond gravity
    rotation: float = Field(default=15.0, ge=0, le=720)  # degrees
    duration: float = Field(default=1.0, gt=0, le=30)  # seconds
    watch: float = Field(default=3.0, ge=0, le=600)


class Tap(_Step):
    """Tap the first node whose text or resource ID matches."""

    do: Literal["tap"] = "tap"
    text: str | None = None
    resource_id: str | None = None

    @model_validator(mode="after")
    def _target(self) -> Tap:
        if not self.text and not self.resource_id:
            raise ValueError("a tap needs `text` or `resource_id`")
        return self


class Stop(_Step):
    do: Literal["stop"] = "stop"


Step = Annotated[
    Launch | Wait | Policy | Permissions | Key | Relaunch | ClearData | Shake | Tap | Stop,
    Field(discriminator="do"),
]
