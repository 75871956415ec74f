"""Runs a scenario against a device, answering dialogs and recording every consent action.

The driver is the only part that knows what the user (dynscan) did, so it writes the ``consent``,
``user_action``, ``app_launch``, ``app_reset``, ``phase``, ``dialog`` and driver-caused ``app_state``
events. What the app did is recorded by the agent and the proxy. Phases are run by
:mod:`dynscan.driver.phases` on the primitives here; a plain step list runs step by step.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from dynscan.device.base import Device
from dynscan.device.permissions import is_runtime
from dynscan.driver import scenario as sc
from dynscan.driver import steps as st
from dynscan.driver.policy_file import save_policy
from dynscan.driver.reading import Reading, label, read_screen
from dynscan.driver.shake import shake_samples
from dynscan.driver.ui import Node, Screen, parse_screen

POLL_S = 0.25


class AppHandle(Protocol):
    """What the driver needs from the capture: start the app instrumented, and know if it runs."""

    package: str

    def launch(self) -> None: ...
    def is_running(self) -> bool: ...
    def stop(self) -> None: ...
    def clear(self) -> None:
        """Wipe the app's data (it is stopped first)."""
        ...


Recorder = Callable[[dict[str, Any]], object]
Progress = Callable[[str], None]


@dataclass
class DriverState:
    #: Standing order for system permission dialogs: a tester refuses until the scenario says otherwise.
    permission_answer: str | None = "deny"
    policy_answer: str | None = None
    #: The consent choice recorded since the last launch: a second "are you sure" dialog answered the
    #: same way is tapped without recording the choice again.
    consent_recorded: str | None = None
    screens: int = 0
    actions: list[str] = field(default_factory=list)
    policy_seen: bool = False
    dump_error: str | None = None


class ScenarioRunner:
    """``ui_dir``: where the screen the driver acted on is kept before each tap (``NNNN-<target>.xml``,
    named in the tap's ``user_action.detail.screen``), the evidence of what the user was shown.
    ``permissions``: the runtime permissions the app declares (the ``grant`` phase grants through the
    device those no dialog granted)."""

    def __init__(self, device: Device, app: AppHandle, record: Recorder,
                 progress: Progress | None = None, clock: Callable[[], float] = time.time,
                 ui_dir: Path | None = None, permissions: Sequence[str] = ()) -> None:
        self.device, self.app, self._record, self.clock = device, app, record, clock
        self.progress = progress or (lambda _m: None)
        self.state = DriverState()
        self.ui_dir = ui_dir
        self.permissions = tuple(p for p in permissions if is_runtime(p))
        self.time_scale = 1.0
        self.phase: str | None = None
        self._last_dump = ""
        self._last_dialog = ""
        self._policy_saved = False

    def emit(self, kind: str, **fields: Any) -> None:
        self._record({"kind": kind, "ts": self.clock(), "source": "driver", **fields})

    def run(self, scenario: sc.Scenario) -> DriverState:
        self.time_scale = scenario.time_scale
        if scenario.phases:
            from dynscan.driver.phases import PhaseDriver

            PhaseDriver(self).run(scenario.phases)
            return self.state
        self.run_steps(scenario.steps)
        return self.state

    def run_steps(self, steps: Sequence[st.Step], label: str = "step") -> None:
        for i, step in enumerate(steps, 1):
            self.progress(f"{label} {i}/{len(steps)}: {step.do}")
            getattr(self, f"_do_{step.do}")(step)

    # -- screen handling ---------------------------------------------------------------------
    def screen(self) -> Screen | None:
        if not self.app.is_running():
            return None
        try:
            xml = self.device.dump_ui()
            s = parse_screen(xml)
        except Exception as e:  # a screen that cannot be read now is read again at the next poll
            self.state.dump_error = str(e) or type(e).__name__
            return None
        self.state.dump_error = None
        self._last_dump = xml
        self.state.screens += 1
        return s

    def read(self, screen: Screen) -> Reading:
        """What the screen shows; the first privacy dialog seen is kept as ``policy.json``."""
        reading = read_screen(screen)
        if reading.kind == "policy" and not self._policy_saved and self.ui_dir is not None:
            self._policy_saved = save_policy(self.ui_dir.parent, reading, ts=self.clock()) is not None
        return reading

    def in_front(self, screen: Screen) -> bool:
        """The app's window is on the screen (a system permission dialog it asked for counts too)."""
        return any(n.package == self.app.package for n in screen.nodes) or read_screen(screen).kind == "permission"

    def _keep_screen(self, target: str) -> str | None:
        """Save the screen the driver is acting on; its path relative to the session directory."""
        if self.ui_dir is None or not self._last_dump:
            return None
        name = f"{len(self.state.actions) + 1:04d}-{re.sub(r'[^A-Za-z0-9]+', '-', target).strip('-')[:40] or 'tap'}.xml"
        try:
            (self.ui_dir / name).write_text(self._last_dump, encoding="utf-8")
        except OSError:
            return None
        return f"{self.ui_dir.name}/{name}"

    def _tap(self, node_center: tuple[int, int], target: str, **detail: Any) -> None:
        screen = self._keep_screen(target)
        if screen:
            detail["screen"] = screen
        self.emit("user_action", action="tap", target=target, **({"detail": detail} if detail else {}))
        self.device.tap(*node_center)
        self.state.actions.append(f"tap {target}")

    def _tap_node(self, reading: Reading, node: Node, **detail: Any) -> None:
        self._tap(node.center, label(reading, node) or "control", **detail)

    def _note_dialog(self, screen: Screen, reading: Reading) -> None:
        """A ``dialog`` event the first time each dialog is on the screen."""
        if reading.kind == "none":
            self._last_dialog = ""
            return
        sig = reading.kind + "|" + "|".join(n.text for n in screen.nodes if n.text)[:2000]
        if sig != self._last_dialog:
            self._last_dialog = sig
            if reading.kind == "policy":
                self.state.policy_seen = True
            self.emit("dialog", dialog=reading.kind, **({"phase": self.phase} if self.phase else {}))

    def _answer_dialogs(self, screen: Screen) -> bool:
        """Answer a dialog the standing orders cover; True when something was tapped."""
        reading = self.read(screen)
        self._note_dialog(screen, reading)
        order = self.state.permission_answer
        # A rationale is the app's own page before the system dialog: tapped through when permissions are
        # to be allowed, never recorded as consent (a scenario that denies leaves it to its own steps).
        if (reading.kind == "permission" and order) or (reading.kind == "rationale" and order == "allow"):
            node = reading.accept if order == "allow" else reading.decline
            if node is not None:
                self._tap_node(reading, node, dialog=reading.kind, answer=order)
                return True
        if reading.kind == "policy" and self.state.policy_answer:
            return self._answer_policy(reading, self.state.policy_answer)
        return False

    def answer_policy(self, screen: Screen, answer: str) -> bool:
        reading = self.read(screen)
        self._note_dialog(screen, reading)
        return reading.kind == "policy" and self._answer_policy(reading, answer)

    def _answer_policy(self, reading: Reading, answer: str) -> bool:
        node = reading.accept if answer == "accept" else reading.decline
        if node is None:
            return False
        if answer == "accept" and reading.tick is not None:  # "I have read and agree": ticked as a person would
            self._tap_node(reading, reading.tick, dialog="policy", answer="tick")
        follow_up = self.state.consent_recorded == answer
        if not follow_up:
            # What the dialog offered, as read: a way to refuse, an agree box ticked in advance.
            self.emit("consent", action="policy_shown",
                      detail={"refusal": reading.decline is not None, "preselected": reading.preticked is not None})
            # Recorded before the tap lands: the app reacts inside its click handler, and what it does
            # there happens after the user's choice, not before it.
            self.emit("consent", action="policy_accepted" if answer == "accept" else "policy_declined")
            self.state.consent_recorded = answer
        self._tap_node(reading, node, dialog="policy", answer=answer, **({"follow_up": True} if follow_up else {}))
        return True

    def watch(self, seconds: float, until: Callable[[Screen], bool] | None = None) -> bool:
        """Watch the app for ``seconds`` (times the scenario's time scale), answering dialogs the
        standing orders cover; True as soon as ``until`` holds for a screen."""
        end = self.clock() + seconds * self.time_scale
        while True:
            s = self.screen()
            if s is not None:
                if until is not None and until(s):
                    return True
                if self._answer_dialogs(s) and self.clock() < end:
                    continue  # read the screen the tap led to at once; a dialog that stays ends with the wait
            if self.clock() >= end:
                return False
            time.sleep(POLL_S)

    _watch = watch

    # -- steps ---------------------------------------------------------------------------------
    def _do_launch(self, step: st.Launch) -> None:
        self.emit("app_launch", cold=step.cold)
        self.state.consent_recorded = None
        self._last_dialog = ""
        self.app.launch()

    def _do_wait(self, step: st.Wait) -> None:
        self._watch(step.seconds)

    def _do_policy(self, step: st.Policy) -> None:
        def answered() -> bool:
            return self._watch(step.timeout, until=lambda s: self.answer_policy(s, step.answer))

        if not answered():
            if step.if_missing == "clear_data":
                self.progress(f"policy: no privacy-policy dialog within {step.timeout:g} s; clearing the app's "
                              "data so that it asks again")
                self._do_clear_data(st.ClearData())
                self._do_launch(st.Launch(cold=True))
                if not answered():
                    self.progress("policy: still no privacy-policy dialog after clearing the data; nothing answered")
            else:
                self.progress(f"policy: no privacy-policy dialog within {step.timeout:g} s; nothing answered")
        self.state.policy_answer = step.answer

    def _do_permissions(self, step: st.Permissions) -> None:
        self.state.permission_answer = step.answer
        before = len(self.state.actions)
        self._watch(step.seconds)
        if len(self.state.actions) == before:
            self.progress(f"permissions: no dialog within {step.seconds:g} s; later ones will be answered "
                          f"'{step.answer}'")

    def _do_background(self, step: st.Key) -> None:
        self.emit("user_action", action="key", target="HOME")
        self.device.key("HOME")
        self.emit("app_state", state="background", cause="driver")
        self._watch(step.seconds)

    def _do_foreground(self, step: st.Key) -> None:
        self.emit("user_action", action="tap", target="launcher icon")
        if self.app.is_running():
            self.app.launch()
            self.emit("app_state", state="foreground", cause="driver")
        else:  # it died in the background: the icon starts it cold
            self._do_launch(st.Launch(cold=True))
        self._watch(step.seconds)

    def _do_back(self, step: st.Key) -> None:
        self.emit("user_action", action="key", target="BACK")
        self.device.key("BACK")
        self._watch(step.seconds)

    def _do_relaunch(self, step: st.Relaunch) -> None:
        self._stop()
        self._do_launch(st.Launch(cold=True))

    def _do_clear_data(self, step: st.ClearData) -> None:
        self._stop()
        self.app.clear()
        self.emit("app_reset")
        self.state.policy_answer, self.state.permission_answer = None, "deny"

    def _do_shake(self, step: st.Shake) -> None:
        self.emit("user_action", action="shake", detail={
            "acceleration": step.acceleration, "rotation": step.rotation, "duration": step.duration})
        self.device.inject_sensor(shake_samples(step.acceleration, step.rotation, step.duration))
        self._watch(step.watch)

    def _do_tap(self, step: st.Tap) -> None:
        s = self.screen()
        for n in s.nodes if s else ():
            if (step.text and n.text == step.text) or (step.resource_id and n.resource_id == step.resource_id):
                self._tap(n.center, n.text or n.short_id)
                return
        self.progress(f"tap: nothing matches {step.text or step.resource_id}")

    def _do_stop(self, step: st.Stop) -> None:
        self._stop()

    def _stop(self) -> None:
        if self.app.is_running():
            self.app.stop()
            self.emit("app_state", state="stopped", cause="driver")
