"""Privacy dialog with no way to refuse / 隐私政策弹窗未提供拒绝选项

English: The privacy dialog offered no control that refuses: only "同意", "好的", "我知道了", "知道了" or
"OK" (the driver recorded ``consent policy_shown`` with ``detail.refusal: false``: it found no decline,
"不同意", "暂不使用", "退出" or close control on the dialog). One hit each time such a dialog was shown.
A timeline without ``detail.refusal`` (an older driver, an imported timeline) is not judged.

中文: 隐私政策弹窗只有"同意""好的""我知道了"等选项, 没有提供拒绝或不同意的方式(驱动读屏时未找到
"不同意""暂不使用""退出"或关闭控件)。未记录读屏结果的时间线不作判断。

References:
- 工信部信管函〔2020〕164号 一.(一) 违规收集个人信息: 未经用户同意 / 以默认、捆绑等方式征求同意
- 《App违法违规收集使用个人信息行为认定方法》三.2 未经用户同意收集个人信息: 收集前未提供拒绝选项
- GB/T 41391-2022 5.1 c) 应提供拒绝的选项
- GB/T 35273-2020 5.4 收集个人信息时的授权同意

Evidence tier: official (the driver's reading of the screen decides; check the saved ui/*.xml)
"""

from __future__ import annotations

from dynscan.events.model import Consent
from dynscan.findings import Severity
from dynscan.rules.context import TimelineContext
from dynscan.rules.registry import rule


@rule("CONSENT_UI_NO_REFUSAL", severity=Severity.high, kinds={"consent"},
      message="the privacy dialog offered no way to refuse ({count} time(s) shown)",
      message_zh="隐私政策弹窗未提供拒绝选项(共弹出 {count} 次)",
      order=18)
def consent_ui_no_refusal(event: Consent, ctx: TimelineContext) -> bool:
    return event.action == "policy_shown" and (event.detail or {}).get("refusal") is False
