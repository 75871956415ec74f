"""Data accessed after its permission was denied / 拒绝授权后仍访问对应数据

English: After the user denied a runtime permission (and no other permission guarding the same
data was granted since the last ``app_reset``), an ``api_call`` read data of a category that
permission guards, e.g. location after ``ACCESS_FINE_LOCATION`` and ``ACCESS_COARSE_LOCATION``
were denied, or device identifiers after ``READ_PHONE_STATE`` was denied. Identifiers no runtime
permission guards (``android_id``, ``mac``, ``adid``, ``oaid``: ``UNGUARDED_DATA_TYPES``) do not count.

中文: 用户拒绝授予某项权限后, App 或 SDK 仍调用该权限所保护类别的接口获取数据(可能通过缓存、旁路或其他途径)。

References:
- 《App违法违规收集使用个人信息行为认定方法》三.2 用户明确表示不同意后, 仍收集个人信息; 三.3 超出用户授权范围
- 工信部信管函〔2020〕164号: 违规收集个人信息
- GB/T 35273-2020 5.4
- 个人信息保护法 第十四条
- GDPR Art. 5(1)(a), Art. 6

Evidence tier: official (no threshold; the permission → category map is ours, see dynscan.rules.vocab)
"""

from __future__ import annotations

from dynscan.events.model import ApiCall
from dynscan.findings import Severity
from dynscan.rules.context import TimelineContext
from dynscan.rules.registry import Hit, rule
from dynscan.rules.vocab import UNGUARDED_DATA_TYPES


@rule("ACCESS_AFTER_PERMISSION_DENIAL", severity=Severity.high, kinds={"api_call"},
      message="{actor} read {what} {count} time(s) after the permission guarding it was denied",
      message_zh="{actor} 在对应权限被拒绝后仍读取 {what},共 {count} 次",
      order=6)
def access_after_permission_denial(event: ApiCall, ctx: TimelineContext) -> Hit | None:
    if not ctx.blocked:
        return None
    mark = ctx.blocked.get(event.category)
    if mark is not None and event.data_type not in UNGUARDED_DATA_TYPES:
        return Hit(event, related=mark[1])
    return None
