"""The virtual device announces an app's secondary processes as Frida's spawn gating does."""

from __future__ import annotations

from dynscan.device.sim.children import ChildSpawns, Spawn


def test_without_gating_a_process_runs_at_once() -> None:
    resumed: list[int] = []
    spawns = ChildSpawns(resumed.append)
    spawns.added(Spawn(7, "com.a:push"))
    assert resumed == [7] and spawns.enumerate_pending_spawn() == []


def test_gated_processes_wait_for_the_gate_and_are_released_when_it_goes() -> None:
    resumed: list[int] = []
    seen: list[Spawn] = []
    spawns = ChildSpawns(resumed.append)
    spawns.on("spawn-added", seen.append)
    spawns.enable_spawn_gating()
    spawns.added(Spawn(7, "com.a:push"))
    spawns.added(Spawn(8, "com.a:remote"))
    assert seen == [Spawn(7, "com.a:push"), Spawn(8, "com.a:remote")] and resumed == []
    spawns.resume(7)
    assert resumed == [7] and spawns.enumerate_pending_spawn() == [Spawn(8, "com.a:remote")]
    spawns.off("spawn-added", seen.append)
    spawns.disable_spawn_gating()  # nothing stays held once the gate is gone
    assert resumed == [7, 8]
