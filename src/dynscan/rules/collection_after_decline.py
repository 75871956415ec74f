"""Collection after the user declined / 用户拒绝后仍收集个人信息

English: A sensitive API call or a flow carrying personal data happened while consent was
``refused`` (after ``policy_declined`` or ``policy_withdrawn`` and before a new
``policy_accepted``).

中文: 用户明确表示不同意(或撤回同意)隐私政策后, App 或 SDK 仍收集或发送个人信息。

References:
- 《App违法违规收集使用个人信息行为认定方法》三.2 用户明确表示不同意后, 仍收集个人信息
- 工信部信管函〔2020〕164号: 违规收集个人信息
- GB/T 35273-2020 5.4; 8.4 个人信息主体撤回同意
- 个人信息保护法 第十五条
- GDPR Art. 7(3)

Evidence tier: official (no threshold)
"""

from __future__ import annotations

from dynscan.events.model import ApiCall, Flow
from dynscan.events.vocab import SENSITIVE_CATEGORIES
from dynscan.findings import Severity
from dynscan.rules.context import TimelineContext
from dynscan.rules.flowhits import pii_hits
from dynscan.rules.registry import HitResult, rule


@rule("COLLECTION_AFTER_DECLINE", severity=Severity.critical, kinds={"api_call", "flow"},
      message="{actor} collected or sent {what} {count} time(s) after the user declined the privacy policy",
      message_zh="{actor} 在用户拒绝隐私政策后仍收集或发送 {what},共 {count} 次",
      order=4)
def collection_after_decline(event: ApiCall | Flow, ctx: TimelineContext) -> HitResult:
    if ctx.consent != "refused":
        return None
    if isinstance(event, ApiCall):
        return event.category in SENSITIVE_CATEGORIES
    return pii_hits(event) if event.pii else None
