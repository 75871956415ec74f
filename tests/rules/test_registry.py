import pytest

from dynscan.findings import Severity
from dynscan.rules.registry import RegistryError, check_complete, load_all, rule

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
    rule("MY_RULE", severity=Severity.low, kinds={"api_call"}, message="m", registry=reg)(_f)
    assert reg["MY_RULE"].tier == "practice" and reg["MY_RULE"].references == ("GDPR Art. 6",)
    with pytest.raises(RegistryError, match="duplicate"):
        rule("MY_RULE", severity=Severity.low, kinds={"api_call"}, message="m", registry=reg)(_f)


@pytest.mark.parametrize("bad", ["", "lower_case", "1ABC"])
def test_missing_or_malformed_ids_are_rejected(bad):
    with pytest.raises(RegistryError, match="id"):
        rule(bad, severity=Severity.low, kinds={"api_call"}, message="m", registry={})(_f)


def test_undocumented_rule_is_rejected(monkeypatch):
    import sys

    monkeypatch.setattr(sys.modules[__name__], "__doc__", "No title line")
    with pytest.raises(RegistryError, match="docstring"):
        rule("UNDOCUMENTED", severity=Severity.low, kinds={"api_call"}, message="m", registry={})(_f)


def test_missing_rules_are_reported():
    specs = load_all()
    partial = {k: v for k, v in specs.items() if k != "SHAKE_TO_JUMP"}
    with pytest.raises(RegistryError, match="SHAKE_TO_JUMP"):
        check_complete(partial, specs)
