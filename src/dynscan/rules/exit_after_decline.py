"""App exits after the user declines the policy / 用户拒绝隐私政策后退出应用

English: The app stopped itself within ``exit_window_s`` seconds (default 5) after
``policy_declined``: an ``app_state`` ``stopped`` or ``crashed`` whose ``cause`` is not
``driver``, or ``background`` with ``cause: app`` (it finished its last screen). Refusing the
service because the user did not consent to optional processing is not allowed. One exit has one
cause: when a permission denial came after the decline, EXIT_AFTER_PERMISSION_DENIAL reports it.

中文: 用户拒绝隐私政策后, App 在数秒内自行退出或关闭(以不同意为由拒绝提供产品或服务)。

References:
- 《App违法违规收集使用个人信息行为认定方法》四.2 因用户不同意收集非必要个人信息……拒绝提供业务功能
- 个人信息保护法 第十六条 不得以个人不同意处理其个人信息为由拒绝提供产品或者服务
- GB/T 35273-2020 5.3 多项业务功能的自主选择
- GDPR Art. 7(4)

Evidence tier: practice (the exit window is ours, default 5 s)
"""

from __future__ import annotations

from dynscan.events.model import AppState
from dynscan.findings import Severity
from dynscan.rules.context import TimelineContext
from dynscan.rules.registry import Hit, rule


@rule("EXIT_AFTER_DECLINE", severity=Severity.high, kinds={"app_state"},
      message="the app exited {count} time(s) within seconds of the user declining the privacy policy",
      message_zh="用户拒绝隐私政策后数秒内 App 退出,共 {count} 次",
      order=15)
def exit_after_decline(event: AppState, ctx: TimelineContext) -> Hit | None:
    d = ctx.decline
    if d is None or not ctx.exits(event):
        return None
    if not 0 <= event.ts - d[0] <= ctx.config.exit_window_s:
        return None
    if ctx.refused_after(d[0]):  # one exit, one cause: the latest refusal
        return None
    return Hit(event, subject=event.state, related=d[1])
