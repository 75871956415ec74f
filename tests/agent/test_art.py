"""The agent's ART helpers (agent/src/lib/art.ts) in real Frida, fed Java.backtrace-shaped data: frames
rendered as Android's StackTraceElement, one rendering per call site, and no deoptimization off ART."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import frida
import pytest

from agent_build import AGENT_DIR
from ready_process import ready_process

pytestmark = [pytest.mark.integration, pytest.mark.timeout(60)]

HARNESS = Path(__file__).parent / "ts" / "art_check.ts"


@pytest.fixture(scope="module")
def art() -> Iterator[Any]:
    code = frida.Compiler().build(str(HARNESS), project_root=str(AGENT_DIR.parent))
    with ready_process() as proc:
        session = frida.get_local_device().attach(proc.pid)
        script = session.create_script(code)
        script.load()
        yield script.exports_sync
        session.detach()


def _frame(cls: str, method: str, file: str | None = None, line: int = -1, flags: int = 1) -> dict[str, Any]:
    return {"signature": "", "origin": "/system/framework/framework.jar", "className": cls, "methodName": method,
            "methodFlags": flags, "fileName": file, "lineNumber": line}


def test_frames_render_as_stack_trace_elements(art: Any) -> None:
    assert art.render([
        _frame("android.telephony.TelephonyManager", "getImei", "TelephonyManager.java", 2210),
        _frame("com.x.Native", "call", "Native.java", 10, flags=0x0101),  # ACC_PUBLIC | ACC_NATIVE
        _frame("com.x.Obf", "a", None, 12),
        _frame("com.x.NoLines", "b", "NoLines.java", -1),
    ]) == ["android.telephony.TelephonyManager.getImei(TelephonyManager.java:2210)", "com.x.Native.call(Native Method)",
           "com.x.Obf.a(Unknown Source)", "com.x.NoLines.b(NoLines.java)"]


def test_the_hooked_frame_is_dropped_and_each_site_rendered_once(art: Any) -> None:
    api = "android.telephony.TelephonyManager.getImei("
    site = {"id": "a1", "frames": [_frame("android.telephony.TelephonyManager", "getImei", flags=0x0101),
                                   _frame("com.umeng.Sdk", "collect", "Sdk.java", 7),
                                   _frame("com.x.Main", "onCreate", "Main.java", 20)]}
    other = {"id": "b2", "frames": [_frame("com.x.Main", "direct", "Main.java", 30)]}
    out = art.stacks([site, site, other, site], 16, api)
    assert out["stacks"][0] == ["com.umeng.Sdk.collect(Sdk.java:7)", "com.x.Main.onCreate(Main.java:20)"]
    assert out["stacks"][1] == out["stacks"][3] == out["stacks"][0]
    assert out["stacks"][2] == ["com.x.Main.direct(Main.java:30)"]
    assert out["reads"] == 2 and out["stats"] == {"sites": 2, "hits": 2}
    assert art.stacks([{"id": "c3", "frames": site["frames"]}], 1, api)["stacks"] == [
        ["com.umeng.Sdk.collect(Sdk.java:7)"]]  # depth counts the caller's frames


def test_no_deoptimization_off_art(art: Any) -> None:
    assert art.deopt() == "not ART"
