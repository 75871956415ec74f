import importlib
import sys

import pytest

from dynscan.findings import Severity
from dynscan.rules.registry import RegistryError, load_all, rule
from factories import SCENE_RULE_IDS, V1_RULE_IDS, Timeline, app_stack

DOC_OK = """Title / 标题

English: text.

中文: 文字。

References:
- GDPR Art. 6

Evidence tier: practice (ours)
"""


def _f(event, ctx):
    return None


_f.__module__ = __name__


def test_duplicate_ids_are_rejected(monkeypatch):
    import sys

    monkeypatch.setattr(sys.modules[__name__], "__doc__", DOC_OK)
    reg: dict = {}
    rule("MY_RULE", severity=Severity.low, kinds={"api_call"}, message="m", message_zh="m", registry=reg)(_f)
    assert reg["MY_RULE"].tier == "practice" and reg["MY_RULE"].references == ("GDPR Art. 6",)
    with pytest.raises(RegistryError, match="duplicate"):
        rule("MY_RULE", severity=Severity.low, kinds={"api_call"}, message="m", message_zh="m", registry=reg)(_f)


@pytest.mark.parametrize("bad", ["", "lower_case", "1ABC"])
def test_missing_or_malformed_ids_are_rejected(bad):
    with pytest.raises(RegistryError, match="id"):
        rule(bad, severity=Severity.low, kinds={"api_call"}, message="m", message_zh="m", registry={})(_f)


def test_undocumented_rule_is_rejected(monkeypatch):
    import sys

    monkeypatch.setattr(sys.modules[__name__], "__doc__", "No title line")
    with pytest.raises(RegistryError, match="docstring"):
        rule("UNDOCUMENTED", severity=Severity.low, kinds={"api_call"}, message="m", message_zh="m", registry={})(_f)


def test_the_v1_rules_in_order_each_in_its_own_documented_module():
    specs = load_all()
    assert tuple(specs)[:len(V1_RULE_IDS)] == V1_RULE_IDS
    for rid in (*V1_RULE_IDS, *SCENE_RULE_IDS):
        assert specs[rid].func.__module__ == f"dynscan.rules.{rid.lower()}"
        assert importlib.import_module(specs[rid].func.__module__).__doc__


def test_a_taken_order_and_mismatched_chinese_placeholders_are_rejected(monkeypatch):
    import sys

    monkeypatch.setattr(sys.modules[__name__], "__doc__", DOC_OK)
    reg: dict = {}
    rule("ONE", severity=Severity.low, kinds={"api_call"}, message="m", message_zh="m", order=1, registry=reg)(_f)
    with pytest.raises(RegistryError, match="order 1 is taken"):
        rule("TWO", severity=Severity.low, kinds={"api_call"}, message="m", message_zh="m", order=1, registry=reg)(_f)
    with pytest.raises(RegistryError, match="placeholders"):
        rule("THREE", severity=Severity.low, kinds={"api_call"}, message="{actor} read {what}",
             message_zh="{actor} 读取", registry=reg)(_f)


NEW_RULE = '''"""Tea read / 读取茶

English: the app read the tea.

中文: 读取了茶。

References:
- GDPR Art. 5(1)(c)

Evidence tier: practice (a test rule)
"""

from dynscan.findings import Severity
from dynscan.rules.registry import rule


@rule("TEA_READ", severity=Severity.low, kinds={"api_call"}, message="{actor} read {what} {count} time(s)",
      message_zh="{actor} 读取了 {what},共 {count} 次")
def tea_read(event, ctx):
    return event.category == "clipboard"
'''


def test_a_new_rule_is_one_new_module(tmp_path, monkeypatch):
    """Dropped into the rules package, a module is in the catalog, the findings and the reports' catalog."""
    import dynscan.rules
    from dynscan.catalog import report_catalog
    from dynscan.rules import registry
    from dynscan.rules.config import Config
    from dynscan.rules.engine import all_rules, evaluate

    (tmp_path / "tea_read.py").write_text(NEW_RULE, encoding="utf-8")
    monkeypatch.setattr(registry, "_REGISTRY", dict(registry._REGISTRY))
    monkeypatch.setattr(dynscan.rules, "__path__", [*dynscan.rules.__path__, str(tmp_path)])
    monkeypatch.delitem(sys.modules, "dynscan.rules.tea_read", raising=False)
    try:
        ids = [s.id for s in all_rules()]
        assert ids[:len(V1_RULE_IDS)] == list(V1_RULE_IDS) and "TEA_READ" in ids  # after v1, by ID
        findings = evaluate(Timeline().api("clipboard", stack=app_stack()).events, Config()).findings
        tea = [f for f in findings if f.rule == "TEA_READ"]
        assert tea and tea[0].message_zh == "app 读取了 clipboard,共 1 次"
        assert report_catalog().rule("TEA_READ").title("zh") == "读取茶"
    finally:
        sys.modules.pop("dynscan.rules.tea_read", None)
