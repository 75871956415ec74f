"""The app's other processes on the virtual device (a service declared with ``android:process=":push"``),
announced the way Frida's spawn gating announces them on Android, so one
:class:`dynscan.instrument.gating.ProcessGate` instruments both: each new process waits, held before any
app code, until the gate has loaded the agent into it and resumes it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Spawn:
    pid: int
    identifier: str  # the process name, e.g. com.example.app:push


class ChildSpawns:
    """``on("spawn-added")`` / ``enable_spawn_gating`` / ``enumerate_pending_spawn`` / ``resume`` over the
    virtual device's secondary processes. Without gating (or a listener), a process is resumed at once."""

    def __init__(self, resume: Callable[[int], None]) -> None:
        self._resume = resume
        self._handlers: list[Callable[[Spawn], None]] = []
        self._pending: dict[int, Spawn] = {}
        self._gating = False
        self._lock = threading.Lock()

    def on(self, signal: str, handler: Callable[[Spawn], None]) -> None:
        if signal == "spawn-added":
            with self._lock:
                self._handlers.append(handler)

    def off(self, signal: str, handler: Callable[[Spawn], None]) -> None:
        with self._lock:
            if handler in self._handlers:
                self._handlers.remove(handler)

    def enable_spawn_gating(self) -> None:
        with self._lock:
            self._gating = True

    def disable_spawn_gating(self) -> None:
        with self._lock:
            self._gating = False
            held = list(self._pending)
        for pid in held:
            self.resume(pid)

    def enumerate_pending_spawn(self) -> list[Spawn]:
        with self._lock:
            return list(self._pending.values())

    def resume(self, pid: int) -> None:
        with self._lock:
            self._pending.pop(pid, None)
        self._resume(pid)

    def added(self, spawn: Spawn) -> None:
        """A new process is up and held: hand it to the gate, or let it run."""
        with self._lock:
            handlers = list(self._handlers) if self._gating else []
            if handlers:
                self._pending[spawn.pid] = spawn
        if not handlers:
            self._resume(spawn.pid)
        for h in handlers:
            h(spawn)
