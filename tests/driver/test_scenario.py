from __future__ import annotations

from pathlib import Path

import pytest

from dynscan.driver.scenario import BUILTIN_NAMES, Policy, load_scenario
from dynscan.errors import InputError


def test_builtin_default_walks_refusal_then_acceptance() -> None:
    s = load_scenario("default")
    policies = [st for st in s.steps if isinstance(st, Policy)]
    assert [p.answer for p in policies] == ["decline", "accept"]
    assert {"shake", "background", "relaunch", "permissions"} <= {st.do for st in s.steps}
    assert set(BUILTIN_NAMES) >= {"default", "quick"}


def test_scenario_from_yaml_file(tmp_path: Path) -> None:
    f = tmp_path / "mine.yaml"
    f.write_text("- do: launch\n- do: policy\n  answer: accept\n- do: shake\n  acceleration: 20\n")
    s = load_scenario(str(f))
    assert s.name == "mine" and [st.do for st in s.steps] == ["launch", "policy", "shake"]


@pytest.mark.parametrize(("text", "needle"), [
    ("- do: fly\n", "steps.0"),
    ("- do: policy\n  answer: maybe\n", "steps.0.policy.answer"),
    ("- do: wait\n  seconds: -1\n", "seconds"),
    ("[unclosed\n", "not a YAML scenario"),
])
def test_bad_scenarios_name_the_place(tmp_path: Path, text: str, needle: str) -> None:
    f = tmp_path / "bad.yaml"
    f.write_text(text)
    with pytest.raises(InputError, match=needle):
        load_scenario(str(f))


def test_unknown_name_lists_the_builtins() -> None:
    with pytest.raises(InputError, match="built-in: default"):
        load_scenario("nope")
