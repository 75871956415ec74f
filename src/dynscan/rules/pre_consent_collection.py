"""Collection before consent / 征得同意前收集个人信息

English: A sensitive API (any category but ``sensor``) was called while consent was still
``pending``: after the session start or an ``app_reset`` and before the user accepted the privacy
policy. SDKs initialised in ``Application.onCreate`` are the usual cause.

中文: 在用户同意隐私政策之前(会话开始或清除数据后, 同意状态为 pending),
App 或其嵌入的 SDK 调用了收集个人信息的敏感接口。

References:
- 《App违法违规收集使用个人信息行为认定方法》三.1 征得用户同意前就开始收集个人信息
- 工信部信管函〔2020〕164号: 违规收集个人信息
- GB/T 35273-2020 5.4 收集个人信息时的授权同意
- 个人信息保护法 第十三条、第十四条
- GDPR Art. 6(1)(a), Art. 7; ePrivacy Directive Art. 5(3)

Evidence tier: official (no threshold: any sensitive call before consent counts)
"""

from __future__ import annotations

from dynscan.events.model import ApiCall
from dynscan.events.vocab import SENSITIVE_CATEGORIES
from dynscan.findings import Severity
from dynscan.rules.context import TimelineContext
from dynscan.rules.registry import rule


@rule("PRE_CONSENT_COLLECTION", severity=Severity.critical, kinds={"api_call"},
      message="{actor} collected {what} {count} time(s) before the user accepted the privacy policy",
      message_zh="{actor} 在用户同意隐私政策前收集了 {what},共 {count} 次",
      order=1)
def pre_consent_collection(event: ApiCall, ctx: TimelineContext) -> bool:
    return ctx.consent == "pending" and event.category in SENSITIVE_CATEGORIES
