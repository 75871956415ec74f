"""Every process of the app (Android): spawn gating holds ``pkg:push``-style processes at birth, the
agent is loaded into each, then it is released. Other spawns are released untouched."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from typing import Any, Protocol

import frida


class Instrumented(Protocol):
    def start(self) -> Any: ...
    def stop(self) -> None: ...


#: Builds (not starts) the agent session for ``(pid, process_name)``.
SessionFactory = Callable[[int, str], Instrumented]


class ProcessGate:
    """Watches a Frida device's spawns and instruments the app's secondary processes."""

    def __init__(self, device: Any, package: str, make_session: SessionFactory, *, children_only: bool = False) -> None:
        """``children_only``: leave the main process (``package`` itself) alone, for when it is spawned and
        instrumented by other means (:func:`dynscan.instrument.launch.instrument_app`)."""
        self.device, self.package, self.make_session = device, package, make_session
        self.children_only = children_only
        self.sessions: dict[int, Instrumented] = {}
        self.errors: list[str] = []
        self._threads: list[threading.Thread] = []
        self._lock = threading.Lock()

    def wanted(self, identifier: str | None) -> bool:
        if identifier is None:
            return False
        return identifier.startswith(self.package + ":") or (identifier == self.package and not self.children_only)

    def start(self) -> None:
        self.device.on("spawn-added", self._on_spawn)
        self.device.enable_spawn_gating()
        for spawn in self.device.enumerate_pending_spawn():
            self._on_spawn(spawn)

    def _on_spawn(self, spawn: Any) -> None:
        # Frida's signal thread must not block on RPCs: handle each spawn on its own thread.
        t = threading.Thread(target=self._handle, args=(spawn.pid, spawn.identifier), daemon=True)
        with self._lock:
            self._threads.append(t)
        t.start()

    def _handle(self, pid: int, identifier: str | None) -> None:
        try:
            if self.wanted(identifier):
                session = self.make_session(pid, str(identifier))
                try:
                    session.start()
                    with self._lock:
                        self.sessions[pid] = session
                except Exception as e:  # one process failing must not stop the others
                    self.errors.append(f"{identifier} ({pid}): {e}")
        finally:
            with contextlib.suppress(frida.InvalidOperationError, frida.ProcessNotFoundError):
                self.device.resume(pid)

    def wait_idle(self, timeout_s: float = 10.0) -> None:
        with self._lock:
            threads = list(self._threads)
        for t in threads:
            t.join(timeout_s)

    def stop(self) -> None:
        with contextlib.suppress(frida.InvalidOperationError, frida.TransportError):
            self.device.disable_spawn_gating()
        self.device.off("spawn-added", self._on_spawn)
        self.wait_idle()
        with self._lock:
            sessions = list(self.sessions.values())
            self.sessions.clear()
        for s in sessions:
            s.stop()
