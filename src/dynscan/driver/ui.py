"""Parsing a ``uiautomator dump`` screen: nodes with their attributes, bounds and tree structure.

The same parser serves the virtual device and real Android: both give the XML that ``uiautomator dump``
writes. What the driver makes of a screen (which dialog, which control to tap) is ``driver.reading``.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Literal

from dynscan.errors import InputError

_BOUNDS = re.compile(r"\[(-?\d+),(-?\d+)\]\[(-?\d+),(-?\d+)\]")
PERMISSION_PACKAGES = frozenset({
    "com.android.permissioncontroller", "com.google.android.permissioncontroller", "com.android.packageinstaller",
    "com.google.android.packageinstaller", "com.lbe.security.miui", "com.miui.securitycenter",
    "com.coloros.securitypermission", "com.oplus.securitypermission", "com.huawei.systemmanager",
    "com.hihonor.systemmanager",
})


@dataclass(frozen=True)
class Node:
    """One ``<node>`` of the dump. ``pos`` is its place in :attr:`Screen.nodes` (document order) and
    ``parent`` its parent's ``pos`` (-1 for a window root); ``end`` is one past its last descendant's ``pos``;
    ``index`` is the dump's own sibling index."""

    text: str
    resource_id: str
    cls: str
    package: str
    clickable: bool
    bounds: tuple[int, int, int, int]
    content_desc: str = ""
    checkable: bool = False
    checked: bool = False
    enabled: bool = True
    index: int = 0
    pos: int = -1
    parent: int = -1
    end: int = -1

    @property
    def center(self) -> tuple[int, int]:
        x1, y1, x2, y2 = self.bounds
        return (x1 + x2) // 2, (y1 + y2) // 2

    @property
    def short_id(self) -> str:
        return self.resource_id.rsplit("/", 1)[-1]

    @property
    def area(self) -> int:
        x1, y1, x2, y2 = self.bounds
        return max(0, x2 - x1) * max(0, y2 - y1)


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

    def windows(self) -> tuple[Node, ...]:
        """The top-level nodes (one per window in a multi-window dump), in dump order."""
        return tuple(n for n in self.nodes if n.parent == -1)

    def children(self, node: Node) -> Iterator[Node]:
        return (n for n in self.nodes[node.pos + 1:self._end(node)] if n.parent == node.pos)

    def descendants(self, node: Node) -> tuple[Node, ...]:
        """Every node under ``node`` (not itself), in document order."""
        return self.nodes[node.pos + 1:self._end(node)]

    def subtree(self, node: Node) -> tuple[Node, ...]:
        return self.nodes[node.pos:self._end(node)]

    def ancestors(self, node: Node) -> Iterator[Node]:
        """Parent, grandparent, ... up to the window root."""
        p = node.parent
        while p != -1:
            yield self.nodes[p]
            p = self.nodes[p].parent

    def window_of(self, node: Node) -> Node:
        root = node
        for root in self.ancestors(node):  # noqa: B007 - the last one is the window root
            pass
        return root

    def _end(self, node: Node) -> int:
        """One past the last descendant: nodes are in document order, so a subtree is a slice."""
        return node.end if node.end > node.pos else node.pos + 1


def parse_screen(xml: str) -> Screen:
    """Parse ``uiautomator dump`` XML; raises ``InputError`` when it is not that."""
    if "<!DOCTYPE" in xml or "<!ENTITY" in xml:  # a dump never declares entities: refuse expansion tricks
        raise InputError("screen dump declares a DOCTYPE or entities; a uiautomator dump has none")
    end = xml.rfind("</hierarchy>")
    if end >= 0:  # `adb exec-out uiautomator dump /dev/tty` appends "UI hierchary dumped to: /dev/tty"
        xml = xml[:end + len("</hierarchy>")]
    try:
        root = ET.fromstring(xml)
    except ET.ParseError as e:
        raise InputError(f"screen dump is not XML ({e})") from e
    if root.tag not in ("hierarchy", "node"):
        raise InputError(f"screen dump is not a uiautomator dump (root element <{root.tag[:40]}>)")
    nodes: list[Node] = []

    def walk(el: ET.Element, parent: int) -> None:
        for child in el:
            if child.tag != "node":
                continue
            pos = len(nodes)
            nodes.append(_node(child, pos, parent))
            walk(child, pos)
            nodes[pos] = replace(nodes[pos], end=len(nodes))

    if root.tag == "node":
        nodes.append(_node(root, 0, -1))
        walk(root, 0)
        nodes[0] = replace(nodes[0], end=len(nodes))
    else:
        walk(root, -1)
    return Screen(tuple(nodes))


def _node(el: ET.Element, pos: int, parent: int) -> Node:
    m = _BOUNDS.fullmatch(el.get("bounds", ""))
    bounds = (int(m[1]), int(m[2]), int(m[3]), int(m[4])) if m else (0, 0, 0, 0)
    index = el.get("index", "0")
    return Node(
        text=el.get("text", ""), resource_id=el.get("resource-id", ""), cls=el.get("class", ""),
        package=el.get("package", ""), clickable=el.get("clickable") == "true", bounds=bounds,
        content_desc=el.get("content-desc", ""), checkable=el.get("checkable") == "true",
        checked=el.get("checked") == "true", enabled=el.get("enabled", "true") != "false",
        index=int(index) if index.isdigit() else 0, pos=pos, parent=parent,
    )


DialogKind = Literal["permission", "policy", "none"]


def dialog_kind(screen: Screen) -> DialogKind:
    """Which dialog the screen shows (``driver.reading.read_screen`` tells more; kept for callers of the
    earlier API: a rationale dialog reads as ``none`` here)."""
    from dynscan.driver.reading import read_screen  # reading builds on this module

    kind = read_screen(screen).kind
    return kind if kind in ("permission", "policy") else "none"


def permission_button(screen: Screen, *, allow: bool) -> Node | None:
    from dynscan.driver.reading import read_screen

    r = read_screen(screen)
    return (r.accept if allow else r.decline) if r.kind == "permission" else None


def policy_button(screen: Screen, *, accept: bool) -> Node | None:
    from dynscan.driver.reading import read_screen

    r = read_screen(screen)
    return (r.accept if accept else r.decline) if r.kind == "policy" else None
