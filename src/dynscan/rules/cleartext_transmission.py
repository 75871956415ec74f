"""Personal data sent in cleartext / 明文传输个人信息

English: A flow carrying personal data used ``http`` or ``ws`` (no TLS). One hit per
personal-data type; the hosts are listed.

中文: App 或 SDK 通过未加密的 HTTP 或 WebSocket 明文传输个人信息。

References:
- GB/T 35273-2020 6.3 个人敏感信息的传输和存储(应采用加密等安全措施)
- 个人信息保护法 第五十一条
- GB/T 41391-2022 (传输个人信息应采取加密等安全措施)
- GDPR Art. 32(1)(a)

Evidence tier: standard (no threshold)
"""

from __future__ import annotations

from dynscan.events.model import Flow
from dynscan.findings import Severity
from dynscan.rules.context import TimelineContext
from dynscan.rules.flowhits import pii_hits
from dynscan.rules.registry import Hit, rule

_CLEAR = frozenset({"http", "ws"})


@rule("CLEARTEXT_TRANSMISSION", severity=Severity.high, kinds={"flow"},
      message="{actor} sent {what} in cleartext {count} time(s) (to {subjects})",
      message_zh="{actor} 以明文发送了 {what},共 {count} 次(发往 {subjects})",
      order=11)
def cleartext_transmission(event: Flow, ctx: TimelineContext) -> list[Hit] | None:
    if event.pii and event.scheme in _CLEAR:
        return pii_hits(event)
    return None
