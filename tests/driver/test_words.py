"""What a control's label means, wherever it is."""

from __future__ import annotations

import pytest

from dynscan.driver.words import control_meaning, is_close_icon, norm


@pytest.mark.parametrize(("label", "role"), [
    ("同意", "accept"), ("同意并继续", "accept"), ("Agree", "accept"), ("Accept & continue", "accept"),
    ("I agree ›", "accept"), ("不同意", "decline"), ("Disagree", "decline"), ("I do not agree", "decline"),
    ("仍不同意", "decline"), ("不同意并退出", "decline"), ("退出应用", "decline"), ("仅浏览", "decline"),
    ("进入基本功能模式", "decline"), ("Use without an account", "decline"),
    ("Continue with Facebook", "avoid"), ("CONTINUE WITH GOOGLE", "avoid"), ("微信登录", "avoid"),
    ("Continue as Alex", "avoid"), ("Log in", "avoid"), ("本机号码一键登录", "avoid"),
    ("Don\u2019t allow", "deny"), ("DENY ANYWAY", "deny"), ("While using the app", "allow"), ("始终允许", "allow"),
    ("Not now", "skip"), ("跳过", "skip"), ("暂不登录", "skip"), ("OK", "accept"),
])
def test_roles(label: str, role: str) -> None:
    m = control_meaning(label)
    assert m is not None and m.role == role, (label, m)


@pytest.mark.parametrize("label", ["", "Continue", "Next", "Okinawa", "Acceptance tests", "Settings",
                                   "我已阅读并同意《用户协议》和《隐私政策》，并授权使用本机号码登录"])
def test_ordinary_controls_and_sentences_have_no_consent_role(label: str) -> None:
    m = control_meaning(label)
    assert m is None or m.role not in ("accept", "decline"), m


def test_a_bare_continue_only_goes_on() -> None:
    m = control_meaning("Continue")
    assert m is not None and (m.role, m.weak) == ("allow", True)


def test_close_icons_by_id_or_description() -> None:
    assert is_close_icon("com.x:id/iv_close", "") and is_close_icon("com.x:id/btnClose", "")
    assert is_close_icon("", "关闭") and is_close_icon("", "Close")
    assert not is_close_icon("com.x:id/iv_logo", "Logo") and not is_close_icon("com.x:id/closet_photo", "")


def test_norm() -> None:
    assert norm("  Agree\u00a0 and  continue › ") == "agree and continue"
