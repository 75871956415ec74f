"""What each control means: labels as a person reads them, and the roles the labels give."""

from __future__ import annotations

from test_reading import _dump, _n

from dynscan.driver.controls import as_permission, first_enabled, labels, meanings
from dynscan.driver.ui import Screen, parse_screen
from dynscan.driver.words import Meaning


def _labelled(xml: str) -> tuple[Screen, dict[str, str]]:
    screen = parse_screen(_dump(xml))
    return screen, {screen.nodes[p].cls.rsplit(".", 1)[-1] + ":" + (screen.nodes[p].text or "-"): lab
                    for p, lab in labels(screen).items()}


def test_a_clickable_layout_is_labelled_by_the_text_inside_it_and_a_nested_button_keeps_its_own() -> None:
    inner = _n("Agree", clickable=True, cls="android.widget.Button")
    outer = _n(cls="android.widget.LinearLayout", clickable=True, kids=_n("Privacy Policy") + _n(desc="icon") + inner)
    _, got = _labelled(outer)
    assert got == {"LinearLayout:-": "Privacy Policy icon", "Button:Agree": "Agree"}


def test_roles_come_from_words_then_close_icons_then_the_dialogs_own_buttons() -> None:
    body = (_n("不同意", clickable=True) + _n("Yes please", rid="android:id/button1", clickable=True)
            + _n(rid="com.example:id/iv_close", clickable=True, cls="android.widget.ImageView")
            + _n("Some sentence that is far too long to be the label of any button", clickable=True))
    screen = parse_screen(_dump(_n(cls="android.widget.FrameLayout", kids=body)))
    roles = {screen.nodes[p].text or screen.nodes[p].short_id: (m.role, m.weak)
             for p, m in meanings(screen, labels(screen)).items()}
    assert roles == {"不同意": ("decline", False), "Yes please": ("accept", True), "iv_close": ("close", False)}


def test_a_check_box_has_no_role() -> None:
    box = _n("同意", clickable=True, cls="android.widget.CheckBox").replace('checkable="false"', 'checkable="true"')
    screen = parse_screen(_dump(box))
    assert labels(screen) and meanings(screen, labels(screen)) == {}


def test_a_disabled_control_is_chosen_only_when_there_is_no_other() -> None:
    screen = parse_screen(_dump(_n("Agree", clickable=True, enabled=False) + _n("Accept", clickable=True)))
    off, on = screen.nodes
    assert first_enabled([off, on]) is on and first_enabled([off]) is off and first_enabled([]) is None


def test_consent_roles_read_as_a_permissions() -> None:
    assert [as_permission(Meaning(r, "")) for r in ("accept", "allow", "decline", "skip", "close", "avoid")] == [
        "allow", "allow", "deny", "deny", "deny", "avoid"]
