"""One instrumented process: attach, load the agent with the catalog, store its events.

Events arrive in batches on Frida's thread and are written with ``append_many`` on the host clock.
When the process dies without saying so (no ``app_state`` stopped/crashed from the agent) and we did
not stop it, an ``app_state: crashed`` is recorded; everything captured before stays in the store.
"""

from __future__ import annotations

import contextlib
import threading
import time
from typing import Any

import frida
import orjson

from dynscan.device.base import SensorSample
from dynscan.device.frida_errors import explain, frida_errors
from dynscan.errors import SetupError
from dynscan.instrument.bundle import load_bundle
from dynscan.instrument.clock import ClockOffset, measure_offset
from dynscan.instrument.messages import Origin, parse_batch, to_timeline
from dynscan.instrument.models import AgentOptions, HookHealth, InitResult
from dynscan.instrument.rpc import INIT_TIMEOUT_S, AgentTimeout, call
from dynscan.store.session import SessionStore

_DEATH = {"process-terminated", "process-replaced"}
#: Frida lost the device, not the app: frida-server died or the cable was pulled. The app may well run on;
#: recording it as crashed would say more than was seen.
_LOST = {"connection-terminated", "device-lost"}


class AgentSession:
    """The agent in one process (``pid``) of ``device`` (a ``frida.core.Device``)."""

    def __init__(self, device: Any, pid: int, store: SessionStore, specs: list[dict[str, Any]], *,
                 options: AgentOptions | None = None, process: str | None = None,
                 infer_crash: bool = True) -> None:
        self.device, self.pid, self.store, self.specs = device, pid, store, specs
        self.options = options or AgentOptions()
        self.origin = Origin(pid=pid, process=process or self.options.package or str(pid))
        self.clock: ClockOffset | None = None
        self.events_written = 0
        self.dropped = 0
        self.errors: list[str] = []
        self.detach_reason: str | None = None
        #: why Frida lost the device mid-session (``connection-terminated``, ``device-lost``), else None
        self.lost: str | None = None
        #: Record ``app_state: crashed`` when the process dies unannounced (off where the device
        #: reports exits itself, as the virtual device does).
        self.infer_crash = infer_crash
        self._session: Any = None
        self._script: Any = None
        self._stopping = False
        self._ended = False  # the agent reported stopped/crashed
        self._detached = threading.Event()
        self._lock = threading.Lock()

    def start(self) -> InitResult:
        """Attach, load and initialise; hooks are in place when this returns."""
        bundle = load_bundle()
        try:
            self._session = self.device.attach(self.pid)
            self._session.on("detached", self._on_detached)
            self._script = self._session.create_script(bundle, name="dynscan-agent", runtime=self.options.runtime)
            self._script.on("message", self._on_message)
            self._script.load()
            exports = self._script.exports_sync
            self.clock = measure_offset(lambda: call(exports, "clock", pid=self.pid))
            self.origin = self.origin.model_copy(update={"offset_s": self.clock.offset_s})
            raw = call(exports, "init", self.specs, self.options.to_agent(), timeout_s=INIT_TIMEOUT_S, pid=self.pid)
            # On HotSpot the bridge swaps method bodies on the next tick: one more round trip
            # guarantees every hook is live before the caller releases the app.
            call(exports, "clock", pid=self.pid)
        except AgentTimeout:
            self._cleanup()
            raise
        except (*frida_errors(), frida.core.RPCException) as e:
            self._cleanup()
            raise SetupError(explain(e, f"cannot instrument pid {self.pid}")) from e
        self.store.set_meta(f"agent.clock.{self.pid}", orjson.dumps(self.clock._asdict()).decode())
        return InitResult.model_validate(raw)

    # -- messages -------------------------------------------------------------------------------
    def _on_message(self, message: dict[str, Any], _data: bytes | None) -> None:
        if message.get("type") == "error":
            self.errors.append(str(message.get("description", message)))
            return
        batch = parse_batch(message.get("payload"))
        if batch is None:
            return
        rows = [to_timeline(ev, self.origin) for ev in batch.events]
        try:
            with self._lock:
                self.dropped = max(self.dropped, batch.dropped)
                if any(r.get("kind") == "app_state" and r.get("state") in ("stopped", "crashed") for r in rows):
                    self._ended = True
                if rows:
                    self.store.append_many(rows)
                    self.events_written += len(rows)
        finally:
            # values the app just read are in session.db now: release the hooked calls that wait for them
            # (the proxy reads them before it scans the upload that may follow; agent lib/ack.ts). Also
            # when storing failed: the app must not wait on a batch that will never be stored.
            # An exit path's batch (``sync``) likewise: the app is about to end, maybe by SIGKILL, and waits
            # until its last events are stored (agent hooks/lifecycle.ts).
            if batch.sync or any(r.get("learned") for r in rows):
                with contextlib.suppress(Exception):  # the script is gone: nobody waits any more
                    self._script.post({"type": "learned-stored", "seq": batch.seq})

    def _on_detached(self, reason: str, crash: Any) -> None:
        self.detach_reason = reason
        try:
            if reason in _LOST and not self._stopping:
                self.lost = reason
            if self.infer_crash and not self._stopping and reason in _DEATH and not self._ended:
                ev: dict[str, Any] = {"kind": "app_state", "ts": time.time(), "state": "crashed",
                                      "source": "agent", "pid": self.pid, "process": self.origin.process,
                                      "detach_reason": reason}
                if crash is not None:
                    ev["crash_report"] = str(getattr(crash, "summary", crash))[:2000]
                with self._lock:
                    self.store.append(ev)
                    self.events_written += 1
                    self._ended = True
        finally:
            self._detached.set()

    # -- RPCs -----------------------------------------------------------------------------------
    def _rpc(self, name: str, *args: Any) -> Any:
        """An agent RPC with a deadline (:mod:`dynscan.instrument.rpc`)."""
        if self._script is None or self._detached.is_set():
            raise SetupError(f"the agent in pid {self.pid} is not running")
        try:
            return call(self._script.exports_sync, name, *args, pid=self.pid)
        except (frida.InvalidOperationError, frida.TransportError) as e:
            # the process ended between the check above and the call ("script has been destroyed")
            raise SetupError(f"the agent in pid {self.pid} is not running ({e})") from e

    def health(self) -> HookHealth:
        return HookHealth.model_validate(self._rpc("health"))

    def flush(self) -> None:
        """Ask the agent to send what it has queued (delivery is asynchronous)."""
        self._rpc("flush")

    def inject_sensor(self, samples: list[SensorSample]) -> dict[str, int]:
        payload = [{"sensor": s.sensor, "values": list(s.values), "at_s": s.at_s} for s in samples]
        return dict(self._rpc("inject_sensor", payload))

    def wait_detached(self, timeout_s: float) -> bool:
        return self._detached.wait(timeout_s)

    @property
    def alive(self) -> bool:
        return self._session is not None and not self._detached.is_set()

    def expect_exit(self) -> None:
        """The process is about to be stopped on purpose: its end is not a crash."""
        self._stopping = True

    def stop(self) -> None:
        """Flush, then detach on purpose (not recorded as a crash)."""
        self._stopping = True
        if self.alive:
            try:
                call(self._script.exports_sync, "flush", timeout_s=10.0, pid=self.pid)
                time.sleep(0.05)
            except AgentTimeout:
                pass  # a wedged agent: what it had sent is stored; detaching releases the call
            except (frida.InvalidOperationError, frida.core.RPCException, frida.TransportError):
                # The process is ending: what its exit path flushed is still on the way, and
                # Frida delivers it before reporting the detach.
                self._detached.wait(2.0)
        self._cleanup()

    def _cleanup(self) -> None:
        if self._session is not None:
            with contextlib.suppress(frida.InvalidOperationError, frida.TransportError):
                self._session.detach()
        self._session = None
