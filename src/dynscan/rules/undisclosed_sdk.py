"""SDK at work that the privacy policy does not name / 隐私政策未声明的第三方SDK

English: A known SDK (actor ``sdk:<id>``, from the signature data) collected personal data (a sensitive
``api_call``) or sent traffic (a ``flow``), and none of the policy texts available (``policy.json``,
``--policy`` files) names it: neither its name, the name's parts (``Umeng U-Push (友盟推送)``: also
"友盟推送"), its vendor nor its id. The finding quotes the names looked for and where. Silent without any
policy text (``NO_PRIVACY_POLICY`` judges that) and for code that is not a known SDK.

中文: 已识别的第三方 SDK 收集个人信息或向外发送数据, 但可获得的隐私政策文本中没有出现其名称、
厂商或标识。发现中列出所查找的名称及查找范围。

References:
- 工信部信管函〔2020〕164号 一.(三) 未明示第三方SDK收集使用个人信息的目的、方式和范围
- 《App违法违规收集使用个人信息行为认定方法》五.1 未经同意向第三方提供个人信息 / 二.1 未逐一列出
- GB/T 41391-2022 5.2 e) 应列明接入的第三方SDK名称及收集的个人信息
- GB/T 35273-2020 9.7 第三方接入管理

Evidence tier: practice (the signature data's names decide; read the quoted policy by hand)
"""

from __future__ import annotations

import re
from typing import Any

from dynscan.events.vocab import SENSITIVE_CATEGORIES
from dynscan.findings import Severity
from dynscan.rules.context import TimelineContext
from dynscan.rules.registry import Hit, rule

_PARENS = re.compile(r"[(（]([^)）]*)[)）]")


@rule("UNDISCLOSED_SDK", severity=Severity.medium, kinds={"api_call", "flow"},
      message="{actor} is at work ({count} event(s)) but the privacy policy does not name it: {subjects}",
      message_zh="{actor} 在运行(共 {count} 个事件), 但隐私政策未声明该 SDK: {subjects}",
      order=24)
def undisclosed_sdk(event: Any, ctx: TimelineContext) -> Hit | None:
    policy, actor = ctx.policy, ctx.actor
    if policy is None or not actor.startswith("sdk:"):
        return None
    if event.kind == "api_call" and event.category not in SENSITIVE_CATEGORIES:
        return None
    terms = sdk_terms(ctx, actor[4:])
    if policy.mentions(terms) is not None:
        return None
    shown = "」「".join(terms[:6])
    return Hit(event, category="", data_type="", subject=f"none of 「{shown}」 in {policy.names}")


def sdk_terms(ctx: TimelineContext, sdk_id: str) -> tuple[str, ...]:
    """Every name a policy may give the SDK: its name and the parts of it, its vendor, its id."""
    info = ctx.sdk_db.sdk(sdk_id)
    out: list[str] = []
    for full in (info.name, info.vendor) if info is not None else ():
        if full:
            out += [full, _PARENS.sub("", full).strip(), *(p.strip() for p in _PARENS.findall(full))]
    head = sdk_id.split("-", 1)[0]
    out += [sdk_id, head if len(head) >= 4 else sdk_id]
    return tuple(t for t in dict.fromkeys(out) if len(t) >= 2)
