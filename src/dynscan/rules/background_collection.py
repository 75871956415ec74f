"""Collection in the background / 后台收集个人信息

English: A sensitive API call while the app was in the background (the latest ``app_state`` was
``background``). ``stopped``/``crashed`` and a fresh ``app_launch`` do not count as background.

中文: App 处于后台运行状态时, App 或 SDK 调用了收集个人信息的敏感接口。

References:
- 工信部信管函〔2020〕164号: 违规收集个人信息(在静默状态下或在后台运行时收集个人信息)
- 《App违法违规收集使用个人信息行为认定方法》四.1 收集的个人信息与现有业务功能无关
- GB/T 41391-2022 4 (不应在静默或后台状态下收集与业务无关的个人信息)
- GB/T 35273-2020 5.2
- GDPR Art. 5(1)(b)(c)

Evidence tier: official (no threshold)
"""

from __future__ import annotations

from dynscan.events.model import ApiCall
from dynscan.events.vocab import SENSITIVE_CATEGORIES
from dynscan.findings import Severity
from dynscan.rules.context import TimelineContext
from dynscan.rules.registry import rule


@rule("BACKGROUND_COLLECTION", severity=Severity.high, kinds={"api_call"},
      message="{actor} collected {what} {count} time(s) while the app was in the background",
      message_zh="{actor} 在 App 处于后台时收集了 {what},共 {count} 次",
      order=8)
def background_collection(event: ApiCall, ctx: TimelineContext) -> bool:
    return ctx.app_state == "background" and event.category in SENSITIVE_CATEGORIES
