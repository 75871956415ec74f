"""How an app ends: killProcess of another pid, a crash counted once, nothing lost to a SIGKILL."""

from __future__ import annotations

import signal
import threading
import time
from pathlib import Path
from typing import Any

import frida
import pytest
from agent_testkit import PACKAGE, instrumented

from dynscan.instrument.models import AgentOptions

pytestmark = [pytest.mark.integration, pytest.mark.timeout(60)]

#: Nothing leaves the agent on its 50 ms timer: what reaches the timeline was sent by the exit path.
NO_TIMER = AgentOptions(package=PACKAGE, flush_ms=5000)


def test_kill_of_another_pid_is_not_an_exit_and_own_pid_sigkill_loses_nothing(
        fixture_classes: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The host answers the exit path's batch 0.5 s late: the SIGKILL must come after that answer, not
    # before it (without the wait the app dies at once, and a batch still in the process is lost).
    acked: list[float] = []
    post = frida.core.Script.post

    def late_post(self: Any, message: Any, data: Any = None) -> None:
        if isinstance(message, dict) and message.get("type") == "learned-stored":  # the exit batch's answer
            time.sleep(0.5)
            acked.append(time.monotonic())
        post(self, message, data)

    monkeypatch.setattr(frida.core.Script, "post", late_post)
    with instrumented(fixture_classes, tmp_path, "kill_other_then_self", options=NO_TIMER) as run:
        died: list[float] = []
        watcher = threading.Thread(target=lambda: (run.proc.wait(), died.append(time.monotonic())))
        watcher.start()
        run.release()
        out = run.finish(timeout=30)
        watcher.join(10)
        assert run.agent is not None and run.agent.wait_detached(10)
        assert run.proc.returncode == -signal.SIGKILL  # a real SIGKILL: no exit hook ran after it
        assert len(acked) == 1 and died and died[0] >= acked[0]
        assert f"killProcess {run.proc.pid + 100_000}" in out  # the other pid's kill ran unchanged
        kill, sent = run.events("process_kill")
        assert kill["target_pid"] == run.proc.pid + 100_000 and kill["api"] == "android.os.Process.killProcess"
        assert kill["stack"][0].startswith("fixture.app.Main.main(")
        assert sent["target_pid"] == run.proc.pid + 100_001 and sent["api"] == "android.os.Process.sendSignal"
        assert f"sendSignal {run.proc.pid} 3" in out  # SIGQUIT to itself: neither an exit nor a kill
        imei = [e for e in run.events("api_call") if e["api"].endswith("getImei")]
        assert len(imei) == 51  # Application.onCreate + the 50 just before the SIGKILL
        states = [(e["state"], e.get("api")) for e in run.events("app_state")]
        assert states == [("stopped", "android.os.Process.killProcess")]  # not inferred as a crash


def test_android_crash_path_is_one_crash(fixture_classes: Path, tmp_path: Path) -> None:
    # KillApplicationHandler: dispatchUncaughtException (crash hook), then killProcess(own pid) (exit hook)
    with instrumented(fixture_classes, tmp_path, "android_crash", options=NO_TIMER) as run:
        run.release()
        run.finish(timeout=30)
        assert run.agent is not None and run.agent.wait_detached(10)
        assert run.proc.returncode == -signal.SIGKILL
        states = [e["state"] for e in run.events("app_state")]
        assert states == ["crashed"]
        assert "boom on android" in run.events("app_state")[0]["error"]
        assert any(e["api"].endswith("getImei") for e in run.events("api_call"))
