"""Test helpers: find nodes in a uiautomator dump and tap them."""

from __future__ import annotations

import re
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable
from typing import Any

from dynscan.device.sim import SimDevice

_BOUNDS = re.compile(r"\[(\d+),(\d+)\]\[(\d+),(\d+)\]")


def nodes(xml: str) -> list[dict[str, str]]:
    return [dict(n.attrib) for n in ET.fromstring(xml).iter("node")]


def find(xml: str, *, text: str | None = None, rid: str | None = None) -> dict[str, str] | None:
    for n in nodes(xml):
        if (text is None or n["text"] == text) and (rid is None or n["resource-id"] == rid):
            return n
    return None


def center(node: dict[str, str]) -> tuple[int, int]:
    m = _BOUNDS.fullmatch(node["bounds"])
    assert m, node["bounds"]
    x1, y1, x2, y2 = map(int, m.groups())
    return (x1 + x2) // 2, (y1 + y2) // 2


def tap_node(device: SimDevice, *, text: str | None = None, rid: str | None = None, timeout_s: float = 30.0) -> str:
    """Wait for a node to appear, tap its centre; returns what the device says was hit."""
    node = wait_for(lambda: find(device.dump_ui(), text=text, rid=rid), timeout_s)
    assert node is not None, f"no node text={text!r} rid={rid!r} in {device.dump_ui()}"
    return device.touch(*center(node))


def wait_for(predicate: Callable[[], Any], timeout_s: float = 30.0, interval_s: float = 0.05) -> Any:
    deadline = time.monotonic() + timeout_s
    while True:
        value = predicate()
        if value or time.monotonic() > deadline:
            return value
        time.sleep(interval_s)


def callbacks(log: list[dict[str, Any]], component_suffix: str = "") -> list[str]:
    return [e["callback"] for e in log if e["kind"] == "lifecycle" and e["component"].endswith(component_suffix)]


def screen_with(device: SimDevice, *, text: str | None = None, rid: str | None = None, timeout_s: float = 30.0) -> str:
    """Wait for a screen that has the node; returns the dump (fails the test if it never shows)."""
    def probe() -> str | None:
        xml = device.dump_ui()
        return xml if find(xml, text=text, rid=rid) else None

    xml = wait_for(probe, timeout_s)
    assert xml, f"no node text={text!r} rid={rid!r} in {device.dump_ui()}"
    return str(xml)
