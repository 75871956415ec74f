"""Personal data sent to a host of unknown party / 向归属不明的主机传输个人信息

English: A flow carrying personal data went to a host whose party is not known: no first-party
domain or package name matches it, the SDK data does not know it, and no SDK's code was seen
opening the connection (nor only the app's own code, which would make it a learned first-party
host). It is **not** reported as a third party; review where the host belongs. The destination
classifier (``dynscan.attribution.destination``) decides the party for every part of dynscan.

中文: 包含个人信息的网络请求被发送到归属不明的主机(既非第一方域名,也不在 SDK 数据中,
且未见 SDK 代码发起连接)。不作为第三方传输报告,请人工确认该主机的归属。

References:
- 《App违法违规收集使用个人信息行为认定方法》五.1
- GB/T 35273-2020 9.2 个人信息共享、转让

Evidence tier: practice (the party could not be established; informational)
"""

from __future__ import annotations

from dynscan.events.model import Flow
from dynscan.findings import Severity
from dynscan.rules.context import TimelineContext
from dynscan.rules.flowhits import pii_hits
from dynscan.rules.registry import Hit, rule


@rule("UNKNOWN_PARTY_TRANSMISSION", severity=Severity.info, kinds={"flow"},
      message="{actor} sent {what} to host(s) of unknown party {subjects} ({count} time(s))",
      message_zh="{actor} 向归属不明的主机 {subjects} 发送了 {what},共 {count} 次",
      order=17)
def unknown_party_transmission(event: Flow, ctx: TimelineContext) -> list[Hit] | None:
    if event.pii and ctx.flow_party == "unknown":
        return pii_hits(event)
    return None
