"""Transmission before consent / 征得同意前传输个人信息

English: A network flow carrying personal data (non-empty ``pii``) was sent while consent was
``pending``. One hit per personal-data type in the flow; the destination hosts are listed.

中文: 在用户同意隐私政策之前, App 或 SDK 通过网络发送了包含个人信息的数据。

References:
- 《App违法违规收集使用个人信息行为认定方法》三.1; 五.1 未经同意向第三方提供个人信息
- 工信部信管函〔2020〕164号: 违规收集个人信息
- GB/T 35273-2020 5.4 收集个人信息时的授权同意
- 个人信息保护法 第十三条
- GDPR Art. 6(1)(a), Art. 7

Evidence tier: official (no threshold)
"""

from __future__ import annotations

from dynscan.events.model import Flow
from dynscan.findings import Severity
from dynscan.rules.context import TimelineContext
from dynscan.rules.flowhits import pii_hits
from dynscan.rules.registry import Hit, rule


@rule("PRE_CONSENT_TRANSMISSION", severity=Severity.critical, kinds={"flow"},
      message="{actor} sent {what} {count} time(s) before the user accepted the privacy policy (to {subjects})",
      message_zh="{actor} 在用户同意隐私政策前发送了 {what},共 {count} 次(发往 {subjects})",
      order=2)
def pre_consent_transmission(event: Flow, ctx: TimelineContext) -> list[Hit] | None:
    if ctx.consent == "pending" and event.pii:
        return pii_hits(event)
    return None
