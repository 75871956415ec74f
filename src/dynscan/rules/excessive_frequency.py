"""Excessive collection frequency / 超频次收集个人信息

English: One actor read one data type (``data_type``, else the category) more often than the
configured rate: more than ``frequency.max[type]`` (else ``frequency.default_max``) sensitive
reads in a sliding window of ``frequency.window_s`` seconds, or more than
``frequency.max_per_hour[type]`` (else ``frequency.default_max_per_hour``) reads actually seen within
one hour (a reader every 30 s stays under the per-minute limit). Each read beyond a limit is a hit.
Device identifiers should be read once and cached, so their default limits are low. The report's
per-hour view (``stats.collection_per_hour``) extrapolates a short run's rates to an hour and says so;
this rule never judges the extrapolation.

中文: 同一调用方在滑动时间窗内(默认 60 秒), 或在一小时内实际观察到的, 对同一类个人信息的读取次数超过
配置的上限(收集频度超出业务功能实际需要)。报告中的"每小时收集频次"表按观察时长推算每小时频次并注明为
推算值; 本规则只判断实际观察到的读取。

References:
- 《App违法违规收集使用个人信息行为认定方法》四.4 收集个人信息的频度等超出业务功能实际需要
- 工信部信管函〔2020〕164号: 违规收集个人信息(超频次收集)
- GB/T 35273-2020 5.2 收集个人信息的最小必要
- GB/T 41391-2022 4 (收集频率应与业务功能需要一致)
- GDPR Art. 5(1)(c)

Evidence tier: practice (the limits are testing practice, not a published number: tune them in dynscan.toml)
"""

from __future__ import annotations

from dynscan.events.model import ApiCall
from dynscan.events.vocab import SENSITIVE_CATEGORIES
from dynscan.findings import Severity
from dynscan.rules.context import TimelineContext
from dynscan.rules.registry import Hit, rule


@rule("EXCESSIVE_FREQUENCY", severity=Severity.medium, kinds={"api_call"},
      message="{actor} read {what} {count} time(s) beyond its configured rate",
      message_zh="{actor} 读取 {what} 超出配置的频率,超出 {count} 次",
      order=7)
def excessive_frequency(event: ApiCall, ctx: TimelineContext) -> Hit | bool:
    if event.category not in SENSITIVE_CATEGORIES:
        return False
    data_type = event.data_type
    if data_type:
        return ctx.over_frequency(ctx.actor, data_type, event.ts)
    if ctx.over_frequency(ctx.actor, event.category, event.ts):
        return Hit(event, data_type=event.category)
    return False
