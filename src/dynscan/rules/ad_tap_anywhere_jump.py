"""Ad that jumps wherever it is tapped / 广告点击任意位置即跳转

English: The driver's ad probe tapped a splash or pop-up ad once on a neutral spot, away from every
labelled control (a ``user_action tap`` with ``detail.probe: ad``), and within ``ad_jump_window_s``
seconds the app jumped: it started an activity (another page, app or URL) or left the foreground by itself
(not the driver, not the system). The whole surface of the ad is a link, not only its declared button.

中文: 驱动在开屏或弹窗广告上远离所有文字和按钮的空白处点击一次, 随后 App 立即跳转到其他页面、应用
或网址(启动 Activity, 或自行离开前台): 广告的任意位置都可触发跳转, 而非仅限其标明的按钮。

References:
- 工信部信管〔2023〕26号 二.(二) 开屏和弹窗信息: 不得出现点击跳转或关闭区域过大、误触即跳转等问题
- 工信部信管函〔2020〕164号 三.(一) 欺骗误导用户下载APP / 欺骗误导用户
- GB/T 41391-2022 7 c) 不应以欺骗、误导方式诱导用户点击

Evidence tier: practice (the neutral spot and the window are ours, default 3 s)
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from dynscan.events.model import AppState, ComponentStart
from dynscan.findings import Severity
from dynscan.rules.context import TimelineContext
from dynscan.rules.registry import Hit, rule


@rule("AD_TAP_ANYWHERE_JUMP", severity=Severity.medium, kinds={"component_start", "app_state"},
      message="{actor} jumped to {subjects} after a tap on a neutral spot of an ad ({count} time(s))",
      message_zh="{actor} 在广告空白处被点击后跳转到 {subjects}(共 {count} 次)",
      order=25)
def ad_tap_anywhere_jump(event: ComponentStart | AppState, ctx: TimelineContext) -> Hit | None:
    if event.source == "driver":
        return None
    tap = ctx.recent_ad_tap(event.ts)
    if tap is None:
        return None
    if isinstance(event, AppState):
        if event.state != "background" or event.cause in ("driver", "system"):
            return None
        return Hit(event, subject="(left the app)", related=tap[1])
    if event.via != "startActivity":
        return None
    return Hit(event, subject=event.component or _where(event), related=tap[1])


def _where(event: ComponentStart) -> str:
    """The target package, or for an implicit intent the URI's host (app-controlled: letters, digits, dots)."""
    if event.target_package != "(implicit)" or not event.uri:
        return event.target_package
    host = urlsplit(event.uri).hostname or ""
    return re.sub(r"[^A-Za-z0-9.-]", "_", host)[:80] or event.target_package
