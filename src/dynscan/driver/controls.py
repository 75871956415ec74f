"""What each control on a screen means: its label as a person reads it, and the role that label gives it.

A clickable control's label is its own text, its content description and the text inside it (a clickable
layout holding a TextView, an icon with only a content description); a nested clickable keeps its own
label. The role comes from the word lists (``driver.words``), then from a close icon's id or description,
then from an AlertDialog's own buttons. Which of these controls answers a dialog, and which part of a
window is the dialog, is ``driver.reading``.
"""

from __future__ import annotations

from dataclasses import dataclass

from dynscan.driver.ui import Node, Screen
from dynscan.driver.words import Meaning, Role, control_meaning, is_close_icon


@dataclass(frozen=True)
class Candidate:
    node: Node
    label: str
    role: Role
    why: str


def labels(screen: Screen) -> dict[int, str]:
    """Label of every clickable or checkable node: own text, content description, then the text of
    descendants that are not themselves clickable (a nested button keeps its own label)."""
    out: dict[int, str] = {}
    for n in screen.nodes:
        if not (n.clickable or n.checkable):
            continue
        parts = [n.text, n.content_desc]
        skip_until = -1
        for d in screen.descendants(n):
            if d.pos < skip_until:
                continue
            if d.clickable:
                skip_until = d.end
                continue
            parts += [d.text, d.content_desc]
        out[n.pos] = " ".join(p.strip() for p in parts if p.strip())
    return out


def meanings(screen: Screen, label_of: dict[int, str]) -> dict[int, Meaning]:
    """The meaning of every labelled control that has one, by node position."""
    return {pos: m for pos, lab in label_of.items() if (m := _meaning(screen, screen.nodes[pos], lab))}


def _meaning(screen: Screen, n: Node, label: str) -> Meaning | None:
    if n.checkable:
        return None  # a check box ticks, it does not answer
    m = control_meaning(label) if label else None
    if m is None and not n.text and is_close_icon(n.resource_id, n.content_desc) and not _has_text(screen, n):
        return Meaning("close", "close icon: " + ("content-desc" if n.content_desc else "resource id"))
    if m is None and n.resource_id in _DIALOG_BUTTONS:
        return _DIALOG_BUTTONS[n.resource_id]
    return m


#: An AlertDialog's own buttons, for labels no word list knows ("Yes please" / "Maybe later").
_DIALOG_BUTTONS = {
    "android:id/button1": Meaning("accept", "the dialog's positive button (android:id/button1)", weak=True),
    "android:id/button2": Meaning("decline", "the dialog's negative button (android:id/button2)", weak=True),
}


def _has_text(screen: Screen, n: Node) -> bool:
    return any(d.text.strip() for d in screen.descendants(n))


def signs_in(inside: list[Node], meanings: dict[int, Meaning]) -> bool:
    """Whether one of these controls starts a sign-in (then the part holding them is no dialog to answer)."""
    return any(meanings[n.pos].role == "avoid" for n in inside)


def as_permission(m: Meaning) -> Role:
    """A consent word's role read as a permission's: accepting allows, refusing or leaving denies."""
    if m.role in ("accept", "allow"):
        return "allow"
    if m.role in ("decline", "deny", "skip", "close"):
        return "deny"
    return m.role


def first_enabled(nodes: list[Node]) -> Node | None:
    """The first enabled control, else the first one (a disabled accept only when there is no other)."""
    return next((n for n in nodes if n.enabled), nodes[0] if nodes else None)
