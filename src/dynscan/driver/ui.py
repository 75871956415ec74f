"""Reading a ``uiautomator dump`` screen: nodes, bounds, and the dialogs the driver answers.

The same parser serves the virtual device and real Android: both give the XML that
``uiautomator dump`` writes, with Android's own resource IDs on system dialogs.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from dynscan.errors import InputError

_BOUNDS = re.compile(r"\[(-?\d+),(-?\d+)\]\[(-?\d+),(-?\d+)\]")
PERMISSION_PACKAGES = frozenset({
    "com.android.permissioncontroller", "com.google.android.permissioncontroller", "com.android.packageinstaller",
})
ALLOW_IDS = ("permission_allow_button", "permission_allow_foreground_only_button", "permission_allow_one_time_button")
DENY_IDS = ("permission_deny_button", "permission_deny_and_dont_ask_again_button")

#: Words a privacy-policy dialog uses, and the words on its buttons (Chinese and English).
POLICY_WORDS = ("隐私", "个人信息", "用户协议", "服务协议", "privacy", "personal information", "terms")
ACCEPT_WORDS = ("同意并继续", "同意", "接受", "agree", "accept", "allow", "continue", "ok", "好的", "确定")
DECLINE_WORDS = ("不同意", "拒绝", "暂不同意", "不同意并退出", "disagree", "decline", "reject", "deny", "refuse",
                 "no thanks", "exit", "退出")


@dataclass(frozen=True)
class Node:
    text: str
    resource_id: str
    cls: str
    package: str
    clickable: bool
    bounds: tuple[int, int, int, int]

    @property
    def center(self) -> tuple[int, int]:
        x1, y1, x2, y2 = self.bounds
        return (x1 + x2) // 2, (y1 + y2) // 2

    @property
    def short_id(self) -> str:
        return self.resource_id.rsplit("/", 1)[-1]


@dataclass(frozen=True)
class Screen:
    nodes: tuple[Node, ...]

    def texts(self) -> str:
        return " ".join(n.text for n in self.nodes if n.text)

    def by_id(self, *short_ids: str) -> Node | None:
        for want in short_ids:
            for n in self.nodes:
                if n.short_id == want:
                    return n
        return None


def parse_screen(xml: str) -> Screen:
    """Parse ``uiautomator dump`` XML; raises ``InputError`` when it is not that."""
    try:
        root = ET.fromstring(xml)
    except ET.ParseError as e:
        raise InputError(f"screen dump is not XML ({e})") from e
    nodes = []
    for el in root.iter("node"):
        m = _BOUNDS.fullmatch(el.get("bounds", ""))
        bounds = (int(m[1]), int(m[2]), int(m[3]), int(m[4])) if m else (0, 0, 0, 0)
        nodes.append(Node(
            text=el.get("text", ""), resource_id=el.get("resource-id", ""), cls=el.get("class", ""),
            package=el.get("package", ""), clickable=el.get("clickable") == "true", bounds=bounds,
        ))
    return Screen(tuple(nodes))


DialogKind = Literal["permission", "policy", "none"]


def dialog_kind(screen: Screen) -> DialogKind:
    """Which dialog the screen shows: the system permission dialog, a privacy-policy dialog, or none."""
    if any(n.package in PERMISSION_PACKAGES for n in screen.nodes) or screen.by_id(*ALLOW_IDS, *DENY_IDS):
        return "permission"
    text = screen.texts().lower()
    if any(w in text for w in POLICY_WORDS) and _buttons(screen):
        return "policy"
    return "none"


def permission_button(screen: Screen, *, allow: bool) -> Node | None:
    return screen.by_id(*(ALLOW_IDS if allow else DENY_IDS))


def _buttons(screen: Screen) -> list[Node]:
    return [n for n in screen.nodes if n.clickable and n.text]


def _matches(text: str, words: Iterable[str]) -> bool:
    t = text.strip().lower()
    return any(t == w or t.startswith(w) for w in words)


def policy_button(screen: Screen, *, accept: bool) -> Node | None:
    """The accept or decline button of a privacy dialog, by Android's dialog IDs, then by its text."""
    buttons = _buttons(screen)
    # "不同意" starts with "不", not "同意": test decline words first so they are never taken as accept.
    decline = [n for n in buttons if _matches(n.text, DECLINE_WORDS)]
    accept_nodes = [n for n in buttons if n not in decline and _matches(n.text, ACCEPT_WORDS)]
    chosen = accept_nodes if accept else decline
    if chosen:
        return chosen[0]
    return screen.by_id("button1" if accept else "button2")
