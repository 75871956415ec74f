"""Personal data to an ad-tech vendor without TCF consent / 未经 TCF 同意向广告技术供应商发送个人信息

English: With ``jurisdiction = "eu"`` (``--jurisdiction eu``), a flow carrying personal data to a
third party before the app's consent management platform stored a TC string
(``IABTCF_TCString``, recorded from SharedPreferences as ``tcf_signal`` events), or to a vendor of
the IAB Global Vendor List (known by host) whose consent, or the consent to purpose 1 ("store
and/or access information on a device"), is absent from the TC string. Vendors the host table does
not know are judged only before a TC string exists. One hit per personal-data type; the hosts and
the reason are listed.

中文: 在欧盟管辖(``--jurisdiction eu``)下,App 的同意管理平台写入 TC 字符串之前即向第三方发送个人
信息,或向 TC 字符串中未获同意(供应商同意或目的 1 同意缺失)的 IAB 全球供应商列表中的供应商发送个人信息。

References:
- GDPR Art. 6(1)(a) (consent as the lawful basis) and Art. 7 (conditions for consent)
- ePrivacy Directive 2002/58/EC Art. 5(3) (storing or reading information on the device)
- IAB Europe Transparency & Consent Framework v2.2: Policies (2023), TC String and In-App (IABTCF_) specifications
- CJEU C-604/22 IAB Europe (2024): the TC string is personal data; consent signals bind vendors

Evidence tier: standard (the TCF signals are the app's own; vendor hosts from the built-in table)
"""

from __future__ import annotations

from dynscan.events.model import Flow
from dynscan.findings import Severity
from dynscan.rules.context import TimelineContext
from dynscan.rules.registry import Hit, rule
from dynscan.rules.tcf import vendor_for_host
from dynscan.rules.vocab import DATA_TYPE_CATEGORY


@rule("TCF_NO_CONSENT", severity=Severity.high, kinds={"flow"},
      message="{actor} sent {what} {count} time(s) without TCF consent ({subjects})",
      message_zh="{actor} 未经 TCF 同意发送了 {what},共 {count} 次({subjects})")
def tcf_no_consent(event: Flow, ctx: TimelineContext) -> list[Hit] | None:
    if ctx.config.jurisdiction != "eu" or not event.pii:
        return None
    vendor = vendor_for_host(event.host, ctx.config.tcf_vendors)
    if ctx.tcf.tc_string is None:
        if vendor is None and ctx.flow_party != "third":
            return None
        why = "no TC string yet"
    elif vendor is None:
        return None
    else:
        missing = ctx.tcf.missing_consent(vendor)
        if missing is None:
            return None
        why = missing
    subject = f"{event.host}: {why}"
    types = list(dict.fromkeys(p.type for p in event.pii))
    return [Hit(event, category=DATA_TYPE_CATEGORY.get(t), data_type=t, subject=subject) for t in types]
