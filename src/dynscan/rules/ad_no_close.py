"""Ad with no way to close it / 广告无关闭按钮

English: The driver's ad probe found a splash or pop-up ad (a ``user_action tap`` with ``detail.probe:
ad``) on which no close control (跳过, 关闭, ×, "Skip", "Close", a close icon or a skip countdown) could be
found while the ad showed, up to the probe's ``close_wait`` (``detail.close_found: false``).

中文: 驱动的广告探测发现开屏或弹窗广告, 在其展示期间(至探测的等待时间为止)未找到任何关闭控件
(跳过、关闭、×、关闭图标或跳过倒计时)。

References:
- 工信部信管〔2023〕26号 二.(二) 开屏和弹窗信息: 应提供清晰有效的关闭按钮, 不得无法关闭或关闭按钮难以找到
- 工信部信管函〔2020〕164号 三.(一) 欺骗误导用户

Evidence tier: practice (what "findable" means is the driver's reading: check the saved ui/*.xml)
"""

from __future__ import annotations

from dynscan.events.model import UserAction
from dynscan.findings import Severity
from dynscan.rules.context import TimelineContext
from dynscan.rules.registry import rule


@rule("AD_NO_CLOSE", severity=Severity.medium, kinds={"user_action"},
      message="an ad showed with no close control the driver could find ({count} time(s))",
      message_zh="广告展示时未找到关闭控件(共 {count} 次)",
      order=26)
def ad_no_close(event: UserAction, ctx: TimelineContext) -> bool:
    d = event.detail or {}
    return event.action == "tap" and d.get("probe") == "ad" and d.get("close_found") is False
