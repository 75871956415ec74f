"""How an agent session reads Frida's detach: a dead process is a crash, a lost device is not."""

from __future__ import annotations

from pathlib import Path

from dynscan.instrument.session import AgentSession
from dynscan.store import SessionStore, open_store


def _session(tmp_path: Path) -> tuple[AgentSession, SessionStore]:
    store = open_store(tmp_path)
    return AgentSession(object(), 4321, store, [], process="com.app", infer_crash=True), store


def _states(store: SessionStore) -> list[str]:
    return [str(getattr(e, "state", "")) for e in store.iter_events() if e.kind == "app_state"]


def test_a_process_that_dies_unannounced_is_a_crash(tmp_path: Path) -> None:
    s, store = _session(tmp_path)
    s._on_detached("process-terminated", None)
    assert s.lost is None
    assert _states(store) == ["crashed"]
    store.close()


def test_a_lost_frida_server_is_not_the_apps_crash(tmp_path: Path) -> None:
    for reason in ("connection-terminated", "device-lost"):
        s, store = _session(tmp_path / reason)
        s._on_detached(reason, None)
        assert s.lost == reason and not s.alive
        assert _states(store) == []
        store.close()


def test_the_run_ends_in_one_line_when_frida_lost_the_device() -> None:
    import pytest

    from dynscan.capture.instrumented_app import InstrumentedApp
    from dynscan.errors import SetupError

    class Device:
        def is_running(self, package: str) -> bool:
            return True

    class Agent:
        lost = "connection-terminated"

    app = InstrumentedApp(Device(), "com.app", None, None)  # type: ignore[arg-type]
    app.agent = Agent()  # type: ignore[assignment]
    with pytest.raises(SetupError, match=r"Frida lost the device mid-run \(connection-terminated\): frida-server "
                                         "died or the device was unplugged") as e:
        app.is_running()
    assert "\n" not in str(e.value)


def test_an_exit_paths_batch_is_answered_once_stored(tmp_path: Path) -> None:
    s, store = _session(tmp_path)
    posted: list[dict[str, object]] = []

    class Script:
        def post(self, message: dict[str, object]) -> None:
            assert [e.kind for e in store.iter_events()] == ["api_call", "app_state"]  # written first
            posted.append(message)

    s._script = Script()
    events = [{"kind": "api_call", "ts_ms": 1000.0, "api": "a.B.c", "category": "device_id"},
              {"kind": "app_state", "ts_ms": 1001.0, "state": "stopped", "cause": "app"}]
    s._on_message({"type": "send", "payload": {"type": "events", "seq": 7, "events": events, "dropped": 0,
                                               "sync": True}}, None)
    assert posted == [{"type": "learned-stored", "seq": 7}]
    s._on_message({"type": "send", "payload": {"type": "events", "seq": 8, "events": [], "dropped": 0}}, None)
    assert posted == [{"type": "learned-stored", "seq": 7}]  # an ordinary batch waits for nothing
    store.close()
