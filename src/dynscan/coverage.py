"""Coverage: what a run exercised, read back from the timeline alone.

Per phase (``phase`` events): reached or not and why, whether the app crashed in it; the seconds the
app was watched in the foreground and in the background (``app_state``); the dialogs the driver saw
(``dialog``) and answered (driver taps whose ``detail.dialog`` names one); whether a privacy dialog was
found; the permissions granted through the device. Because it comes from the timeline, ``dynscan
analyze`` of a stored session gives the same coverage as the run.

A run is *incomplete* (never a pass) when a phase the scenario asked for was not reached (a probe skipped
because what it probes never showed, ``detail.nothing_to_probe``, e.g. no ad, is not) or never started (the
driver lists the scenario's phases in the first ``phase started``'s ``detail.planned``: a run that ended
between two phases shows the rest as ``not_started``), when the timeline holds no event of the app's own
(driven or imported), or when a driven app never reached the foreground or crashed in every phase, or when the app ended
by itself (crashed, or stopped not by the driver) within :data:`PROBE_EXIT_WINDOW_S` of looking for Frida
(``instrumentation_probe``): it may have found the instrumentation, and what was seen is then not its
ordinary behaviour. ``instrumentation_probes`` counts the probes seen, by kind.

``hooks_never_installed``: the hooks no process of the app ever installed because their class never
loaded (``hooks_pending``: each instrumented process's last one); nothing watched those APIs. ``None``
when no process said (a timeline from elsewhere, an agent too old to say): then nothing is claimed.
``hooks_failed``: the hooks (or overloads) some process skipped or could not install (``hooks_pending``'s
``failed``: a method this platform lacks, a hook that threw), the union over the processes, once per id and
reason; each reason cut to :data:`HOOK_REASON_MAX` characters (it quotes platform and app text).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from pydantic import BaseModel, Field

from dynscan.events.model import Event, HookFailure, HookRef
from dynscan.guided import GUIDED_CHECKS, GuidedCheck

#: An app that ends this soon after looking for Frida may have ended because it found it.
PROBE_EXIT_WINDOW_S = 5.0
#: Longest ``reason`` of a ``hooks_failed`` entry (the agent cuts them too; a timeline may come from elsewhere).
HOOK_REASON_MAX = 200

_STATUS_WORDS = {"started": "not finished", "not_started": "never started"}

#: Kinds only the app's own code causes (an imported timeline without ``source`` still has them).
_APP_KINDS = frozenset({"api_call", "flow", "permission_request", "net_request", "component_start"})
#: Kinds the agent sends about itself, not about what the app did.
_INSTRUMENTATION_KINDS = frozenset({"hooks_pending"})


class PhaseCoverage(BaseModel):
    name: str
    #: ``reached``, ``skipped``, ``failed``, ``started`` when the run ended inside the phase, or ``not_started``
    #: when the scenario planned it (``detail.planned`` of a ``phase started``) and the run ended before it.
    status: str
    reason: str | None = None
    detail: dict[str, Any] | None = None
    crashed: bool = False


class Coverage(BaseModel):
    """What the run exercised (extension of the report, CONTRACTS section 4)."""

    #: dynscan's driver launched the app (False for a timeline from elsewhere: nothing more is judged).
    driven: bool = False
    phases: list[PhaseCoverage] = Field(default_factory=list)
    foreground_s: float = 0.0
    background_s: float = 0.0
    dialogs_seen: dict[str, int] = Field(default_factory=dict)
    dialogs_answered: dict[str, int] = Field(default_factory=dict)
    privacy_dialog: bool = False
    granted_by_device: list[str] = Field(default_factory=list)
    complete: bool = True
    #: Why the run is incomplete (empty when complete).
    incomplete: list[str] = Field(default_factory=list)
    #: The app looked for instrumentation (``instrumentation_probe`` events): probe kind to count.
    instrumentation_probes: dict[str, int] = Field(default_factory=dict)
    #: The scenes no rule judges: what a tester should look at by hand (docs/scenes.md).
    guided_checks: list[GuidedCheck] = Field(default_factory=lambda: list(GUIDED_CHECKS))
    #: Hooks whose class no instrumented process ever loaded (pending at the end of every process that
    #: reported): the APIs nothing watched. None: no process reported its hooks.
    hooks_never_installed: list[HookRef] | None = None
    #: Hooks (or overloads) skipped or failed in some process, with why: those APIs (or those overloads)
    #: were not watched there. None: no process said.
    hooks_failed: list[HookFailure] | None = None


class CoverageBuilder:
    """Fed every event of the timeline in time order (:meth:`watch`), then :meth:`result`."""

    def __init__(self) -> None:
        self.c = Coverage()
        self._phase: PhaseCoverage | None = None
        self._state: str | None = None
        self._since = 0.0
        self._last_ts: float | None = None
        self._app_events = 0
        self._foreground = False
        self._probe: tuple[float, str] | None = None  # the latest instrumentation_probe: ts, probe
        self._ended_after_probe: tuple[float, str, str] | None = None  # gap, probe, how it ended
        #: per process (pid, else name): the hooks still pending in all of its ``hooks_pending``
        self._pending: dict[object, list[HookRef]] = {}
        self._planned: list[str] | None = None  # the scenario's phases, from the first phase started
        self._failed: dict[tuple[str, str], HookFailure] | None = None  # by (id, reason), every process's

    def watch(self, events: Iterable[Event]) -> Iterator[Event]:
        for ev in events:
            self.add(ev)
            yield ev

    def add(self, ev: Any) -> None:
        kind, ts, source = ev.kind, ev.ts, ev.source
        self._last_ts = ts if self._last_ts is None or ts > self._last_ts else self._last_ts
        c = self.c
        if (source in ("agent", "proxy") and kind not in _INSTRUMENTATION_KINDS) or (
                source in (None, "import") and kind in _APP_KINDS):
            self._app_events += 1
        if kind == "phase":
            self._on_phase(ev)
        elif kind == "app_state":
            self._on_state(ev.state, ts, source)
            self._after_probe(ev, ts)
        elif kind == "hooks_pending":
            # a process's pending list only shrinks: keep what every one of its reports still lists
            key = ev.pid if ev.pid is not None else ev.process
            before = self._pending.get(key)
            now = {h.id for h in ev.hooks}
            self._pending[key] = ev.hooks if before is None else [h for h in before if h.id in now]
            if ev.failed is not None:
                self._add_failed(ev.failed)
        elif kind == "instrumentation_probe":
            c.instrumentation_probes[ev.probe] = c.instrumentation_probes.get(ev.probe, 0) + 1
            self._probe = (ts, ev.probe)
        elif kind == "app_launch":
            c.driven = c.driven or source == "driver"
        elif kind == "dialog":
            c.dialogs_seen[ev.dialog] = c.dialogs_seen.get(ev.dialog, 0) + 1
            c.privacy_dialog = c.privacy_dialog or ev.dialog == "policy"
        elif kind == "consent" and ev.action == "policy_shown":
            c.privacy_dialog = True
        elif kind == "user_action" and source == "driver" and ev.action == "tap" and ev.detail:
            dialog = ev.detail.get("dialog")
            if isinstance(dialog, str):
                c.dialogs_answered[dialog] = c.dialogs_answered.get(dialog, 0) + 1
        elif kind == "permission_result" and source == "driver" and ev.granted and ev.permission not in \
                c.granted_by_device:
            c.granted_by_device.append(ev.permission)

    def _add_failed(self, failed: list[HookFailure]) -> None:
        known = self._failed if self._failed is not None else {}
        self._failed = known
        for f in failed:
            reason = f.reason if len(f.reason) <= HOOK_REASON_MAX else f.reason[:HOOK_REASON_MAX - 1] + "…"
            known.setdefault((f.id, reason), HookFailure(id=f.id, api=f.api, reason=reason))

    def _after_probe(self, ev: Any, ts: float) -> None:
        if self._probe is None or self._ended_after_probe is not None:
            return
        by_app = ev.state == "crashed" or (ev.state == "stopped" and ev.cause != "driver")
        gap = ts - self._probe[0]
        if by_app and 0 <= gap <= PROBE_EXIT_WINDOW_S:
            self._ended_after_probe = (gap, self._probe[1], ev.state)

    def _on_phase(self, ev: Any) -> None:
        planned = (ev.detail or {}).get("planned") if ev.status == "started" else None
        if isinstance(planned, list) and self._planned is None:
            self._planned = [str(name) for name in planned]
        if ev.status == "started" or self._phase is None or self._phase.name != ev.name:
            self._phase = PhaseCoverage(name=ev.name, status=ev.status)
            self.c.phases.append(self._phase)
        if ev.status != "started":
            self._phase.status, self._phase.reason, self._phase.detail = ev.status, ev.reason, ev.detail

    def _on_state(self, state: str, ts: float, source: str | None) -> None:
        if state == "crashed" and self._phase is not None:
            self._phase.crashed = True
        if state == "foreground" and source != "driver":
            self._foreground = True
        new = state if state in ("foreground", "background") else None
        if new == self._state:
            return
        self._close(ts)
        self._state, self._since = new, ts

    def _close(self, ts: float) -> None:
        span = max(0.0, ts - self._since)
        if self._state == "foreground":
            self.c.foreground_s += span
        elif self._state == "background":
            self.c.background_s += span

    def result(self) -> Coverage:
        c = self.c
        if self._last_ts is not None:
            self._close(self._last_ts)
            self._state = None
        c.foreground_s, c.background_s = round(c.foreground_s, 1), round(c.background_s, 1)
        seen = {p.name for p in c.phases}
        c.phases += [PhaseCoverage(name=name, status="not_started") for name in self._planned or () if name not in seen]
        why = [f"phase {p.name} {_STATUS_WORDS.get(p.status, p.status)}"
               + (f": {p.reason}" if p.reason else "") for p in c.phases
               if p.status != "reached" and not (p.status == "skipped" and (p.detail or {}).get("nothing_to_probe"))]
        ran = [p for p in c.phases if p.status != "not_started"]
        if c.driven:
            if not self._foreground:
                why.append("the app never reached the foreground")
            if ran and all(p.crashed for p in ran):
                why.append("the app crashed in every phase")
        if self._app_events == 0:  # driven or not: a timeline with nothing from the app exercised nothing
            why.append("no event was recorded from the app")
        if c.driven and self._ended_after_probe is not None:
            gap, probe, state = self._ended_after_probe
            why.append(f"the app {state} {gap:.1f} s after looking for Frida ({probe}): it may have detected "
                       "the instrumentation, so it did not behave as on a user's phone")
        c.incomplete, c.complete = why, not why
        c.hooks_never_installed = self._never_installed()
        if self._failed is not None:
            c.hooks_failed = [self._failed[k] for k in sorted(self._failed)]
        return c

    def _never_installed(self) -> list[HookRef] | None:
        """The entries pending at the end of every process that reported (installed in none of them)."""
        if not self._pending:
            return None
        lists = list(self._pending.values())
        common = set.intersection(*({h.id for h in hooks} for hooks in lists))
        first: dict[str, HookRef] = {}
        for hooks in lists:
            for h in hooks:
                if h.id in common:
                    first.setdefault(h.id, h)
        return sorted(first.values(), key=lambda h: h.id)
