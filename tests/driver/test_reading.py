"""read_screen on hand-laid-out dumps of every failure class of issue 8, and on small trees."""

from __future__ import annotations

from pathlib import Path

import pytest

from dynscan.driver.reading import read_screen
from dynscan.driver.ui import Node, parse_screen

SCREENS = Path(__file__).parent / "screens"


def _read(name: str):  # type: ignore[no-untyped-def]
    return read_screen(parse_screen((SCREENS / f"{name}.xml").read_text(encoding="utf-8")))


def _what(n: Node | None) -> str | None:
    return None if n is None else n.text or n.content_desc or n.short_id


#: fixture -> (kind, what accept is, what decline is)
EXPECTED = {
    # sign-in pages with a terms line are not privacy dialogs; sign-in buttons are never chosen
    "login_terms_line": ("none", None, None),
    "login_continue_facebook": ("none", None, None),
    "chrome_signin": ("none", None, None),
    # privacy dialogs, however they are built
    "chrome_first_run": ("policy", "Accept & continue", None),
    "policy_use_without_account": ("policy", "Agree and continue", "Use without an account"),
    "close_icon_id": ("policy", "同意并继续", "iv_close"),
    "close_icon_desc": ("policy", "Accept all", "Close"),
    "custom_layouts": ("policy", "ll_agree", "ll_disagree"),
    "content_desc_only": ("policy", "Agree", "Disagree"),
    "chinese_links": ("policy", "同意", "不同意"),
    "policy_preticked": ("policy", "同意", "不同意"),
    "policy_acknowledge_only": ("policy", "我知道了", None),
    # ads are no dialogs read_screen answers (driver/ad_screen.py reads them)
    "splash_ad": ("none", None, None),
    "popup_ad_no_close": ("none", None, None),
    "two_step_still": ("policy", "同意并继续", "仍不同意"),
    "two_step_browse": ("policy", None, "仅浏览"),
    "two_step_basic_mode": ("policy", "同意", "进入基本功能模式"),
    # an app's own explanation of a permission, never consent
    "rationale_over_policy_words": ("rationale", "去开启", "取消"),
    # Android's permission screens, 6 to 15, and MIUI's
    "permission_notice": ("none", None, None),
    "android6_grant": ("permission", "ALLOW", "DENY"),
    "legacy_review": ("permission", "CONTINUE", "CANCEL"),
    "legacy_location_list": ("permission", "Allow only while using the app", "Deny"),  # the review's chooser
    "android10_location_buttons": ("permission", "Allow only while using the app", "Deny"),
    "legacy_location_radio": ("permission", "ALLOW", "DENY"),
    "deny_anyway": ("permission", "CANCEL", "DENY ANYWAY"),
    "special_access": ("permission", "ALLOW", "DENY"),
    "android12_no_upgrade": ("permission", "While using the app", "Keep approximate location"),
    "android14_photos": ("permission", "Allow all", "Don\u2019t allow"),
    "miui_ids": ("permission", "仅在使用中允许", "拒绝"),
}


def test_every_fixture_has_an_expectation() -> None:
    assert sorted(p.stem for p in SCREENS.glob("*.xml")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_reading_of_each_screen(name: str) -> None:
    r = _read(name)
    assert (r.kind, _what(r.accept), _what(r.decline)) == EXPECTED[name]


def test_sign_in_controls_are_listed_but_never_chosen() -> None:
    for name in ("login_terms_line", "login_continue_facebook", "chrome_signin"):
        r = _read(name)
        avoided = [c.label for c in r.candidates if c.role == "avoid"]
        assert avoided and all(c.node not in (r.accept, r.decline) for c in r.candidates if c.role == "avoid")
    facebook = [c for c in _read("login_continue_facebook").candidates if "FACEBOOK" in c.label]
    assert facebook and "third-party sign-in" in facebook[0].why


def test_a_clickable_layout_is_labelled_by_the_text_inside_it() -> None:
    r = _read("custom_layouts")
    assert r.accept is not None and r.accept.cls == "android.widget.LinearLayout" and r.accept.clickable
    assert {c.label: c.role for c in r.candidates} == {"不同意": "decline", "同意": "accept"}


def test_policy_text_and_link_titles() -> None:
    r = _read("custom_layouts")
    assert r.policy_links == ("用户服务协议", "隐私政策")
    assert r.policy_text.startswith("个人信息保护指引\n感谢您信任并使用小说阅读")
    assert "不同意" not in r.policy_text  # the controls are not the policy
    assert "We collect your device ID" in _read("content_desc_only").policy_text


def test_an_unticked_consent_box_is_reported_to_tick() -> None:
    r = _read("chinese_links")
    assert r.tick is not None and r.tick.short_id == "cb_agree"
    assert _read("chrome_first_run").tick is None  # a statistics box is no consent box
    assert r.preticked is None


def test_a_consent_box_ticked_in_advance_and_a_dialog_with_no_refusal() -> None:
    r = _read("policy_preticked")
    assert r.kind == "policy" and r.tick is None and r.preticked is not None
    assert r.preticked.short_id == "cb_agree" and r.decline is not None
    ack = _read("policy_acknowledge_only")
    assert ack.kind == "policy" and ack.accept is not None and ack.accept.text == "我知道了"
    assert ack.decline is None


def test_rationale_is_read_in_its_own_window_not_with_the_screen_behind() -> None:
    r = _read("rationale_over_policy_words")
    assert {c.label for c in r.candidates} == {"取消", "去开启"}  # not the activity's 确定 or its policy link


def test_a_permission_controller_node_alone_is_no_permission_dialog() -> None:
    assert _read("permission_notice").kind == "none"


def _dump(*body: str) -> str:
    head = "<?xml version='1.0' encoding='UTF-8' standalone='yes' ?><hierarchy rotation=\"0\">"
    return head + "".join(body) + "</hierarchy>"


def _n(text: str = "", rid: str = "", cls: str = "android.widget.TextView", clickable: bool = False, desc: str = "",
       kids: str = "", pkg: str = "com.example", enabled: bool = True) -> str:
    return (f'<node index="0" text="{text}" resource-id="{rid}" class="{cls}" package="{pkg}" content-desc="{desc}" '
            f'checkable="false" checked="false" clickable="{str(clickable).lower()}" enabled="{str(enabled).lower()}" '
            f'bounds="[0,0][100,100]">{kids}</node>')


def test_a_bare_continue_is_never_consent() -> None:
    xml = _dump(_n(cls="android.widget.FrameLayout", kids=_n("We updated our Privacy Policy.") + _n(
        "Continue", clickable=True, cls="android.widget.Button")))
    r = read_screen(parse_screen(xml))
    assert r.kind == "none" and r.accept is None


def test_a_nested_button_keeps_its_own_label() -> None:
    inner = _n("Agree", clickable=True, cls="android.widget.Button")
    outer = _n(cls="android.widget.LinearLayout", clickable=True, kids=_n("Privacy Policy") + inner)
    r = read_screen(parse_screen(_dump(outer)))
    assert r.kind == "policy" and r.accept is not None and r.accept.text == "Agree"


def test_a_disabled_accept_is_chosen_only_when_there_is_no_other() -> None:
    body = _n("Privacy Policy") + _n("Agree", clickable=True, enabled=False) + _n("Accept", clickable=True)
    r = read_screen(parse_screen(_dump(_n(cls="android.widget.FrameLayout", kids=body))))
    assert _what(r.accept) == "Accept"


def test_an_apps_screen_with_a_privacy_link_and_an_ok_button_is_no_dialog() -> None:
    screen = ('<node index="0" class="android.widget.FrameLayout" package="com.example" bounds="[0,0][1080,2340]">'
              '<node index="0" text="Settings" class="android.widget.TextView" bounds="[0,100][1080,200]" />'
              '<node index="1" text="Privacy Policy" clickable="true" class="android.widget.TextView" '
              'bounds="[0,2000][1080,2080]" />'
              '<node index="2" text="OK" clickable="true" class="android.widget.Button" bounds="[0,2100][1080,2200]" />'
              '</node>')
    assert read_screen(parse_screen(_dump(screen))).kind == "none"
    dialog = screen.replace('bounds="[0,0][1080,2340]"', 'bounds="[60,800][1020,1500]"', 1)
    assert read_screen(parse_screen(_dump(screen, dialog))).kind == "policy"  # the same, as a dialog on top


def test_policy_words_only_in_a_content_description_count() -> None:
    body = _n(desc="Privacy Policy: we collect your device ID.") + _n(desc="Agree", clickable=True,
                                                                       cls="android.widget.Button")
    window = _n(cls="android.widget.FrameLayout", kids=body).replace("[0,0][100,100]", "[0,800][1080,1500]", 1)
    r = read_screen(parse_screen(_dump(window)))
    assert r.kind == "policy" and _what(r.accept) == "Agree" and "device ID" in r.policy_text


def test_an_ok_on_an_apps_own_screen_about_permissions_is_no_rationale() -> None:
    screen = _n(cls="android.widget.FrameLayout", kids=_n("App permissions: location, camera") + _n(
        "OK", clickable=True, cls="android.widget.Button")).replace("[0,0][100,100]", "[0,0][1080,2340]", 1)
    assert read_screen(parse_screen(_dump(screen))).kind == "none"
    dialog = screen.replace("[0,0][1080,2340]", "[60,900][1020,1400]", 1)
    assert read_screen(parse_screen(_dump(screen, dialog))).kind == "rationale"


def test_a_consent_banners_allow_all_accepts() -> None:
    body = (_n("We and our partners use cookies. See our Privacy Policy.") + _n("Reject all", clickable=True)
            + _n("Allow all", clickable=True))
    sheet = _n(cls="android.widget.FrameLayout", kids=body).replace("[0,0][100,100]", "[0,1400][1080,2340]", 1)
    r = read_screen(parse_screen(_dump(sheet)))
    assert (r.kind, _what(r.accept), _what(r.decline)) == ("policy", "Allow all", "Reject all")


def test_a_rationale_that_cites_the_privacy_policy_is_still_no_consent() -> None:
    body = (_n("需要位置权限：为了推荐附近门店，我们需要获取您的位置，详见《隐私政策》。") + _n("取消", clickable=True)
            + _n("去开启", clickable=True))
    dialog = _n(cls="android.widget.FrameLayout", kids=body).replace("[0,0][100,100]", "[60,900][1020,1500]", 1)
    r = read_screen(parse_screen(_dump(dialog)))
    assert (r.kind, _what(r.accept), _what(r.decline)) == ("rationale", "去开启", "取消")
