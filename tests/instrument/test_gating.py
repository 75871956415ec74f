"""Spawn gating on an Android device (a fake Frida device: the only mock the house allows)."""

from __future__ import annotations

from collections.abc import Callable
from types import SimpleNamespace
from typing import Any

from dynscan.instrument.gating import ProcessGate


class FakeAndroidFrida:
    def __init__(self, pending: list[Any]) -> None:
        self.handlers: dict[str, Callable[[Any], None]] = {}
        self.pending, self.resumed, self.gating = pending, [], False
        self.order: list[str] = []

    def on(self, signal: str, cb: Callable[[Any], None]) -> None:
        self.handlers[signal] = cb

    def off(self, signal: str, cb: Callable[[Any], None]) -> None:
        assert self.handlers.pop(signal) == cb

    def enable_spawn_gating(self) -> None:
        self.gating = True

    def disable_spawn_gating(self) -> None:
        self.gating = False

    def enumerate_pending_spawn(self) -> list[Any]:
        return self.pending

    def resume(self, pid: int) -> None:
        self.resumed.append(pid)
        self.order.append(f"resume {pid}")

    def spawn_added(self, pid: int, identifier: str) -> None:
        self.handlers["spawn-added"](SimpleNamespace(pid=pid, identifier=identifier))


class FakeSession:
    def __init__(self, pid: int, name: str, log: list[str], fail: bool = False) -> None:
        self.pid, self.name, self.log, self.fail = pid, name, log, fail

    def start(self) -> None:
        if self.fail:
            raise RuntimeError("attach refused")
        self.log.append(f"start {self.name}")
        self.log.append(f"started {self.pid}")

    def stop(self) -> None:
        self.log.append(f"stop {self.name}")


def test_secondary_processes_instrumented_before_resume() -> None:
    log: list[str] = []
    dev = FakeAndroidFrida([SimpleNamespace(pid=10, identifier="com.app")])
    log = dev.order
    gate = ProcessGate(dev, "com.app", lambda pid, name: FakeSession(pid, name, log, fail=name.endswith(":bad")))
    gate.start()
    dev.spawn_added(11, "com.app:push")
    dev.spawn_added(12, "com.other")
    dev.spawn_added(13, "com.apple")  # a prefix, not a process of com.app
    dev.spawn_added(14, "com.app:bad")
    gate.wait_idle()
    assert dev.gating is True
    assert sorted(dev.resumed) == [10, 11, 12, 13, 14]  # every spawn released, instrumented or not
    assert sorted(gate.sessions) == [10, 11]
    assert [x for x in log if x.startswith("start ")] in (["start com.app", "start com.app:push"],
                                                         ["start com.app:push", "start com.app"])
    for pid in (10, 11):
        assert log.index(f"started {pid}") < log.index(f"resume {pid}")
    assert gate.errors == ["com.app:bad (14): attach refused"]
    gate.stop()
    assert dev.gating is False and "spawn-added" not in dev.handlers
    assert "stop com.app:push" in log and "stop com.app" in log


def test_children_only_leaves_the_main_process_to_instrument_app() -> None:
    dev = FakeAndroidFrida([])
    gate = ProcessGate(dev, "com.app", lambda pid, name: FakeSession(pid, name, dev.order), children_only=True)
    gate.start()
    dev.spawn_added(20, "com.app")
    dev.spawn_added(21, "com.app:remote")
    gate.wait_idle()
    assert sorted(dev.resumed) == [20, 21] and sorted(gate.sessions) == [21]
    gate.stop()


def test_gate_children_on_android_only() -> None:
    from dynscan.instrument.launch import gate_children

    frida_dev = FakeAndroidFrida([])

    class Phone:
        serial = "PHONE1"

        def info(self) -> Any:
            return SimpleNamespace(kind="phone")

        def frida_device(self) -> Any:
            return frida_dev

    class Sim(Phone):
        def info(self) -> Any:
            return SimpleNamespace(kind="sim")

    assert gate_children(Sim(), "com.app", store=None) is None  # type: ignore[arg-type]
    gate = gate_children(Phone(), "com.app", store=None)  # type: ignore[arg-type]
    assert gate is not None and gate.children_only and frida_dev.gating
    frida_dev.spawn_added(31, "com.app:push")  # a real AgentSession tries to attach to the fake: recorded
    gate.wait_idle()
    assert frida_dev.resumed == [31] and len(gate.errors) == 1 and gate.errors[0].startswith("com.app:push (31)")
    gate.stop()
    assert not frida_dev.gating
