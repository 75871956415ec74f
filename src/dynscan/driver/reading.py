"""What a person sees on a screen: which dialog is up, and which control accepts or refuses it.

``read_screen`` reads the way a person does. What each control says and means (its label, its role) is
``driver.controls``; this module finds the window and the part of it that is a dialog, and picks its
controls. A privacy dialog is the part of a window that holds the policy words together with
its consent controls, never policy words somewhere on the screen next to someone else's buttons: a
sign-in page with a "By signing in you agree to the Terms" line is not one, and neither is an app's own
explanation of a permission (a rationale), which is never taken for consent. A system permission dialog is
a window of the permission controller (or Settings) with its own buttons. Consent words only accept
("Agree", "同意", "Accept & continue"; never a bare "Continue"), and a control that starts a sign-in
("Continue with Facebook", "微信登录") is never chosen.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, replace
from typing import Literal

from dynscan.driver.controls import Candidate, as_permission, first_enabled, labels, meanings, signs_in
from dynscan.driver.permission_screen import SPECIAL_ACCESS_PACKAGES, read_permission_window
from dynscan.driver.ui import PERMISSION_PACKAGES, Node, Screen
from dynscan.driver.words import LINK_TITLE, PERMISSION_TALK, POLICY_WORDS, Meaning, norm, second_step

__all__ = ["SYSTEM_PACKAGES", "Candidate", "Kind", "Reading", "label", "labels", "read_screen"]

Kind = Literal["policy", "permission", "rationale", "none"]
SYSTEM_PACKAGES = PERMISSION_PACKAGES | SPECIAL_ACCESS_PACKAGES | {"com.android.launcher3", "android"}


@dataclass(frozen=True)
class Reading:
    kind: Kind
    #: The policy's accept, the permission's allow, or the rationale's way on to the system dialog.
    accept: Node | None = None
    #: The policy's refusal (a close icon if nothing else refuses), the permission's deny.
    decline: Node | None = None
    candidates: tuple[Candidate, ...] = ()
    policy_text: str = ""
    policy_links: tuple[str, ...] = ()
    #: An unticked "I have read and agree" box in the policy dialog: tick it before accepting.
    tick: Node | None = None
    #: Such a box already ticked when the dialog appeared (a consent given in advance: 164号 scene).
    preticked: Node | None = None


def read_screen(screen: Screen) -> Reading:
    """Which dialog ``screen`` shows and what accepts and refuses it (see the module docstring)."""
    screen = _one_window_if_flat(screen)
    label_of = labels(screen)
    windows = list(reversed(screen.windows()))  # the topmost window is dumped last
    for w in windows:
        pick = read_permission_window(screen, w, label_of)
        if pick is not None and (pick.allow or pick.deny):
            cands = tuple(Candidate(n, lab, role, why) for n, lab, role, why in pick.found)  # type: ignore[arg-type]
            return Reading("permission", pick.allow, pick.deny, cands)
    meaning = meanings(screen, label_of)
    for w in windows:
        if w.package in SYSTEM_PACKAGES:
            continue
        reading = _policy(screen, w, label_of, meaning) or _rationale(screen, w, label_of, meaning)
        if reading is not None:
            return reading
    every = tuple(Candidate(screen.nodes[p], label_of[p], m.role, m.why) for p, m in sorted(meaning.items()))
    return Reading("none", candidates=every)


def _one_window_if_flat(screen: Screen) -> Screen:
    """A dump flattened by another tool (several top-level nodes, none with children) is one window."""
    tops = screen.windows()
    if len(tops) < 2 or any(t.end > t.pos + 1 for t in tops):
        return screen
    n = len(screen.nodes)
    root = Node("", "", "hierarchy", tops[0].package, False, (0, 0, 0, 0), pos=0, parent=-1, end=n + 1)
    return Screen((root, *(replace(t, pos=t.pos + 1, parent=0, end=t.end + 1) for t in screen.nodes)))


def _root(screen: Screen, seed: Node, marks: list[int]) -> Node | None:
    """The smallest part of the window around ``seed`` that holds a control with a meaning (``marks``:
    the sorted positions of such controls; a subtree is the slice ``[pos, end)``)."""
    for a in [seed, *screen.ancestors(seed)]:
        lo, hi = bisect_left(marks, a.pos), bisect_left(marks, a.end)
        inside = hi - lo - (1 if a is seed and lo < hi and marks[lo] == seed.pos else 0)
        if inside > 0:
            return a
    return None


def _policy(screen: Screen, window: Node, label_of: dict[int, str], meanings: dict[int, Meaning]) -> Reading | None:
    seeds = [n for n in screen.subtree(window) if POLICY_WORDS.search(n.text) or POLICY_WORDS.search(n.content_desc)]
    seeds += [n for n in screen.subtree(window) if n.pos in label_of and second_step(label_of[n.pos])]
    marks = sorted(meanings)
    roots: dict[int, Node] = {}
    for s in seeds:
        r = _root(screen, s, marks)
        if r is not None:
            roots.setdefault(r.pos, r)
    for root in sorted(roots.values(), key=lambda r: r.area):
        inside = [n for n in screen.subtree(root) if n.pos in meanings]
        worded = any(POLICY_WORDS.search(n.text) or POLICY_WORDS.search(n.content_desc) for n in screen.subtree(root))
        strong_accept = [n for n in inside if meanings[n.pos].role == "accept" and not meanings[n.pos].weak]
        if worded and not strong_accept and not any(PERMISSION_TALK.search(n.text) for n in screen.subtree(root)):
            # a consent banner's "Allow all" (cookies, personalised ads); on a page about a permission,
            # "Allow" goes on to the system dialog and is no consent
            strong_accept = [n for n in inside if meanings[n.pos].role == "allow" and not meanings[n.pos].weak]
        refusals = [n for n in inside if meanings[n.pos].role == "decline"]
        consent_refusal = [n for n in refusals if not meanings[n.pos].weak]
        two_step = [n for n in refusals if second_step(label_of[n.pos])]
        acks = [n for n in inside if meanings[n.pos].role == "accept"]
        weak_only = bool(acks or refusals) and not signs_in(inside, meanings) and _dialog_like(screen, root)
        # Policy words with a consent control; or, without them, "agree" beside "disagree", or the second
        # "are you sure" step. "OK" or "Use without an account" alone answer only a dialog about the policy,
        # not a sign-in page or an app's screen with a privacy link somewhere on it.
        if not ((worded and (strong_accept or consent_refusal or weak_only))
                or (strong_accept and consent_refusal) or two_step):
            continue
        accept = first_enabled(strong_accept or acks)
        decline = first_enabled(two_step or consent_refusal or refusals
                                 or [n for n in inside if meanings[n.pos].role in ("close", "skip")])
        cands = tuple(Candidate(n, label_of.get(n.pos, ""), meanings[n.pos].role, meanings[n.pos].why) for n in inside)
        controls = {d.pos for c in inside for d in screen.subtree(c)}
        text = [t for n in screen.subtree(root) if n.pos not in controls and not n.checkable
                for t in (n.text.strip(), n.content_desc.strip()) if t]
        body = "\n".join(text)
        boxes = [n for n in screen.subtree(root) if n.checkable
                 and ("同意" in label_of.get(n.pos, "") or "agree" in norm(label_of.get(n.pos, "")))]
        box = next((n for n in boxes if not n.checked), None)
        ticked = next((n for n in boxes if n.checked), None)
        return Reading("policy", accept, decline, cands, body, tuple(dict.fromkeys(LINK_TITLE.findall(body))), box,
                       ticked)
    return None


def _dialog_like(screen: Screen, root: Node) -> bool:
    """A dialog, a sheet or a card: an AlertDialog's parts, or smaller than the screen (its window or the
    part of it)."""
    if any(n.resource_id in _DIALOG_IDS for n in screen.subtree(root)):
        return True
    widest = max((w.area for w in screen.windows()), default=0)
    return 0 < root.area <= 0.75 * widest or 0 < screen.window_of(root).area <= 0.75 * widest


_DIALOG_IDS = frozenset({"android:id/button1", "android:id/button2", "android:id/alertTitle", "android:id/parentPanel"})


def _rationale(screen: Screen, window: Node, label_of: dict[int, str],
               meanings: dict[int, Meaning]) -> Reading | None:
    marks = sorted(meanings)
    for seed in (n for n in screen.subtree(window) if n.text and PERMISSION_TALK.search(n.text)):
        root = _root(screen, seed, marks)
        if root is None:
            continue
        inside = [n for n in screen.subtree(root) if n.pos in meanings]
        roles = {n.pos: as_permission(meanings[n.pos]) for n in inside}
        allow = first_enabled([n for n in inside if roles[n.pos] == "allow"])
        deny = first_enabled([n for n in inside if roles[n.pos] == "deny"])
        if allow is None or signs_in(inside, meanings):
            continue
        if meanings[allow.pos].weak and not _dialog_like(screen, root):
            continue  # "OK" on an app's own screen that mentions a permission is no rationale dialog
        cands = tuple(Candidate(n, label_of.get(n.pos, ""), roles[n.pos], "rationale: " + meanings[n.pos].why)
                      for n in inside)
        return Reading("rationale", allow, deny, cands)
    return None


def label(reading: Reading, node: Node | None) -> str | None:
    """What a person would call ``node``: its candidate label, else its text, content-desc or id."""
    if node is None:
        return None
    for c in reading.candidates:
        if c.node.pos == node.pos and c.label:
            return c.label
    return node.text or node.content_desc or node.short_id
