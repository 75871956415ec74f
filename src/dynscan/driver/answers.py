"""What the driver reads on a screen: which dialog it is, and the controls that answer it.

One seam between the runner and the screen reading (``driver.ui``), so the runner asks one
question per screen. A rationale dialog is the app's own explanation before a system permission
dialog ("we need the phone permission to ..."): the driver taps through it as its standing
permission order says, and never takes it for consent.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from dynscan.driver.ui import POLICY_WORDS, Node, Screen, dialog_kind, permission_button, policy_button

ReadingKind = Literal["policy", "permission", "rationale", "none"]
_PERMISSION_WORDS = ("权限", "permission", "授权")


@dataclass(frozen=True)
class Reading:
    kind: ReadingKind
    accept: Node | None = None  # accept / allow / go on to the system dialog
    decline: Node | None = None  # decline / deny / not now


def read(screen: Screen) -> Reading:
    kind = dialog_kind(screen)
    if kind == "permission":
        return Reading("permission", permission_button(screen, allow=True), permission_button(screen, allow=False))
    if kind == "policy":
        return Reading("policy", policy_button(screen, accept=True), policy_button(screen, accept=False))
    dialog = [n for n in screen.nodes if n.short_id in ("alertTitle", "message")]
    text = " ".join(n.text for n in dialog).lower()
    if dialog and any(w in text for w in _PERMISSION_WORDS) and not any(w in text for w in POLICY_WORDS):
        return Reading("rationale", screen.by_id("button1"), screen.by_id("button2"))
    return Reading("none")


def signature(screen: Screen, kind: str) -> str:
    """What makes one dialog different from the next (a dialog stays open across many polls)."""
    return kind + "|" + "|".join(n.text for n in screen.nodes if n.text)[:2000]
