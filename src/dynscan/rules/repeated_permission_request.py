"""Permission requested again after a denial / 用户拒绝后频繁申请权限

English: A ``permission_request`` includes a permission the user denied earlier (a
``permission_result`` with ``granted: false`` since the last ``app_reset``, and not granted since)
within the re-request window (``rerequest_window_s``, default 48 h).

中文: 用户拒绝授予某项权限后, App 在重新申请窗口期(默认 48 小时)内再次申请同一权限。

References:
- 《App违法违规收集使用个人信息行为认定方法》三.2 频繁征求用户同意、干扰用户正常使用
- 工信部信管函〔2020〕164号: APP强制、频繁、过度索取权限
- 工信部信管函〔2023〕26号《关于进一步提升移动互联网应用服务能力的通知》(拒绝后 48 小时内不得频繁申请)
- GB/T 35273-2020 5.3 多项业务功能的自主选择
- GB/T 41391-2022 4 (拒绝后 48 h 内不应再次申请)

Evidence tier: official (48 h as commonly cited from MIIT 26号文 and GB/T 41391-2022; check the current text)
"""

from __future__ import annotations

from dynscan.events.model import PermissionRequest
from dynscan.findings import Severity
from dynscan.rules.context import TimelineContext
from dynscan.rules.registry import Hit, rule
from dynscan.rules.vocab import permission_category


@rule("REPEATED_PERMISSION_REQUEST", severity=Severity.medium, kinds={"permission_request"},
      message="{actor} requested {subjects} again {count} time(s) within the re-request window after a denial",
      message_zh="{actor} 在用户拒绝后的重复申请窗口内再次申请 {subjects},共 {count} 次",
      order=5)
def repeated_permission_request(event: PermissionRequest, ctx: TimelineContext) -> list[Hit] | None:
    if not ctx.denied_at:
        return None
    window = ctx.config.rerequest_window_s
    hits = []
    for p in event.permissions:
        mark = ctx.denied_at.get(p)
        if mark is not None and event.ts - mark[0] <= window:
            hits.append(Hit(event, category=permission_category(p), subject=p, related=mark[1]))
    return hits or None
