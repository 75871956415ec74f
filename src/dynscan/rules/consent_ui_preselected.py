"""Consent ticked in advance / 默认勾选同意隐私政策

English: The privacy dialog's "我已阅读并同意" / "I have read and agree" box was already ticked when the
dialog appeared (the driver recorded ``consent policy_shown`` with ``detail.preselected: true``): consent
by default, not by the user's choice.

中文: 隐私政策弹窗中"我已阅读并同意"等勾选框在弹窗出现时已被默认勾选, 以默认选择同意的方式征求同意。

References:
- 工信部信管函〔2020〕164号 一.(一) 以默认选择同意隐私政策等非明示方式征求用户同意
- 《App违法违规收集使用个人信息行为认定方法》三.3 以默认选择同意隐私政策等非明示方式征求用户同意
- GB/T 41391-2022 5.1 d) 不应以默认勾选方式征得同意
- GB/T 35273-2020 5.4 收集个人信息时的授权同意

Evidence tier: official (no threshold)
"""

from __future__ import annotations

from dynscan.events.model import Consent
from dynscan.findings import Severity
from dynscan.rules.context import TimelineContext
from dynscan.rules.registry import rule


@rule("CONSENT_UI_PRESELECTED", severity=Severity.high, kinds={"consent"},
      message="the privacy dialog's agree box was ticked in advance ({count} time(s) shown)",
      message_zh="隐私政策弹窗的同意勾选框被默认勾选(共弹出 {count} 次)",
      order=19)
def consent_ui_preselected(event: Consent, ctx: TimelineContext) -> bool:
    return event.action == "policy_shown" and (event.detail or {}).get("preselected") is True
