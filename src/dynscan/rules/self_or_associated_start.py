"""Self-start or associated start / 自启动或关联启动其他应用

English: With no user action (tap, key, text, paste, or a shake meeting every threshold of ``shake``: a
deliberate one; answering a policy or permission dialog is none) within ``user_action_window_s`` seconds
before, the app (or an SDK inside it) started, bound, broadcast to, or queried the content provider of
another package (associated start: ``component_start`` whose ``target_package`` differs from the app's;
a ``query`` of a provider of the system's ``system_packages`` is not one), or arranged to start itself
later or in front of the user (self-start: an ``alarm``, ``job`` or ``work`` request, or
``startForegroundService``, whatever the target), or had one of its manifest receivers woken by a broadcast
while it was in the background (``receiver``). The run of an alarm, job or work request (``stage: run``) is
recorded, not counted again: its scheduling was judged. One finding per actor and start kind (``data_type``
holds the kind: ``startService``, ``alarm`` ...), each with its count. A shake counts from the end of
its motion. Without a known app package (no ``session_start``, no ``--package``) the rule stays silent.

中文: 在没有用户操作的情况下, App 或其 SDK 启动、绑定、唤醒其他应用的组件或查询其内容提供者(关联
启动), 或通过 AlarmManager、JobScheduler、WorkManager、前台服务安排自身启动, 或在后台时其静态广播接收器
被广播唤醒(自启动)。按启动方式分别计数; 定时任务的实际运行只记录, 不重复计数。
用户点击, 或同时达到加速度、角度、时长三项阈值的主动摇动(自摇动结束起计)之后的短时间内的启动不计。

References:
- 工信部信管函〔2020〕164号 二.(二) 场景1-2: APP频繁自启动和关联启动
- 工信部信管函〔2023〕26号: 启动运行场景合理, 不得自启动和关联启动其他APP
- 《App违法违规收集使用个人信息行为认定方法》五.3 App未经用户同意接入第三方应用
- GB/T 41391-2022 7 b) 不应在用户未主动操作时自启动或关联启动

Evidence tier: practice (the "just before" window is ours, default 3 s)
"""

from __future__ import annotations

from dynscan.events.model import ComponentStart
from dynscan.findings import Severity
from dynscan.rules.context import TimelineContext
from dynscan.rules.registry import Hit, rule

#: Start kinds that are a self-start whatever the target: the app arranges to run without the user.
SELF_START = frozenset({"alarm", "job", "work", "startForegroundService"})


@rule("SELF_OR_ASSOCIATED_START", severity=Severity.medium, kinds={"component_start"},
      message="{actor} started components of {subjects} {count} time(s) ({what}) with no user action just before",
      message_zh="{actor} 在没有用户操作的情况下启动 {subjects} 的组件({what}),共 {count} 次",
      order=13)
def self_or_associated_start(event: ComponentStart, ctx: TimelineContext) -> Hit | None:
    target = event.target_package
    if not ctx.package or not target:
        return None
    if event.stage == "run":
        return None
    if event.via == "receiver":
        if ctx.app_state != "background":
            return None
    elif target == ctx.package and event.via not in SELF_START:
        return None
    if event.via == "query" and ctx.is_system_package(target):
        return None
    if ctx.acted_on_feature_within(event.ts, ctx.config.user_action_window_s):
        return None
    return Hit(event, data_type=event.via, subject=target)
