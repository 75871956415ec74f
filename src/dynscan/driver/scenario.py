"""Scenarios: what the driver does, as data (built-in by name, or a YAML/JSON file).

A scenario is either a list of ``phases`` (each from its own known state, recorded as ``phase``
events: see :mod:`dynscan.driver.phase_specs`) or a plain list of ``steps`` (the step language of
:mod:`dynscan.driver.steps`, run as one block with no phase events). ``time_scale`` multiplies every
wait, so a test or a quick look can run the same phases faster.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError, model_validator

from dynscan.driver.phase_specs import QUICK, Custom, FirstLaunch, PhaseSpec
from dynscan.driver.steps import (
    ClearData,
    Key,
    Launch,
    Permissions,
    Policy,
    Relaunch,
    Shake,
    Step,
    Stop,
    Tap,
    Wait,
)
from dynscan.errors import InputError

__all__ = ["BUILTIN_NAMES", "ClearData", "Key", "Launch", "Permissions", "PhaseSpec", "Policy", "Relaunch",
           "Scenario", "Shake", "Step", "Stop", "Tap", "Wait", "builtin", "load_scenario"]

_STARTS = ("launch", "relaunch", "foreground")


class Scenario(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str
    description: str = ""
    #: Every wait is multiplied by this (a launch or a shake's motion takes its real time).
    time_scale: float = Field(default=1.0, gt=0, le=10)
    steps: list[Step] = Field(default_factory=list)
    phases: list[PhaseSpec] = Field(default_factory=list)

    @model_validator(mode="after")
    def _starts_the_app(self) -> Scenario:
        if self.steps and self.phases:
            raise ValueError("give either `phases` or `steps`, not both")
        if not self.steps and not self.phases:
            raise ValueError("the scenario has no `phases` and no `steps`")
        if self.steps and not any(s.do in _STARTS for s in self.steps):
            raise ValueError("the scenario never starts the app: add a `launch` step")
        names = [p.name for p in self.phases]
        if len(set(names)) != len(names):
            raise ValueError(f"phase names repeat: {', '.join(names)}")
        if self.phases and all(isinstance(p, Custom) for p in self.phases) and not any(
                s.do in _STARTS for p in self.phases if isinstance(p, Custom) for s in p.steps):
            raise ValueError("the scenario never starts the app: add a `launch` step")
        return self


_BUILTIN: dict[str, dict[str, object]] = {
    "default": {"phases": [{"phase": "first_launch"}, {"phase": "decline"}, {"phase": "deny"}, {"phase": "grant"},
                           {"phase": "shake_probe"}, {"phase": "ad_probe"}]},
    "quick": {"phases": QUICK},
    "first-launch": {"phases": [FirstLaunch(idle=5).model_dump()]},
}
BUILTIN_NAMES = tuple(_BUILTIN)

_steps_adapter: TypeAdapter[list[Step]] = TypeAdapter(list[Step])


def builtin(name: str, *, time_scale: float = 1.0) -> Scenario:
    return Scenario.model_validate({"name": name, "time_scale": time_scale, **_BUILTIN[name]})


def load_scenario(name_or_file: str, *, time_scale: float | None = None) -> Scenario:
    """A built-in scenario by name, or one read from a YAML/JSON file; ``time_scale`` overrides the
    scenario's own."""
    scenario = _load(name_or_file)
    if time_scale is not None:
        scenario = scenario.model_copy(update={"time_scale": time_scale})
    return scenario


def _load(name_or_file: str) -> Scenario:
    if name_or_file in _BUILTIN:
        return builtin(name_or_file)
    path = Path(name_or_file)
    if not path.is_file():
        raise InputError(f"{name_or_file}: no such scenario (built-in: {', '.join(BUILTIN_NAMES)})")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if isinstance(data, list):
            data = {"name": path.stem, "steps": data}
        if isinstance(data, dict):
            data = {"name": path.stem, **data}
            builtin_phases = data.get("phases")
            if isinstance(builtin_phases, str) and builtin_phases in _BUILTIN:  # `phases: default`
                data["phases"] = _BUILTIN[builtin_phases]["phases"]
        return Scenario.model_validate(data)
    except (yaml.YAMLError, UnicodeDecodeError) as e:
        raise InputError(f"{path}: not a YAML scenario ({e})") from e
    except ValidationError as e:
        err = e.errors()[0]
        loc = ".".join(str(p) for p in err["loc"])
        raise InputError(f"{path}: {loc}: {err['msg']}" if loc else f"{path}: {err['msg']}") from e
