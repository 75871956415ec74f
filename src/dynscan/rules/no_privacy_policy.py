"""Personal data collected with no privacy policy / 无隐私政策即收集个人信息

English: The app collected personal data (a sensitive ``api_call`` or a ``flow`` carrying personal data)
while no privacy dialog was seen in the whole timeline (no ``dialog policy``, no ``consent`` event) and no
policy text was given (no ``policy.json`` in the session, no ``--policy``). One finding, on the first
collection, counting every collection. Judged once the whole timeline is read.

中文: 整个测试过程中未出现隐私政策弹窗, 也未提供隐私政策文本, 但 App 收集了个人信息。

References:
- 工信部信管函〔2020〕164号 一.(二) 未公开收集使用规则
- 《App违法违规收集使用个人信息行为认定方法》一.1 在App中没有隐私政策, 或者隐私政策中没有收集使用个人信息规则
- GB/T 41391-2022 4 c) 应具有隐私政策
- GB/T 35273-2020 5.5 个人信息保护政策

Evidence tier: official (the run shows only what it exercised: check the app's settings page by hand)
"""

from __future__ import annotations

from dynscan.findings import Severity
from dynscan.rules.context import TimelineContext
from dynscan.rules.registry import Hit, rule


@rule("NO_PRIVACY_POLICY", severity=Severity.high, kinds={"timeline_end"},
      message="{actor} collected personal data ({count} time(s)) but no privacy policy was seen or given",
      message_zh="{actor} 收集个人信息(共 {count} 次), 但未见隐私政策弹窗, 也未提供隐私政策",
      order=20)
def no_privacy_policy(event: object, ctx: TimelineContext) -> Hit | None:
    first = ctx.first_collection
    if first is None or ctx.policy_seen or ctx.policy is not None:
        return None
    return Hit(_At(*first), actor=ctx.first_collection_actor, times=ctx.collections)


class _At:
    """A remembered event's time and id, as a hit's event."""

    __slots__ = ("id", "ts")

    def __init__(self, ts: float, id: str | None) -> None:
        self.ts = ts
        self.id = id
