"""One app under test: spawned held, instrumented with the agent, then released.

This is the scenario driver's handle on the app (``driver.runner.AppHandle``): every cold start
goes through the agent first, so hooks see the very first call of ``Application.onCreate``.
"""

from __future__ import annotations

import contextlib

from dynscan.device.base import Device
from dynscan.device.frida_errors import explain, frida_errors
from dynscan.errors import DynscanError, SetupError
from dynscan.hooks import Catalog
from dynscan.instrument.gating import ProcessGate
from dynscan.instrument.launch import gate_children, instrument_app
from dynscan.instrument.models import AgentOptions
from dynscan.instrument.session import AgentSession
from dynscan.store import SessionStore


class InstrumentedApp:
    def __init__(self, device: Device, package: str, store: SessionStore, catalog: Catalog,
                 options: AgentOptions | None = None) -> None:
        self.device, self.package, self.store, self.catalog = device, package, store, catalog
        self.options = options or AgentOptions(package=package)
        self.agent: AgentSession | None = None
        self.children: ProcessGate | None = None  # the app's other processes (Android)

    def launch(self) -> None:
        if self.device.is_running(self.package):
            self.device.launch(self.package)
            return
        self._detach()
        try:  # frida-server missing or gone: a set-up failure (exit 2), not the fault of one phase
            self.children = gate_children(self.device, self.package, self.store, catalog=self.catalog,
                                          options=self.options)
        except frida_errors() as e:
            raise SetupError(explain(e, f"cannot watch the processes of {self.package}")) from e
        try:
            self.agent = instrument_app(self.device, self.package, self.store, catalog=self.catalog,
                                        options=self.options)
        except BaseException:
            self._detach()
            raise

    def is_running(self) -> bool:
        """Whether the app runs; :class:`SetupError` once Frida has lost the device (frida-server died or
        the device was unplugged): nothing more can be observed, so the run ends (exit 2) and is restored."""
        if self.agent is not None and self.agent.lost:
            raise SetupError(f"Frida lost the device mid-run ({self.agent.lost}): frida-server died or the "
                             "device was unplugged; check `dynscan doctor --device SERIAL`, then run again")
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
        children, self.children = self.children, None
        if children is not None:
            children.stop()
        if agent is not None:
            agent.stop()

    def close(self) -> None:
        """Stop the app if it is still up; a second close records nothing more."""
        if self.agent is None and not self.is_running():
            return
        with contextlib.suppress(DynscanError):
            self.stop()
