"""The virtual device's screens show what real screens show: clickable layouts, icons, check boxes, IDs."""

from __future__ import annotations

from pathlib import Path

import pytest
from simui import center, find, screen_with, wait_for

from dynscan.device.sim import SimDevice, build_app

PKG = "com.example.widgets"
APP = Path(__file__).parent / "apps" / "widgets"


@pytest.mark.integration
@pytest.mark.timeout(120)
def test_custom_dialog_of_layouts_icons_and_a_check_box(device: SimDevice, tmp_path: Path) -> None:
    build_app(APP, tmp_path / "widgets.apk")
    device.install(tmp_path / "widgets.apk")
    device.launch(PKG)
    xml = screen_with(device, text="同意")

    # resource IDs by the app's R.id names; the label sits in a plain TextView of a clickable layout
    agree = find(xml, rid=f"{PKG}:id/ll_agree")
    assert agree and agree["clickable"] == "true" and agree["class"] == "android.widget.LinearLayout"
    label = find(xml, text="同意")
    assert label and label["clickable"] == "false" and label["resource-id"] == ""
    close = find(xml, rid=f"{PKG}:id/iv_close")
    assert close and close["class"] == "android.widget.ImageView" and close["content-desc"] == "关闭"
    assert close["text"] == "" and close["clickable"] == "true"
    settings = find(xml, rid=f"{PKG}:id/btn_settings")
    assert settings and settings["class"] == "android.widget.ImageButton" and settings["content-desc"] == "Settings"
    box = find(xml, rid=f"{PKG}:id/cb_agree")
    assert box and (box["checkable"], box["checked"]) == ("true", "false")
    content = find(xml, rid=f"{PKG}:id/tv_content")
    assert content and "《隐私政策》" in content["text"]
    assert 'class="android.widget.ScrollView"' in xml and 'scrollable="true"' in xml

    # a tap on the check box toggles it and the dump says so
    assert device.touch(*center(box)) == "android.widget.CheckBox"
    assert wait_for(lambda: (find(device.dump_ui(), rid=f"{PKG}:id/cb_agree") or {}).get("checked") == "true")

    # a tap on the label lands on the clickable layout around it, as on Android
    assert device.touch(*center(label)) == "android.widget.LinearLayout"
    screen = screen_with(device, text="agreed")
    assert find(screen, text="同意") is None  # the dialog is gone
    clicks = [e for e in device.runtime_log(PKG) if e["kind"] == "click"]
    assert [(c["id"], c["view"]) for c in clicks] == [
        (f"{PKG}:id/cb_agree", "android.widget.CheckBox"), (f"{PKG}:id/ll_agree", "android.widget.LinearLayout")]


@pytest.mark.integration
@pytest.mark.timeout(120)
def test_an_icon_with_only_a_content_description_is_tappable(device: SimDevice, tmp_path: Path) -> None:
    build_app(APP, tmp_path / "widgets.apk")
    device.install(tmp_path / "widgets.apk")
    device.launch(PKG)
    xml = screen_with(device, rid=f"{PKG}:id/iv_close")
    close = find(xml, rid=f"{PKG}:id/iv_close")
    assert close
    device.touch(*center(close))
    screen = screen_with(device, text="closed")
    assert find(screen, rid=f"{PKG}:id/btn_settings")


@pytest.mark.integration
@pytest.mark.timeout(120)
def test_the_driver_reads_the_custom_dialog_and_its_taps_land(device: SimDevice, tmp_path: Path) -> None:
    from dynscan.driver.reading import read_screen
    from dynscan.driver.ui import parse_screen

    build_app(APP, tmp_path / "widgets.apk")
    device.install(tmp_path / "widgets.apk")
    device.launch(PKG)
    r = read_screen(parse_screen(screen_with(device, text="同意")))
    assert r.kind == "policy" and r.policy_links == ("用户协议", "隐私政策")
    assert r.accept is not None and r.accept.short_id == "ll_agree"
    assert r.decline is not None and r.decline.short_id == "ll_disagree"
    assert r.tick is not None and r.tick.short_id == "cb_agree"
    device.touch(*r.tick.center)
    device.touch(*r.accept.center)
    screen_with(device, text="agreed")
