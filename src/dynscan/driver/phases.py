"""Runs a scenario's phases: each from its known state, each recorded as ``phase`` events.

A phase says ``started``, then ``reached`` once the state it is about holds (the policy refused,
the permissions granted and the app in front ...), or ``skipped`` / ``failed`` with the reason. What
happens after ``reached`` is what the phase observes. A phase that fails, or a device fault inside
it (the app gone, a command that failed), never stops the next phase, which starts again from its own
clean state. A set-up failure (``SetupError``: no frida-server, a JVM that does not start) still ends
the run with exit 2.
"""

from __future__ import annotations

import time
from typing import Any

from dynscan.driver import phase_specs as ph
from dynscan.driver import steps as st
from dynscan.driver.ad_screen import AdReading, read_ad
from dynscan.driver.reading import read_screen
from dynscan.driver.runner import POLL_S, ScenarioRunner
from dynscan.driver.ui import Screen
from dynscan.errors import InputError, Interrupted, SetupError

#: How long a launched app gets to put its window on the screen (real seconds, never scaled).
SETTLE_S = 10.0


def _printable(text: str, limit: int = 160) -> str:
    """The first line of an app- or device-controlled message, without control characters: it ends up
    in a progress line on a terminal and in every report."""
    first = text.splitlines()[0] if text else ""
    return "".join(c if c.isprintable() else "?" for c in first)[:limit]


class PhaseDriver:
    def __init__(self, runner: ScenarioRunner) -> None:
        self.r = runner
        self._marked = False
        self._fresh = False  # the app was cleared and launched, and nothing has been answered since

    def run(self, phases: list[ph.PhaseSpec]) -> None:
        r = self.r
        for i, spec in enumerate(phases, 1):
            r.phase = spec.name
            r.progress(f"phase {i}/{len(phases)}: {spec.name}")
            self._marked = False
            r.emit("phase", name=spec.name, status="started",  # what is planned: an early end shows
                   **({"detail": {"planned": [p.name for p in phases]}} if i == 1 else {}))
            try:
                getattr(self, f"_{spec.phase}")(spec)
            except (SetupError, InputError, Interrupted):
                raise  # the set-up broke (no frida-server, no JVM ...): the run ends with exit 2, as before
            except Exception as e:  # a device fault in the app's course ends this phase, not the run
                if type(e).__module__.split(".")[0] in ("frida", "_frida"):
                    raise  # Frida itself is unreachable (no frida-server): a set-up failure too
                reason = f"device error: {_printable(str(e)) or type(e).__name__}"
                if self._marked:
                    r.progress(f"phase {spec.name}: {reason}")
                else:
                    self.mark("failed", reason)
            if not self._marked:
                self.mark("failed", "the phase ended before reaching its state")
        r.phase = None
        r._stop()

    def mark(self, status: str, reason: str | None = None, **detail: Any) -> None:
        """The phase's outcome (once); said on the progress line when it was not reached."""
        if self._marked:
            return
        self._marked = True
        fields: dict[str, Any] = {"name": self.r.phase, "status": status}
        if reason:
            fields["reason"] = reason
            self.r.progress(f"phase {self.r.phase} {status}: {reason}")
        if detail:
            fields["detail"] = detail
        self.r.emit("phase", **fields)

    # -- known states ----------------------------------------------------------------------------
    def _clean_launch(self, *, permissions: str | None, policy: str | None = None) -> bool:
        """Clear the app's data, set the standing orders, launch it cold; back once it is in front (True)."""
        r = self.r
        r._do_clear_data(st.ClearData())
        r.state.permission_answer, r.state.policy_answer = permissions, policy
        r._do_launch(st.Launch(cold=True))
        self._fresh = True
        return self._wait_front()

    def _relaunch(self) -> None:
        """Stop the app and start it cold (its data kept); back once it is in front. A phase's scaled waits
        after a launch (the policy's timeout, ``relaunch_observe``, the ad probe's timeout) are about the app,
        so they start when it is up: a cold start takes its real time, longer on a loaded machine, and would
        otherwise eat a scaled-down wait (a relaunched app stopped by the next phase before it asked)."""
        self.r._do_relaunch(st.Relaunch())
        self._wait_front()

    def _wait_front(self) -> bool:
        """Wait (up to ``SETTLE_S`` real seconds) until the app's window is on the screen, answering
        standing orders meanwhile."""
        end = time.monotonic() + SETTLE_S
        while True:
            s = self.r.screen()
            if s is not None:
                if self.r.in_front(s):
                    return True
                if self.r._answer_dialogs(s):
                    continue
            if time.monotonic() >= end or not self.r.app.is_running():
                return False
            time.sleep(POLL_S)

    def _why_not_front(self) -> str:
        r = self.r
        if not r.app.is_running():
            last_exit = getattr(r.device, "last_exit", None)
            ex = last_exit(r.app.package) if callable(last_exit) else None
            if ex is not None and getattr(ex, "cause", "") == "crashed":
                return f"the app crashed ({_printable(str(getattr(ex, 'detail', '')))})"
            if ex is not None and getattr(ex, "cause", "") == "app":
                return "the app closed itself"
            return "the app is not running"
        if r.state.dump_error:
            return f"the screen could not be read ({_printable(r.state.dump_error)})"
        return "the app's window never came to the front"

    def _bring_front(self) -> bool:
        """The app in front: brought back from the background, or started cold if it died."""
        r = self.r
        s = r.screen()
        if s is not None and r.in_front(s):
            return True
        r._do_foreground(st.Key(do="foreground", seconds=0))
        return self._wait_front()

    def _await_policy(self, timeout: float, answer: str) -> bool:
        """Wait for the privacy dialog and answer it; the standing order then answers it the same way."""
        r = self.r
        found = r.watch(timeout, until=lambda s: r.answer_policy(s, answer))
        r.state.policy_answer = answer
        if found:
            self._fresh = False
        return found

    # -- phases ----------------------------------------------------------------------------------
    def _first_launch(self, spec: ph.FirstLaunch) -> None:
        if not self._clean_launch(permissions=None):
            self.mark("failed", self._why_not_front())
            return
        self.mark("reached")
        self.r.watch(spec.idle)  # no standing orders: dialogs stay open

    def _decline(self, spec: ph.Decline) -> None:
        r = self.r
        if not (self._fresh and r.app.is_running()):
            self._clean_launch(permissions="deny")
        r.state.permission_answer = "deny"
        if not self._await_policy(spec.timeout, "decline"):
            reason = self._no_refusal() or "no privacy dialog" if r.app.is_running() else self._why_not_front()
            self.mark("skipped" if r.app.is_running() else "failed", reason)
            return
        self.mark("reached")
        r.watch(spec.observe)  # a second "are you sure" dialog is refused by the standing order
        self._relaunch()
        r.watch(spec.relaunch_observe)

    def _no_refusal(self) -> str | None:
        """Why a decline failed when the privacy dialog is up but offers nothing that refuses."""
        s = self.r.screen()
        reading = read_screen(s) if s is not None else None
        if reading is not None and reading.kind == "policy" and reading.decline is None:
            return "the privacy dialog offers no way to refuse"
        return None

    def _deny(self, spec: ph.Deny) -> None:
        r = self.r
        self._clean_launch(permissions="deny", policy=None)
        found = self._await_policy(spec.timeout, "accept")
        if not self._wait_front():
            self.mark("failed", self._why_not_front())
            return
        self.mark("reached", **({} if found else {"policy": "no privacy dialog"}))
        r.watch(spec.observe)
        self._relaunch()
        r.watch(spec.relaunch_observe)

    def _grant(self, spec: ph.Grant) -> None:
        r = self.r
        self._clean_launch(permissions="allow", policy=None)  # the order to allow is set before the launch
        found = self._await_policy(spec.timeout, "accept")
        r.watch(spec.foreground)
        granted = self._grant_through_device()
        if not self._bring_front():
            self.mark("failed", self._why_not_front(), **({"granted_by_device": granted} if granted else {}))
            return
        detail: dict[str, Any] = {"granted_by_device": granted} if granted else {}
        if not found:
            detail["policy"] = "no privacy dialog"
        self.mark("reached", **detail)
        r._do_background(st.Key(do="background", seconds=spec.background))
        r._do_foreground(st.Key(do="foreground", seconds=spec.after))
        self._relaunch()
        r.watch(spec.relaunch_observe)

    def _grant_through_device(self) -> list[str]:
        """Grant (``pm grant``) each declared runtime permission no dialog granted; each one is a
        ``permission_result`` the driver records (``via: device``)."""
        r = self.r
        granted: list[str] = []
        for perm in r.permissions:
            if r.device.grant(r.app.package, perm):
                granted.append(perm)
                r.emit("permission_result", permission=perm, granted=True, via="device")
        if granted:
            r.state.actions.append(f"grant {' '.join(granted)}")
            r.progress(f"grant: granted through the device (no dialog granted them): {', '.join(granted)}")
        return granted

    def _shake_probe(self, spec: ph.ShakeProbe) -> None:
        r = self.r
        if not self._bring_front():
            self.mark("skipped", f"the app could not be brought to the foreground: {self._why_not_front()}")
            return
        s = r.screen()
        if s is None or not r.in_front(s) or read_screen(s).kind == "permission":
            self.mark("skipped", "the app was not in the foreground at the shake")
            return
        self.mark("reached")
        r._do_shake(st.Shake(acceleration=spec.acceleration, rotation=spec.rotation, duration=spec.duration,
                             watch=spec.watch))

    def _ad_probe(self, spec: ph.AdProbe) -> None:
        r = self.r
        package = r.app.package
        seen: list[AdReading] = []

        def ad(s: Screen) -> bool:
            reading = read_ad(s, package) if read_screen(s).kind == "none" else None
            if reading is not None:
                seen.append(reading)
            return reading is not None

        self._relaunch()
        if not r.watch(spec.timeout, until=ad):
            if r.app.is_running():
                self.mark("skipped", "no splash or pop-up ad showed", nothing_to_probe=True)
            else:
                self.mark("failed", self._why_not_front())
            return
        if seen[-1].close is None:  # an ad may show its close control a moment later
            r.watch(spec.close_wait, until=lambda s: ad(s) and seen[-1].close is not None)
        close_found = any(a.close is not None for a in seen)
        s = r.screen()
        now = read_ad(s, package) if s is not None and read_screen(s).kind == "none" else None
        if now is None or now.neutral is None:
            self.mark("skipped", "the ad was gone before the probe tapped it", nothing_to_probe=True)
            return
        r.emit("dialog", dialog="ad", phase=r.phase)
        self.mark("reached")
        r._tap(now.neutral, "ad: a neutral spot", probe="ad", close_found=close_found, why=now.why)
        r.watch(spec.watch)

    def _steps(self, spec: ph.Custom) -> None:
        r = self.r
        if spec.clear_data:
            r._do_clear_data(st.ClearData())
        seen = False

        def note_front() -> None:
            nonlocal seen
            s = r.screen()
            seen = seen or (s is not None and r.in_front(s))

        for i, step in enumerate(spec.steps, 1):
            r.progress(f"  step {i}/{len(spec.steps)}: {step.do}")
            getattr(r, f"_do_{step.do}")(step)
            if not seen:
                note_front()
        if seen:
            self.mark("reached")
        else:
            self.mark("failed", self._why_not_front())
