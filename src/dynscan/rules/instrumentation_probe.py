"""The app looked for Frida / 应用检测了 Frida 等插桩工具

English: The app checked whether it is being instrumented, in a way only Frida explains: it opened or
looked up a file whose path names Frida (``frida-server``, ``re.frida.server``, ``frida-agent``,
``frida-gadget``, ``linjector``) or connected to Frida's port (27042/27043) — the agent sees these in
libc (``instrumentation_probe``, ``probe``: ``frida_file`` / ``frida_port``), from Java and native code
alike (MSA's ``libmsaoaidsec.so`` does this before it hands out an OAID). An app that finds Frida may hide
what it would otherwise do, or exit: what this run saw may be less than what the app does on a user's
phone. Not a violation; a note for the reader, ``info``. Reading ``/proc/self/maps`` or thread names
(``proc_maps``, ``thread_names``) is also what crash reporters do, so those alone do not fire this rule;
the report's ``coverage.instrumentation_probes`` lists every probe seen.

中文: 应用检测了自身是否被插桩: 打开或查询路径中含 Frida 的文件(frida-server、re.frida.server、
frida-agent、frida-gadget、linjector),或连接 Frida 端口 27042/27043。检测到 Frida 的应用可能隐藏
行为或退出, 本次检测结果可能少于应用在用户手机上的实际行为。非违规, 仅提示。

References:
- OWASP MASTG: MASTG-TEST-0051 / Testing Reverse Engineering Tools Detection (MSTG-RESILIENCE-4)
- GB/T 41391-2022 检测方法 (the test must observe the app's real behaviour)

Evidence tier: practice (a coverage limit of the test, not a violation)
"""

from __future__ import annotations

from dynscan.events.model import InstrumentationProbe
from dynscan.findings import Severity
from dynscan.rules.context import TimelineContext
from dynscan.rules.registry import Hit, rule

#: Probes only Frida explains (the others are also what crash reporters do).
FRIDA_PROBES = frozenset({"frida_file", "frida_port"})


@rule("INSTRUMENTATION_PROBE", severity=Severity.info, kinds={"instrumentation_probe"},
      message="the app looked for Frida ({subjects}): results may be partial ({count} check(s))",
      message_zh="应用检测了 Frida 插桩({subjects}): 检测结果可能不完整(共 {count} 次)")
def instrumentation_probe(event: InstrumentationProbe, ctx: TimelineContext) -> Hit | None:
    if event.probe not in FRIDA_PROBES:
        return None
    where = f" from {event.module}" if event.module else ""
    return Hit(event, category="system_info", data_type=event.probe, subject=f"{event.target}{where}")
