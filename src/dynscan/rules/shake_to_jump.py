"""Jump triggered by a weak shake / 高灵敏度"摇一摇"触发跳转

English: After a ``user_action`` ``shake`` short of any of the thresholds (acceleration below
``shake.acceleration`` 15 m/s², rotation below ``shake.rotation`` 35° or duration below
``shake.duration`` 3 s: a jump must need all three; ``shake.weak_when = "all"`` only counts shakes
short of every one; a missing value counts as 0 because nothing shows the shake was strong),
the app jumped within ``shake.jump_window_s`` seconds of the shake's end (its ``ts`` plus its
``duration``): the app started an activity (``component_start`` ``via: startActivity``, its own
page or another app's) or left the foreground itself (``app_state`` ``background`` whose ``cause``
is neither ``driver`` nor ``system``). Only a shake made while the app was in the foreground counts
(the latest ``app_state`` before it is ``foreground``): an app in the background, stopped or not yet
shown cannot be shaken into a jump. The shake lapses when another user action follows, when the
app leaves the foreground or stops before jumping, or at a relaunch; a driver's event is never the
jump. One shake explains at most one jump.

中文: 用户晃动手机未同时达到加速度 15 m/s²、转动角度 35°、持续时间 3 s 三项阈值(任一项不足即为
轻微晃动; 可配置为三项均不足)后,
App 跳转到其他页面、应用或链接(高灵敏度"摇一摇"误触发)。仅计摇动时 App 在前台、且随后由 App 自身
引起的跳转(启动 Activity 或自行退到后台); 测试工具的操作、摇动前已退出的 App 均不计。

References:
- 工信部信管函〔2023〕26号《关于进一步提升移动互联网应用服务能力的通知》: 不得利用高灵敏度"摇一摇"诱导用户操作
- 工信部信管函〔2020〕164号: 欺骗误导用户

Evidence tier: official (15 m/s², 35°, 3 s as commonly cited from MIIT's 2023 shake guidance)
"""

from __future__ import annotations

from dynscan.events.model import AppState, ComponentStart
from dynscan.findings import Severity
from dynscan.rules.context import TimelineContext
from dynscan.rules.registry import Hit, rule


@rule("SHAKE_TO_JUMP", severity=Severity.medium, kinds={"component_start", "app_state"},
      message="{actor} jumped to {subjects} after a weak shake ({count} time(s))",
      message_zh="{actor} 在轻微摇动后跳转到 {subjects}(共 {count} 次)",
      order=14)
def shake_to_jump(event: ComponentStart | AppState, ctx: TimelineContext) -> Hit | None:
    if event.source == "driver" or ctx.app_state != "foreground":
        return None
    shake = ctx.recent_weak_shake(event.ts)
    if shake is None:
        return None
    if isinstance(event, AppState):
        if event.state != "background" or event.cause in ("driver", "system"):
            return None
        return Hit(event, subject="(left the app)", related=shake[1])
    if event.via != "startActivity":
        return None
    return Hit(event, subject=event.component or event.uri or event.target_package, related=shake[1])
