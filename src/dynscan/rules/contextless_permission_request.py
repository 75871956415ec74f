"""Permission requested with no context / 无使用场景申请权限

English: After the user accepted the privacy policy, a runtime permission was requested with no user
action (a tap, key, text, paste or deliberate shake, not the answer to the policy or to another permission
dialog) within ``permission_context_window_s`` seconds before: asked at launch, or for a feature not in
use. Tapping through the app's own explanation of the permission (a rationale) is context. Before consent,
``PRE_CONSENT_PERMISSION_REQUEST`` judges it instead. One hit per permission.

中文: 用户同意隐私政策后, 在用户没有触发相关功能(点击、输入等, 不含对隐私政策或其他权限弹窗的应答)
的情况下申请权限, 如启动即申请、或申请与当前功能无关的权限。

References:
- 工信部信管函〔2020〕164号 一.(三) 场景7: APP未见使用权限对应的相关产品或服务时, 提前申请权限
- 《App违法违规收集使用个人信息行为认定方法》三.5 未见使用权限对应的相关功能时, 提前申请打开权限
- GB/T 41391-2022 6.1 b) 应在用户使用相关业务功能时申请权限
- GB/T 35273-2020 5.3 收集个人信息的最小必要

Evidence tier: practice (the window is ours, default 5 s: the app's button, its rationale, the request)
"""

from __future__ import annotations

from dynscan.events.model import PermissionRequest
from dynscan.findings import Severity
from dynscan.rules.context import TimelineContext
from dynscan.rules.registry import Hit, rule
from dynscan.rules.vocab import permission_category


@rule("CONTEXTLESS_PERMISSION_REQUEST", severity=Severity.medium, kinds={"permission_request"},
      message="{actor} requested {subjects} ({count} request(s)) with no user action that needs it just before",
      message_zh="{actor} 在用户未触发相关功能时申请了 {subjects}(共 {count} 次申请)",
      order=21)
def contextless_permission_request(event: PermissionRequest, ctx: TimelineContext) -> list[Hit] | None:
    if ctx.consent != "given" or not event.permissions:
        return None
    if ctx.acted_on_feature_within(event.ts, ctx.config.permission_context_window_s):
        return None
    return [Hit(event, category=permission_category(p), subject=p) for p in event.permissions]
