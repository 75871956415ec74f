"""Data collected that the privacy policy does not mention / 收集隐私政策未声明的个人信息

English: The app (or an SDK) collected a data type (a sensitive ``api_call``, or a ``flow`` carrying it)
that none of the policy texts available names: the privacy dialog the driver saved (``policy.json``) and
the files given with ``--policy``. A data type counts as named when the policy uses its wording or a wider
term covering it (``dynscan.policy.terms``: 设备信息 / 设备标识符 / IMEI, 位置信息, 应用列表 / 软件安装列表,
剪切板, 通讯录 ...). The finding quotes the words looked for and where. With no policy text at all the rule
is silent (``NO_PRIVACY_POLICY`` judges that); a dialog's summary names less than the full policy, so give
the full one with ``--policy`` before trusting a hit.

中文: App 或其 SDK 收集的个人信息类型, 在可获得的隐私政策文本(驱动保存的隐私弹窗 policy.json 及
--policy 指定的文件)中没有任何对应表述。发现中列出所查找的词语及查找范围。

References:
- 工信部信管函〔2020〕164号 一.(三) 未明示收集使用个人信息的目的、方式和范围
- 《App违法违规收集使用个人信息行为认定方法》二.1 未逐一列出App收集使用个人信息的目的、方式、范围
- GB/T 41391-2022 5.2 隐私政策应逐一列出收集的个人信息类型
- GB/T 35273-2020 5.5 个人信息保护政策

Evidence tier: practice (a word list decides what "names" means; read the quoted policy by hand)
"""

from __future__ import annotations

from typing import Any

from dynscan.events.vocab import SENSITIVE_CATEGORIES
from dynscan.findings import Severity
from dynscan.policy.terms import CATEGORY_TERMS, DATA_TYPE_CATEGORY, terms_for
from dynscan.rules.context import TimelineContext
from dynscan.rules.registry import Hit, rule

SHOWN_TERMS = 6


@rule("UNDISCLOSED_COLLECTION", severity=Severity.medium, kinds={"api_call", "flow"},
      message="{actor} collected {what} ({count} time(s)) that the privacy policy does not mention: {subjects}",
      message_zh="{actor} 收集了隐私政策未声明的 {what}(共 {count} 次): {subjects}",
      order=23)
def undisclosed_collection(event: Any, ctx: TimelineContext) -> list[Hit] | None:
    policy = ctx.policy
    if policy is None:
        return None
    if event.kind == "api_call":
        wanted = [(event.category, event.data_type)] if event.category in SENSITIVE_CATEGORIES else []
    else:
        wanted = [(_category(p.type), p.type) for p in event.pii]
    hits = []
    for category, data_type in wanted:
        terms = terms_for(data_type, category)
        if terms and policy.mentions(terms) is None:
            shown = "」「".join(terms[:SHOWN_TERMS])
            hits.append(Hit(event, category=category, data_type=data_type,
                            subject=f"none of 「{shown}」 in {policy.names}"))
    return hits or None


def _category(data_type: str) -> str | None:
    return DATA_TYPE_CATEGORY.get(data_type) or (data_type if data_type in CATEGORY_TERMS else None)
