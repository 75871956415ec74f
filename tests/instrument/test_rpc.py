"""Agent RPCs have a deadline: a wedged agent ends the call with a one-line error, not a hang."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import frida
import pytest

from dynscan.errors import SetupError
from dynscan.instrument.rpc import AgentTimeout, call
from ready_process import ready_process


class _Exports:
    def __init__(self) -> None:
        self.release = threading.Event()

    def answer(self, x: int) -> int:
        return x + 1

    def fail(self) -> None:
        raise frida.core.RPCException("boom")

    def hang(self) -> None:
        self.release.wait(30)


def test_a_call_returns_its_value() -> None:
    assert call(_Exports(), "answer", 41) == 42


def test_an_error_of_the_agent_reaches_the_caller_as_it_was() -> None:
    with pytest.raises(frida.core.RPCException, match="boom"):
        call(_Exports(), "fail")


def test_a_call_without_answer_ends_at_its_deadline() -> None:
    ex = _Exports()
    t0 = time.monotonic()
    with pytest.raises(AgentTimeout, match=r"pid 7 did not answer `hang` within 0s") as err:
        call(ex, "hang", timeout_s=0.3, pid=7)
    ex.release.set()
    assert time.monotonic() - t0 < 5
    assert isinstance(err.value, SetupError)  # the CLI's one line and exit 2


@pytest.fixture
def target() -> Iterator[int]:
    with ready_process() as proc:
        yield proc.pid


@pytest.mark.integration
def test_a_real_agent_whose_js_thread_is_blocked_times_out_and_detaches(target: int) -> None:
    session = frida.get_local_device().attach(target)
    script = session.create_script("rpc.exports = { ping() { return 1; }, stall() { Thread.sleep(5); return 2; } };")
    script.load()
    try:
        assert call(script.exports_sync, "ping") == 1
        t0 = time.monotonic()
        with pytest.raises(AgentTimeout):
            call(script.exports_sync, "stall", timeout_s=0.5, pid=target)
        assert time.monotonic() - t0 < 3
    finally:
        session.detach()


@pytest.mark.integration
def test_a_call_to_an_agent_whose_process_ended_is_a_setup_error(target: int, tmp_path: Path) -> None:
    """The process dies between the liveness check and the call: "script has been destroyed" is the
    one-line SetupError a caller expects (flush during an interrupted run), not an internal error."""
    from dynscan.instrument.session import AgentSession
    from dynscan.store import open_store

    with open_store(tmp_path) as store:
        agent = AgentSession(frida.get_local_device(), target, store, [])
        agent._session = frida.get_local_device().attach(target)
        agent._script = agent._session.create_script("rpc.exports = { flush() { return 0; } };")
        agent._script.load()
        agent.flush()
        agent._script.unload()  # destroyed, but no detach reported
        with pytest.raises(SetupError, match="not running"):
            agent.flush()
        agent._session.detach()
