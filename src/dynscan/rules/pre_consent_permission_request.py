"""Permission request before consent / 征得同意前申请权限

English: A runtime permission was requested while consent was ``pending``: the permission
dialog appeared before the user accepted the privacy policy. One hit per requested permission.

中文: 在用户同意隐私政策之前, App 申请打开可收集个人信息的权限。

References:
- 《App违法违规收集使用个人信息行为认定方法》三.1 征得用户同意前就……打开可收集个人信息的权限
- 工信部信管函〔2020〕164号: APP强制、频繁、过度索取权限
- GB/T 35273-2020 5.4 收集个人信息时的授权同意
- 个人信息保护法 第十四条

Evidence tier: official (no threshold)
"""

from __future__ import annotations

from dynscan.events.model import PermissionRequest
from dynscan.findings import Severity
from dynscan.rules.context import TimelineContext
from dynscan.rules.registry import Hit, rule
from dynscan.rules.vocab import permission_category


@rule("PRE_CONSENT_PERMISSION_REQUEST", severity=Severity.high, kinds={"permission_request"},
      message="{actor} requested {subjects} ({count} request(s)) before the user accepted the privacy policy",
      message_zh="{actor} 在用户同意隐私政策前申请了 {subjects}(共 {count} 次申请)",
      order=3)
def pre_consent_permission_request(event: PermissionRequest, ctx: TimelineContext) -> list[Hit] | None:
    if ctx.consent != "pending" or not event.permissions:
        return None
    return [Hit(event, category=permission_category(p), subject=p) for p in event.permissions]
