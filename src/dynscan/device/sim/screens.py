"""Screens the Python side draws itself (the launcher when no app is in front) and manifest labels."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from dynscan.device.sim.manifest import ANDROID


def launcher_xml() -> str:
    return (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes' ?><hierarchy rotation=\"0\">"
        '<node index="0" text="" resource-id="" class="android.widget.FrameLayout" package="com.android.launcher3"'
        ' content-desc="" checkable="false" checked="false" clickable="false" enabled="true" focusable="false"'
        ' focused="false" scrollable="false" long-clickable="false" password="false" selected="false"'
        ' bounds="[0,0][1080,2340]"></node></hierarchy>'
    )


def label_of(manifest: bytes, package: str) -> str:
    try:
        app = ET.fromstring(manifest).find("application")
    except ET.ParseError:
        app = None
    label = app.get(f"{ANDROID}label") if app is not None else None
    return label or package.rsplit(".", 1)[-1]
