"""Activity lifecycle through Android's perform* entry points: an override that skips super crashes the app."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

import pytest
from simui import callbacks, screen_with, tap_node
from test_sim_build import LAUNCHER, MAIN, MANIFEST, module

from dynscan.device.sim import SimDevice, build_app
from dynscan.device.sim.app_process import AppNotRunning

pytestmark = pytest.mark.integration

APP_SRC = Path(__file__).parent / "apps" / "supercheck"
PKG = "com.example.supercheck"
ACTIVITY = f"{PKG}.MainActivity"


@pytest.fixture(scope="module")
def supercheck(tmp_path_factory: pytest.TempPathFactory) -> Path:
    apk = tmp_path_factory.mktemp("supercheck") / "supercheck.apk"
    build_app(APP_SRC, apk)
    return apk


def _lifecycle(device: SimDevice) -> list[str]:
    return callbacks(device.runtime_log(PKG), "MainActivity")


@pytest.mark.timeout(60)
def test_overrides_that_call_super_run_the_whole_lifecycle(device: SimDevice, supercheck: Path) -> None:
    events: list[dict[str, Any]] = []
    device.set_event_sink(events.append)
    device.install(supercheck)
    device.launch(PKG)
    screen_with(device, text="ready")
    device.key("HOME")
    device.launch(PKG)
    screen_with(device, text="ready")
    assert _lifecycle(device) == ["onCreate", "onStart", "onResume", "onPause", "onStop",
                                  "onRestart", "onStart", "onResume"]
    device.key("BACK")
    ex = device.wait_for_exit(PKG, 10)
    assert ex is not None and ex.cause == "driver", ex
    assert [(e["state"], e.get("cause")) for e in events] == [("stopped", "driver")]


def _trigger(device: SimDevice, callback: str) -> None:
    """After arming ``callback``: do what makes the framework call it next."""
    if callback in ("onPause", "onStop"):
        device.key("HOME")
    elif callback == "onRestart":
        device.key("HOME")
        # bringing the app back runs onRestart, which crashes it while the driver waits for the answer
        with contextlib.suppress(AppNotRunning):
            device.launch(PKG)
    elif callback == "onDestroy":
        device.key("BACK")
    # onCreate/onStart/onResume: the button already started a new instance


@pytest.mark.timeout(60)
@pytest.mark.parametrize("callback", ["onCreate", "onStart", "onRestart", "onResume", "onPause", "onStop",
                                      "onDestroy"])
def test_override_without_super_crashes_the_app(device: SimDevice, supercheck: Path, callback: str) -> None:
    events: list[dict[str, Any]] = []
    device.set_event_sink(events.append)
    device.install(supercheck)
    device.launch(PKG)
    tap_node(device, text=f"skip {callback}")
    _trigger(device, callback)
    ex = device.wait_for_exit(PKG, 10)
    assert ex is not None and ex.cause == "crashed", ex
    assert ex.detail.startswith(
        f"android.util.SuperNotCalledException: Activity {{{PKG}/{ACTIVITY}}} "
        f"did not call through to super.{callback}()"), ex.detail
    perform = "performStart" if callback == "onStart" else "perform" + callback[2:]
    assert f"at android.app.Activity.{perform}(" in ex.detail
    assert [e["state"] for e in events] == ["crashed"]
    assert events[0]["detail"] == ex.detail
    log = (device.root / "logs" / f"{PKG}.log").read_text()
    assert "FATAL EXCEPTION: main" in log and "SuperNotCalledException" in log
    assert "launcher3" in device.dump_ui()


@pytest.mark.timeout(60)
def test_exception_in_a_click_handler_crashes_the_app(device: SimDevice, supercheck: Path) -> None:
    events: list[dict[str, Any]] = []
    device.set_event_sink(events.append)
    device.install(supercheck)
    device.launch(PKG)
    assert tap_node(device, text="throw") == ""  # the tap ended the app
    ex = device.wait_for_exit(PKG, 10)
    assert ex is not None and ex.cause == "crashed", ex
    assert ex.detail.startswith("java.lang.IllegalStateException: thrown from a click handler at "
                                f"{ACTIVITY}."), ex.detail
    assert [e["state"] for e in events] == ["crashed"]


_ASKER = MAIN.replace('setContentView(t);', 'setContentView(t);\n        requestPermissions(new String[] {'
                      '"android.permission.READ_PHONE_STATE"}, 7);').replace('"tiny"', '"asking"')


@pytest.mark.timeout(60)
def test_a_permission_asked_for_in_oncreate_comes_up_after_the_first_resume(device: SimDevice, tmp_path: Path) -> None:
    """As on Android: the dialog is an activity started by the request, so the requester resumes,
    pauses under the dialog, gets the result and resumes again."""
    manifest = MANIFEST.format(filter=LAUNCHER).replace(
        "<application>", '<uses-permission android:name="android.permission.READ_PHONE_STATE"/><application>')
    build_app(module(tmp_path, manifest=manifest, main=_ASKER), tmp_path / "asker.apk")
    device.install(tmp_path / "asker.apk")
    device.launch("com.example.tiny")
    tap_node(device, rid="com.android.permissioncontroller:id/permission_deny_button")
    screen_with(device, text="asking")
    log = device.runtime_log("com.example.tiny")
    seen = [e["callback"] if e["kind"] == "lifecycle" else e["kind"] for e in log
            if (e["kind"] == "lifecycle" and e["component"].endswith(".Main"))
            or e["kind"] == "permission_result"]
    assert seen == ["onCreate", "onStart", "onResume", "onPause", "permission_result", "onResume"], seen
