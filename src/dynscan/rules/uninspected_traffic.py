"""Traffic that was never inspected / 未经检查的网络流量

English: The app or an SDK opened a connection (``net_connect``: ``Socket.connect``,
``SocketChannel.connect``, ``DatagramSocket.send``) to a non-loopback host whose traffic never
showed up at the proxy: it ignored the system proxy (raw sockets, ``Proxy.NO_PROXY``, Flutter's
HTTP client, its own DNS), or the device refused it (``blocked``). Also a host whose TLS the proxy
could not decrypt (``tls_failed``: certificate pinning) and whose plaintext the TLS hooks did not
hand over. Nothing this session sent there was checked for personal data: the report says so
rather than suggest the host received none. Severity ``info``; ``medium`` when an SDK opened the
connection. The hosts are listed in the report's ``stats.uninspected_hosts`` too. Connections to
loopback addresses (the proxy itself, local IPC) never leave the device and are ignored.

中文: App 或 SDK 建立的网络连接未经过代理(绕过系统代理的原生 Socket、``Proxy.NO_PROXY``、
Flutter 客户端、自建 DNS),或被设备拦截;或代理因证书固定无法解密、TLS 钩子也未取得明文的主机。
这些流量中是否含有个人信息未能检查。由 SDK 建立的连接为中危,其余为提示。

References:
- 《App违法违规收集使用个人信息行为认定方法》(检测需覆盖 App 的全部数据传输)
- GB/T 41391-2022 (移动互联网应用程序收集个人信息基本要求) 检测方法
- OWASP MASTG: MASTG-TEST-0021 / Testing Endpoint Identity Verification; bypassing the proxy
- GDPR Art. 5(2) (accountability: what was not observed cannot be shown compliant)

Evidence tier: practice (a coverage gap of the test, not a violation in itself)
"""

from __future__ import annotations

from typing import Any

from dynscan.findings import Severity
from dynscan.rules.context import TimelineContext
from dynscan.rules.registry import END, Hit, rule


@rule("UNINSPECTED_TRAFFIC", severity=Severity.info, kinds={"net_connect", "tls_failed", END},
      message="{actor} exchanged traffic the proxy never inspected with {subjects} ({count} connection(s))",
      message_zh="{actor} 与 {subjects} 之间的流量未经代理检查(共 {count} 个连接)")
def uninspected_traffic(event: Any, ctx: TimelineContext) -> list[Hit] | None:
    """Decided at the end: a connection is inspected once a flow to its host follows it (the
    timeline state is kept by :class:`TimelineContext`, so ``stats`` lists the hosts even when this
    rule is disabled)."""
    if event is not None:
        return None
    hits: list[Hit] = []
    for host, pending in sorted(ctx.pending_connects.items()):
        for _, actor, ev in pending:
            how = " blocked" if getattr(ev, "blocked", None) else ""
            hits.append(Hit(ev, category="network_info", subject=f"{host}:{ev.port}{how}",
                            actor=actor, severity=_severity(actor)))
    for host in ctx.uninspected_hosts():
        if host in ctx.pending_connects:
            continue
        ev, actor = ctx.undecrypted_events[host]
        hits.append(Hit(ev, category="network_info", subject=f"{host} (TLS not decrypted)",
                        actor=actor, severity=_severity(actor)))
    return hits


def _severity(actor: str) -> Severity | None:
    return Severity.medium if actor.startswith("sdk:") else None
