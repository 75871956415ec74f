"""App exits after a permission denial / 拒绝授权后退出应用

English: The app stopped itself or closed its last screen within ``exit_window_s`` seconds
(default 5) after a denied ``permission_result``: an ``app_state`` ``stopped`` or ``crashed``
whose ``cause`` is not ``driver``, or ``background`` with ``cause: app``. One exit has one cause:
when the policy was declined after the denial, EXIT_AFTER_DECLINE reports it. In a driven session the
system's instant denial (no dialog: a permission refused twice) of a request that was pending while the
driver declined the policy is no later refusal than that decline, whichever landed first.

中文: 用户拒绝授予权限后, App 在数秒内自行退出或关闭。

References:
- 工信部信管函〔2020〕164号: APP强制、频繁、过度索取权限(用户拒绝相关授权申请后, 应用自动退出或关闭)
- 《App违法违规收集使用个人信息行为认定方法》四.2 因用户不同意……打开非必要权限, 拒绝提供业务功能
- 个人信息保护法 第十六条
- GB/T 35273-2020 5.3

Evidence tier: practice (the exit window is ours, default 5 s)
"""

from __future__ import annotations

from dynscan.events.model import AppState
from dynscan.findings import Severity
from dynscan.rules.context import TimelineContext
from dynscan.rules.registry import Hit, rule


@rule("EXIT_AFTER_PERMISSION_DENIAL", severity=Severity.high, kinds={"app_state"},
      message="the app exited {count} time(s) within seconds of the user denying {subjects}",
      message_zh="用户拒绝授予 {subjects} 后数秒内 App 退出,共 {count} 次",
      order=16)
def exit_after_permission_denial(event: AppState, ctx: TimelineContext) -> Hit | None:
    d = ctx.last_denial
    if d is None or not ctx.exits(event):
        return None
    if not 0 <= event.ts - d[0] <= ctx.config.exit_window_s:
        return None
    if ctx.refused_after(d[0]):  # one exit, one cause: the latest refusal
        return None
    return Hit(event, subject=ctx.last_denied_permission, related=d[1])
