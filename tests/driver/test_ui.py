from __future__ import annotations

import pytest

from dynscan.driver.ui import dialog_kind, parse_screen, permission_button, policy_button
from dynscan.errors import InputError


def _node(text: str = "", rid: str = "", pkg: str = "com.example", clickable: bool = False,
          bounds: str = "[0,0][100,100]") -> str:
    return (f'<node index="0" text="{text}" resource-id="{rid}" class="android.widget.Button" package="{pkg}" '
            f'clickable="{"true" if clickable else "false"}" bounds="{bounds}"/>')


def _screen(*nodes: str) -> str:
    return '<?xml version="1.0" encoding="UTF-8"?><hierarchy rotation="0">' + "".join(nodes) + "</hierarchy>"


POLICY_ZH = _screen(
    _node("用户协议与隐私政策", "android:id/alertTitle"),
    _node("我们会收集您的设备信息……", "android:id/message"),
    _node("同意", "android:id/button1", clickable=True, bounds="[600,1500][1000,1600]"),
    _node("不同意", "android:id/button2", clickable=True, bounds="[100,1500][500,1600]"),
)


def test_policy_dialog_buttons_by_text_never_take_decline_for_accept() -> None:
    s = parse_screen(POLICY_ZH)
    assert dialog_kind(s) == "policy"
    accept = policy_button(s, accept=True)
    decline = policy_button(s, accept=False)
    assert accept is not None and accept.text == "同意" and accept.center == (800, 1550)
    assert decline is not None and decline.text == "不同意"


def test_policy_buttons_fall_back_to_android_dialog_ids() -> None:
    s = parse_screen(_screen(_node("Privacy policy", "android:id/alertTitle"),
                             _node("Yes please", "android:id/button1", clickable=True),
                             _node("Maybe later", "android:id/button2", clickable=True)))
    assert dialog_kind(s) == "policy"
    assert policy_button(s, accept=True).short_id == "button1"  # type: ignore[union-attr]
    assert policy_button(s, accept=False).short_id == "button2"  # type: ignore[union-attr]


def test_permission_dialog_is_recognised_by_the_permission_controller() -> None:
    pc = "com.android.permissioncontroller"
    s = parse_screen(_screen(
        _node("Allow Leaky to access your location?", f"{pc}:id/permission_message", pkg=pc),
        _node("While using the app", f"{pc}:id/permission_allow_foreground_only_button", pkg=pc, clickable=True),
        _node("Don't allow", f"{pc}:id/permission_deny_button", pkg=pc, clickable=True),
    ))
    assert dialog_kind(s) == "permission"
    assert permission_button(s, allow=True).text == "While using the app"  # type: ignore[union-attr]
    assert permission_button(s, allow=False).text == "Don't allow"  # type: ignore[union-attr]


def test_a_plain_screen_is_no_dialog() -> None:
    s = parse_screen(_screen(_node("Hello"), _node("Next", clickable=True)))
    assert dialog_kind(s) == "none"
    assert policy_button(s, accept=True) is None


def test_garbage_is_a_clear_error() -> None:
    with pytest.raises(InputError, match="not XML"):
        parse_screen("<hierarchy><node")


PC = "com.android.permissioncontroller"


def test_the_tree_parents_children_and_windows() -> None:
    xml = _screen(
        '<node index="0" text="" resource-id="" class="android.widget.FrameLayout" package="com.example" '
        'bounds="[0,0][1080,2340]"><node index="0" text="" resource-id="com.example:id/row" '
        'class="android.widget.LinearLayout" package="com.example" clickable="true" bounds="[0,0][500,100]">'
        '<node index="0" text="同意" class="android.widget.TextView" package="com.example" bounds="[0,0][500,100]"/>'
        '</node><node index="1" text="" content-desc="关闭" checkable="true" checked="true" enabled="false" '
        'class="android.widget.ImageView" package="com.example" bounds="[900,0][1000,100]"/></node>',
        _node("Allow", f"{PC}:id/permission_allow_button", pkg=PC),
    )
    s = parse_screen(xml)
    root, row, label, icon, perm = s.nodes
    assert s.windows() == (root, perm)
    assert [n.pos for n in s.children(root)] == [row.pos, icon.pos] and list(s.children(row)) == [label]
    assert s.descendants(root) == (row, label, icon) and s.subtree(row) == (row, label)
    assert list(s.ancestors(label)) == [row, root] and s.window_of(label) == root and s.window_of(perm) == perm
    assert (icon.content_desc, icon.checkable, icon.checked, icon.enabled, icon.index) == ("关闭", True, True, False, 1)
    assert row.short_id == "row" and row.area == 500 * 100


def test_a_dump_with_entities_is_refused() -> None:
    with pytest.raises(InputError, match="DOCTYPE"):
        parse_screen('<!DOCTYPE h [<!ENTITY a "x">]><hierarchy>&a;</hierarchy>')
