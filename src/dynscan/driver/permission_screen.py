"""Reading Android's own permission screens: the grant dialog of Android 6-15 and vendor variants, the
legacy-app permission review, the "deny anyway" confirmation and Settings' special-access dialogs.

A window is a permission dialog only when it is the permission controller's (or Settings') dialog: a node
of that package alone (a notice, a toast) is not one.
"""

from __future__ import annotations

from typing import NamedTuple

from dynscan.driver.ui import PERMISSION_PACKAGES, Node, Screen
from dynscan.driver.words import control_meaning, norm

#: The grant dialog's buttons by resource id, in the order the driver prefers them.
ALLOW_IDS = (
    "permission_allow_button", "permission_allow_foreground_only_button", "permission_allow_all_button",
    "permission_allow_always_button", "permission_allow_one_time_button", "permission_allow_selected_button",
    # MIUI (com.lbe.security.miui) and other vendors
    "permission_allow_button_1", "permission_allow_foreground_only_button_1", "permission_allow_onetime_button",
    "permission_allow_always_button_1",
)
DENY_IDS = (
    "permission_deny_button", "permission_deny_and_dont_ask_again_button", "permission_dont_allow_more_selected_button",
    "permission_no_upgrade_button", "permission_no_upgrade_and_dont_ask_again_button",
    "permission_no_upgrade_one_time_button", "permission_no_upgrade_one_time_and_dont_ask_again_button",
    "permission_deny_button_1", "permission_deny_and_dont_ask_again_button_1",
)
#: Android 10's location choices as radio buttons (confirmed with the dialog's allow / deny buttons).
RADIO_ALLOW = ("foreground_only_radio_button", "allow_foreground_only_radio_button", "always_radio_button",
               "allow_always_radio_button", "allow_radio_button")
RADIO_DENY = ("deny_dont_ask_again_radio_button", "deny_radio_button")
#: Settings and system UI show special-access and notification dialogs with Allow / Deny buttons.
SPECIAL_ACCESS_PACKAGES = frozenset({"com.android.settings", "com.android.systemui"})


class PermissionPick(NamedTuple):
    allow: Node | None
    deny: Node | None
    #: (node, label, role, why) for every button understood.
    found: tuple[tuple[Node, str, str, str], ...]


def read_permission_window(screen: Screen, window: Node, label_of: dict[int, str]) -> PermissionPick | None:
    """The allow / deny controls of a system permission window, or None if the window is not one."""
    nodes = screen.subtree(window)
    packages = {n.package for n in nodes}
    by_id = {n.short_id: n for n in nodes if n.resource_id}
    if packages & PERMISSION_PACKAGES:
        if any(i in by_id for i in ALLOW_IDS + DENY_IDS):
            return _grant_dialog(by_id)
        if "continue_button" in by_id and "cancel_button" in by_id:
            cont, cancel = by_id["continue_button"], by_id["cancel_button"]
            review = "legacy-app permission review: "
            return PermissionPick(cont, cancel, (
                (cont, label_of.get(cont.pos, ""), "allow", review + "CONTINUE keeps the permissions"),
                (cancel, label_of.get(cancel.pos, ""), "deny", review + "CANCEL (the app does not start)"),
            ))
    if packages & (PERMISSION_PACKAGES | SPECIAL_ACCESS_PACKAGES):
        return _by_labels(nodes, label_of)
    return None


def _grant_dialog(by_id: dict[str, Node]) -> PermissionPick:
    found: list[tuple[Node, str, str, str]] = []
    for ids, role in ((ALLOW_IDS, "allow"), (DENY_IDS, "deny"), (RADIO_ALLOW, "allow"), (RADIO_DENY, "deny")):
        for i in ids:
            if i in by_id:
                n = by_id[i]
                kind = "choice in the location list" if "radio" in i else "permission dialog button"
                found.append((n, n.text or n.content_desc, role, f"{kind} '{i}'"))
    allow = next((by_id[i] for i in ALLOW_IDS if i in by_id and by_id[i].enabled), None)
    deny = next((by_id[i] for i in DENY_IDS if i in by_id and by_id[i].enabled), None)
    return PermissionPick(allow, deny, tuple(found))


#: Which permission answers a labelled control gives, most wanted first ("while using" before "all the time").
_ALLOW_ORDER = ("while using", "使用中", "使用时", "使用期间", "allow", "允许", "continue", "always", "始终",
                "only this time", "本次")


def _by_labels(nodes: tuple[Node, ...], label_of: dict[int, str]) -> PermissionPick | None:
    """Dialogs without grant-dialog IDs: the "DENY ANYWAY" confirmation, special access, vendor lists."""
    allows: list[tuple[Node, str]] = []
    denies: list[tuple[Node, str]] = []
    found: list[tuple[Node, str, str, str]] = []
    anyway = any(norm(label_of.get(n.pos, "")).startswith(("deny anyway", "仍然拒绝")) for n in nodes)
    for n in nodes:
        label = label_of.get(n.pos)
        if not label:
            continue
        m = control_meaning(label)
        if m is None:
            continue
        role = "allow" if m.role in ("accept", "allow") else "deny" if m.role in ("decline", "deny") else m.role
        why = m.why
        if anyway and m.role == "skip":  # CANCEL on "deny anyway?" keeps the permission
            role, why = "allow", "keeps the permission: cancels the 'deny anyway' confirmation"
        if role == "allow" and (anyway or not m.weak):
            allows.append((n, label))
        elif role == "deny":
            denies.append((n, label))
        found.append((n, label, role, why))
    if not allows or not denies:
        return None
    allows.sort(key=lambda nl: next((i for i, w in enumerate(_ALLOW_ORDER) if w in norm(nl[1])), len(_ALLOW_ORDER)))
    return PermissionPick(allows[0][0], denies[0][0], tuple(found))
