"""One app under test: spawned held, instrumented with the agent, then released.

This is the scenario driver's handle on the app (``driver.runner.AppHandle``): every cold start
goes through the agent first, so hooks see the very first call of ``Application.onCreate``.
"""

from __future__ import annotations

import contextlib
from typing import Any

from dynscan.device.base import Device
from dynscan.errors import DynscanError
from dynscan.instrument.models import AgentOptions, InitResult
from dynscan.instrument.session import AgentSession
from dynscan.store import SessionStore


class InstrumentedApp:
    def __init__(self, device: Device, package: str, store: SessionStore, specs: list[dict[str, Any]],
                 options: AgentOptions | None = None) -> None:
        self.device, self.package, self.store, self.specs = device, package, store, specs
        self.options = options or AgentOptions(package=package)
        self.agent: AgentSession | None = None
        self.inits: list[InitResult] = []

    def launch(self) -> None:
        if self.device.is_running(self.package):
            self.device.launch(self.package)
            return
        self._detach()
        pid = self.device.spawn(self.package)
        agent = AgentSession(self.device.frida_device(), pid, self.store, self.specs, options=self.options,
                             process=self.package)
        try:
            self.inits.append(agent.start())
        except DynscanError:
            self.device.stop(self.package)
            raise
        self.agent = agent
        self.device.resume(pid)

    def is_running(self) -> bool:
        return self.device.is_running(self.package)

    def stop(self) -> None:
        if self.agent is not None:
            self.agent.expect_exit()
            with contextlib.suppress(DynscanError):
                self.agent.flush()
        self.device.stop(self.package)
        self._detach()

    def clear(self) -> None:
        self.stop()
        self.device.clear(self.package)

    def _detach(self) -> None:
        agent, self.agent = self.agent, None
        if agent is not None:
            agent.stop()

    def close(self) -> None:
        with contextlib.suppress(DynscanError):
            self.stop()
