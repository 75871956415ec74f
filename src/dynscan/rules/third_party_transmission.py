"""Personal data sent to a third party / 向第三方传输个人信息

English: A flow carrying personal data went to a third-party destination: a host the SDK data
knows, or one an SDK's code opened the connection to (``net_request``), and that is not first party
(``first_party_domains``, the package name). The session's one destination classifier decides
(``dynscan.attribution.destination``); a host of unknown party is ``UNKNOWN_PARTY_TRANSMISSION``
(info), not this rule. The actor is the code that opened the connection, else ``sdk:<id>``. Disclosure to third parties
needs the user's separate consent and must be listed in the privacy policy's SDK list; review the
finding against that list.

中文: 包含个人信息的网络请求被发送到第三方(如嵌入 SDK 的服务器)。向第三方提供个人信息需告知并取得单独同意。

References:
- 《App违法违规收集使用个人信息行为认定方法》五.1 通过客户端嵌入的第三方代码、插件等方式向第三方提供个人信息
- 工信部信管函〔2020〕164号: 违规使用个人信息(私自共享给第三方)
- GB/T 35273-2020 9.2 个人信息共享、转让; 9.7 第三方接入管理
- 个人信息保护法 第二十三条
- GDPR Art. 6, Art. 13(1)(e), Art. 28

Evidence tier: official (no threshold)
"""

from __future__ import annotations

from dynscan.events.model import Flow
from dynscan.findings import Severity
from dynscan.rules.context import TimelineContext
from dynscan.rules.flowhits import pii_hits
from dynscan.rules.registry import Hit, rule


@rule("THIRD_PARTY_TRANSMISSION", severity=Severity.medium, kinds={"flow"},
      message="{actor} sent {what} to third-party host(s) {subjects} ({count} time(s))",
      message_zh="{actor} 向第三方主机 {subjects} 发送了 {what},共 {count} 次",
      order=12)
def third_party_transmission(event: Flow, ctx: TimelineContext) -> list[Hit] | None:
    if event.pii and ctx.flow_party == "third":
        return pii_hits(event)
    return None
