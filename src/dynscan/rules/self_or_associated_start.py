"""Self-start or associated start of another app / 自启动或关联启动其他应用

English: The app (or an SDK inside it) started, bound or broadcast to a component of another
package (``component_start`` whose ``target_package`` differs from the app's package) with no
user action (tap, key, text, paste, or a shake meeting every threshold of ``shake``: a deliberate
one) within ``user_action_window_s`` seconds before. A shake counts from the end of its motion
(its ``ts`` plus its ``duration``), which is when the app reacts to it. Without a known app
package (no ``session_start``, no ``--package``) the rule stays silent.

中文: 在没有用户操作的情况下, App 或其 SDK 启动、绑定或唤醒其他应用的组件(关联启动)。用户点击,
或同时达到加速度、角度、时长三项阈值的主动摇动(自摇动结束起计)之后的短时间内的启动不计。

References:
- 工信部信管函〔2020〕164号: APP频繁自启动和关联启动
- 工信部信管函〔2023〕26号: 启动运行场景合理, 不得自启动和关联启动其他APP
- 《App违法违规收集使用个人信息行为认定方法》五.3 App未经用户同意接入第三方应用

Evidence tier: practice (the "just before" window is ours, default 3 s)
"""

from __future__ import annotations

from dynscan.events.model import ComponentStart
from dynscan.findings import Severity
from dynscan.rules.context import TimelineContext
from dynscan.rules.registry import Hit, rule


@rule("SELF_OR_ASSOCIATED_START", severity=Severity.medium, kinds={"component_start"},
      message="{actor} started components of {subjects} {count} time(s) with no user action just before",
      message_zh="{actor} 在没有用户操作的情况下启动 {subjects} 的组件,共 {count} 次",
      order=13)
def self_or_associated_start(event: ComponentStart, ctx: TimelineContext) -> Hit | None:
    target = event.target_package
    if not ctx.package or not target or target == ctx.package:
        return None
    if ctx.user_acted_within(event.ts, ctx.config.user_action_window_s):
        return None
    return Hit(event, subject=target)
