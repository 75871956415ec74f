"""The phases of a scenario, as data: each starts the app from a known state and says what it reached.

The default scenario walks an app through the consent states a tester checks by hand (MIIT's batch
tests follow the same path): the first launch left alone, the policy refused, the policy accepted
with every permission denied, then accepted with every permission granted, and a weak shake with the
app verified in front. Each phase starts from its own clean state (the app's data cleared where the
state needs it), so a phase that fails does not spoil the next one.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from dynscan.driver.steps import Step

Seconds = Annotated[float, Field(ge=0, le=3600)]


class _Phase(BaseModel):
    model_config = ConfigDict(extra="forbid")
    phase: str

    @property
    def name(self) -> str:
        return self.phase

    def waits(self) -> float:
        """The seconds this phase waits by its fields (before the scenario's time scale)."""
        return sum(float(v) for k, v in self if k in _WAIT_FIELDS)


_WAIT_FIELDS = frozenset({"idle", "timeout", "observe", "relaunch_observe", "foreground", "background", "after",
                          "watch", "duration"})
#: What a phase costs besides its waits: two cold starts of an instrumented app, a data clear, dialogs.
PHASE_OVERHEAD_S = 8.0


class FirstLaunch(_Phase):
    """Clear the app's data, launch it cold, give no input for ``idle`` seconds: dialogs stay open."""

    phase: Literal["first_launch"] = "first_launch"
    idle: Seconds = 10.0


class Decline(_Phase):
    """Refuse the privacy policy (through a second "are you sure" dialog too), deny permission dialogs,
    observe; relaunch without clearing and observe again."""

    phase: Literal["decline"] = "decline"
    timeout: Seconds = 5.0  # how long to wait for the privacy dialog
    observe: Seconds = 5.0
    relaunch_observe: Seconds = 5.0


class Deny(_Phase):
    """Clear the data, launch, accept the policy, deny every permission dialog, observe; relaunch, observe."""

    phase: Literal["deny"] = "deny"
    timeout: Seconds = 5.0
    observe: Seconds = 10.0
    relaunch_observe: Seconds = 5.0


class Grant(_Phase):
    """Clear the data, allow (the order is set before the launch), accept, allow every permission dialog
    and tap through rationale dialogs; grant through the device what no dialog granted; watch the
    foreground, the background (HOME) and the foreground again; relaunch and observe."""

    phase: Literal["grant"] = "grant"
    timeout: Seconds = 5.0
    foreground: Seconds = 10.0
    background: Seconds = 30.0
    after: Seconds = 5.0  # back in the foreground
    relaunch_observe: Seconds = 5.0


class ShakeProbe(_Phase):
    """A weak shake, only with the app verified in the foreground (it is brought back first)."""

    phase: Literal["shake_probe"] = "shake_probe"
    acceleration: float = Field(default=8.0, gt=0, le=200)  # m/s², peak beyond gravity
    rotation: float = Field(default=15.0, ge=0, le=720)  # degrees
    duration: float = Field(default=1.0, gt=0, le=30)  # seconds (physical: never scaled)
    watch: Seconds = 3.0


class AdProbe(_Phase):
    """Relaunch the app (its data kept: the policy accepted and permissions granted in ``grant``) and look
    for a splash or pop-up ad for ``timeout`` seconds; wait up to ``close_wait`` for its close control;
    tap it once on a neutral spot away from every labelled control; watch ``watch`` seconds for a jump.
    Skipped (without making the run incomplete) when no ad shows."""

    phase: Literal["ad_probe"] = "ad_probe"
    timeout: Seconds = 5.0
    close_wait: Seconds = 2.0
    watch: Seconds = 3.0


class Custom(_Phase):
    """A phase of the scenario's own: ``steps`` in the step language, from a clean state when
    ``clear_data`` is set. It is reached when its steps ran and the app was in front at some point."""

    phase: Literal["steps"] = "steps"
    title: str = Field(alias="name", pattern=r"^[a-z][a-z0-9_]{0,39}$")
    clear_data: bool = False
    steps: list[Step] = Field(min_length=1)

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    @property
    def name(self) -> str:
        return self.title

    def waits(self) -> float:
        return sum(float(getattr(st, "seconds", 0.0) or 0.0) + float(getattr(st, "duration", 0.0) or 0.0)
                   + float(getattr(st, "timeout", 0.0) or 0.0) + float(getattr(st, "watch", 0.0) or 0.0)
                   for st in self.steps)


PhaseSpec = Annotated[FirstLaunch | Decline | Deny | Grant | ShakeProbe | AdProbe | Custom,
                      Field(discriminator="phase")]

#: The phases of the default scenario, in order.
DEFAULT_PHASES: tuple[str, ...] = ("first_launch", "decline", "deny", "grant", "shake_probe", "ad_probe")

QUICK: list[dict[str, object]] = [
    {"phase": "first_launch", "idle": 2}, {"phase": "decline", "timeout": 3, "observe": 1, "relaunch_observe": 1},
    {"phase": "deny", "timeout": 3, "observe": 2, "relaunch_observe": 1},
    {"phase": "grant", "timeout": 3, "foreground": 2, "background": 3, "after": 1, "relaunch_observe": 1},
    {"phase": "shake_probe", "watch": 1},
    {"phase": "ad_probe", "timeout": 3, "close_wait": 1, "watch": 2},
]
