"""Clipboard read without a user paste / 无用户粘贴操作时读取剪贴板

English: The clipboard was read (category ``clipboard``; writes such as ``setPrimaryClip`` and
``clearPrimaryClip`` are ignored) with no user ``paste`` or ``tap`` within
``user_action_window_s`` seconds before.

中文: 用户未进行粘贴或点击操作时, App 或 SDK 读取了剪贴板内容。

References:
- 《App违法违规收集使用个人信息行为认定方法》四.1 收集的个人信息类型与现有业务功能无关
- 工信部信管函〔2020〕164号: 违规收集个人信息
- GB/T 35273-2020 5.2 收集个人信息的最小必要
- GDPR Art. 5(1)(c)

Evidence tier: practice (the "just before" window is ours, default 3 s)
"""

from __future__ import annotations

from dynscan.events.model import ApiCall
from dynscan.findings import Severity
from dynscan.rules.context import TimelineContext
from dynscan.rules.registry import rule


@rule("CLIPBOARD_READ", severity=Severity.medium, kinds={"api_call"},
      message="{actor} read the clipboard {count} time(s) with no paste or tap just before",
      message_zh="{actor} 在没有粘贴或点击的情况下读取剪贴板,共 {count} 次",
      order=10)
def clipboard_read(event: ApiCall, ctx: TimelineContext) -> bool:
    if event.category != "clipboard":
        return False
    method = event.api.rsplit(".", 1)[-1]
    if method.startswith(("set", "clear", "add", "remove")):
        return False
    return not ctx.pasted_or_tapped_within(event.ts, ctx.config.user_action_window_s)
