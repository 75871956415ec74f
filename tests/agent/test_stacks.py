"""Stacks the agent captures equal the JVM's own (Throwable.getStackTrace) at the hooked call's line.

Covers the HotSpot JVMTI path: hidden frames (lambda proxies, method-handle LambdaForms) skipped,
reflection frames kept, the depth bound, and the per-call-site cache (every site runs twice).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from agent_testkit import instrumented

from dynscan.hooks.model import HookSpec

pytestmark = [pytest.mark.integration, pytest.mark.timeout(90)]

DEPTH = 16


def strip_module(frame: str) -> str:
    paren = frame.find("(")
    slash = frame.rfind("/", 0, paren if paren >= 0 else len(frame))
    return frame[slash + 1:] if slash >= 0 else frame


def test_stacks_match_the_jvm(fixture_classes: Path, tmp_path: Path) -> None:
    spec = HookSpec.model_validate({"id": "t.imei", "class": "android.telephony.TelephonyManager",
                                    "method": "getImei", "category": "device_id", "data_type": "imei",
                                    "capture": {"stack": True}}).agent_spec()
    with instrumented(fixture_classes, tmp_path, "stacks", specs=[spec]) as run:
        run.release()
        out = run.finish()
        events = run.events("api_call")
    expected = [[strip_module(f) for f in line[len("expect "):].rsplit(" ", 1)[0].split("|")][:DEPTH]
                for line in out if line.startswith("expect ")]
    assert len(expected) == 10
    got = [e["stack"] for e in events[1:]]  # events[0]: Application.onCreate
    assert len(got) == len(expected)
    for g, x in zip(got, expected, strict=True):
        assert g == x
    assert any("$$Lambda" not in f and "lambda$stacks$" in f for f in got[0][:1])
    assert any(f.startswith("jdk.internal.reflect.") for f in got[1])  # reflection frames are kept
    assert got[2][1].startswith("fixture.app.Main.stacks(")  # method-handle frames are hidden
    assert len(got[3]) == DEPTH and got[3][0].startswith("fixture.app.Main.deepCall(")
    assert not any("LambdaForm$" in f or "$$Lambda" in f for g in got for f in g)
    assert got[:5] == got[5:]  # second round (cached per call site) identical
