"""Installed or running app list read / 读取应用安装列表

English: The list of installed or running apps was read (category ``app_list`` or data type
``app_list``/``running_apps``). Regulators treat the app list as personal information that
reveals interests and habits; it is rarely necessary for the service.

中文: App 或 SDK 读取了设备上已安装或正在运行的应用列表。

References:
- 工信部信管函〔2020〕164号: 违规收集个人信息(软件安装列表)
- 《App违法违规收集使用个人信息行为认定方法》四.1 收集的个人信息类型与现有业务功能无关
- GB/T 35273-2020 5.2 收集个人信息的最小必要
- GB/T 41391-2022 (常见服务类型的必要个人信息范围不含安装列表)

Evidence tier: official (no threshold)
"""

from __future__ import annotations

from dynscan.events.model import ApiCall
from dynscan.findings import Severity
from dynscan.rules.context import TimelineContext
from dynscan.rules.registry import Hit, rule

_TYPES = frozenset({"app_list", "running_apps"})


@rule("APP_LIST_COLLECTION", severity=Severity.medium, kinds={"api_call"},
      message="{actor} read the {what} {count} time(s)",
      message_zh="{actor} 读取了 {what},共 {count} 次",
      order=9)
def app_list_collection(event: ApiCall, ctx: TimelineContext) -> Hit | bool:
    if event.category == "app_list":
        return True
    if event.data_type in _TYPES:
        return Hit(event, category="app_list")
    return False
