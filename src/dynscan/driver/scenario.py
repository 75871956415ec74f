"""Scenarios: the steps the driver takes, as data (built-in by name, or a YAML/JSON file).

A scenario reproduces what a regulator's tester does by hand (MIIT's batch tests follow the
same path): first launch with the policy shown, refusal, relaunch, acceptance, permission denial,
background, a weak shake, relaunch with the permissions granted.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError, model_validator

from dynscan.errors import InputError


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


class Scenario(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str
    description: str = ""
    steps: list[Step] = Field(min_length=1)

    @model_validator(mode="after")
    def _starts_the_app(self) -> Scenario:
        if not any(s.do in ("launch", "relaunch", "foreground") for s in self.steps):
            raise ValueError("the scenario never starts the app: add a `launch` step")
        return self


_BUILTIN: dict[str, list[dict[str, object]]] = {
    "default": [
        {"do": "launch"}, {"do": "wait", "seconds": 3}, {"do": "policy", "answer": "decline"},
        {"do": "wait", "seconds": 3}, {"do": "relaunch"},
        {"do": "policy", "answer": "accept", "if_missing": "clear_data"},
        {"do": "permissions", "answer": "deny", "seconds": 3}, {"do": "wait", "seconds": 2},
        {"do": "background", "seconds": 3}, {"do": "foreground", "seconds": 2},
        {"do": "shake"}, {"do": "relaunch"}, {"do": "permissions", "answer": "allow", "seconds": 3},
        {"do": "wait", "seconds": 2}, {"do": "stop"},
    ],
    "quick": [
        {"do": "launch"}, {"do": "wait", "seconds": 2}, {"do": "policy", "answer": "accept"},
        {"do": "permissions", "answer": "deny", "seconds": 2}, {"do": "background", "seconds": 1},
        {"do": "stop"},
    ],
    "first-launch": [{"do": "launch"}, {"do": "wait", "seconds": 5}, {"do": "stop"}],
}
BUILTIN_NAMES = tuple(_BUILTIN)

_steps_adapter: TypeAdapter[list[Step]] = TypeAdapter(list[Step])


def builtin(name: str) -> Scenario:
    return Scenario(name=name, steps=_steps_adapter.validate_python(_BUILTIN[name]))


def load_scenario(name_or_file: str) -> Scenario:
    """A built-in scenario by name, or one read from a YAML/JSON file."""
    if name_or_file in _BUILTIN:
        return builtin(name_or_file)
    path = Path(name_or_file)
    if not path.is_file():
        raise InputError(f"{name_or_file}: no such scenario (built-in: {', '.join(BUILTIN_NAMES)})")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if isinstance(data, list):
            data = {"name": path.stem, "steps": data}
        return Scenario.model_validate(data)
    except (yaml.YAMLError, UnicodeDecodeError) as e:
        raise InputError(f"{path}: not a YAML scenario ({e})") from e
    except ValidationError as e:
        err = e.errors()[0]
        loc = ".".join(str(p) for p in err["loc"])
        raise InputError(f"{path}: {loc}: {err['msg']}") from e
