from __future__ import annotations

from pathlib import Path

import pytest

from dynscan.driver.phase_specs import DEFAULT_PHASES, FirstLaunch, Grant
from dynscan.driver.scenario import BUILTIN_NAMES, Scenario, load_scenario
from dynscan.errors import InputError


def test_builtin_default_is_the_six_phases_with_the_issue_s_waits() -> None:
    s = load_scenario("default")
    assert [p.name for p in s.phases] == list(DEFAULT_PHASES) and not s.steps
    first, _decline, _deny, grant, _shake, _ad = s.phases
    assert isinstance(first, FirstLaunch) and first.idle == 10
    assert isinstance(grant, Grant) and (grant.foreground, grant.background) == (10, 30)
    quick = load_scenario("quick")
    assert [p.name for p in quick.phases] == list(DEFAULT_PHASES)  # the same phases, short waits
    assert isinstance(quick.phases[3], Grant) and quick.phases[3].background < grant.background
    assert set(BUILTIN_NAMES) >= {"default", "quick"}


def test_time_scale_from_the_file_or_the_caller(tmp_path: Path) -> None:
    f = tmp_path / "fast.yaml"
    f.write_text("name: fast\ntime_scale: 0.1\nphases: default\n")
    s = load_scenario(str(f))
    assert s.time_scale == 0.1 and [p.name for p in s.phases] == list(DEFAULT_PHASES)
    assert load_scenario(str(f), time_scale=0.5).time_scale == 0.5
    assert load_scenario("quick", time_scale=0.2).time_scale == 0.2


def test_phases_and_waits_from_yaml(tmp_path: Path) -> None:
    f = tmp_path / "mine.yaml"
    f.write_text("name: mine\nphases:\n  - phase: first_launch\n    idle: 2\n  - phase: grant\n    background: 60\n"
                 "  - phase: steps\n    name: login\n    clear_data: true\n    steps:\n      - do: launch\n"
                 "      - do: tap\n        text: Log in\n")
    s = load_scenario(str(f))
    assert [p.name for p in s.phases] == ["first_launch", "grant", "login"]
    assert isinstance(s.phases[1], Grant) and s.phases[1].background == 60 and s.phases[1].foreground == 10


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
    ("[]\n", "the scenario has no `phases` and no `steps`"),
    ("phases:\n  - phase: grant\n    background: -3\n", "phases.0.grant.background"),
    ("phases:\n  - phase: sleep\n", "phases.0"),
    ("phases:\n  - phase: grant\n  - phase: grant\n", "phase names repeat"),
    ("phases:\n  - phase: steps\n    name: Bad Name\n    steps: [{do: launch}]\n", "name"),
    ("phases: [{phase: deny}]\nsteps: [{do: launch}]\n", "not both"),
    ("- do: wait\n- do: stop\n", "never starts the app: add a `launch` step"),
    ("- do: launch\n- do: tap\n", "a tap needs `text` or `resource_id`"),
])
def test_bad_scenarios_name_the_place(tmp_path: Path, text: str, needle: str) -> None:
    f = tmp_path / "bad.yaml"
    f.write_text(text)
    with pytest.raises(InputError, match=needle):
        load_scenario(str(f))


def test_unknown_name_lists_the_builtins() -> None:
    with pytest.raises(InputError, match="built-in: default"):
        load_scenario("nope")


class _FakeApp:
    package = "com.x"

    def __init__(self) -> None:
        self.calls: list[str] = []

    def launch(self) -> None:
        self.calls.append("launch")

    def is_running(self) -> bool:
        return True

    def stop(self) -> None:
        self.calls.append("stop")

    def clear(self) -> None:
        self.calls.append("clear")


class _NoDialogDevice:
    """A screen that never shows a dialog."""

    def dump_ui(self) -> str:
        return ('<?xml version="1.0" encoding="UTF-8"?><hierarchy rotation="0"><node index="0" text="home" '
                'resource-id="" class="android.widget.TextView" package="com.x" bounds="[0,0][10,10]"/></hierarchy>')


def test_a_policy_that_never_shows_is_said_and_can_clear_the_data() -> None:
    from dynscan.driver.runner import ScenarioRunner

    events: list[dict[str, object]] = []
    notes: list[str] = []
    app = _FakeApp()
    runner = ScenarioRunner(_NoDialogDevice(), app, events.append, notes.append)  # type: ignore[arg-type]
    runner.run(_scenario(["launch", {"do": "policy", "answer": "decline", "timeout": 0},
                                   {"do": "policy", "answer": "accept", "timeout": 0, "if_missing": "clear_data"},
                                   {"do": "permissions", "answer": "allow", "seconds": 0}]))
    assert "policy: no privacy-policy dialog within 0 s; nothing answered" in notes
    assert "policy: no privacy-policy dialog within 0 s; clearing the app's data so that it asks again" in notes
    assert "policy: still no privacy-policy dialog after clearing the data; nothing answered" in notes
    assert "permissions: no dialog within 0 s; later ones will be answered 'allow'" in notes
    assert app.calls == ["launch", "stop", "clear", "launch"]
    assert [e["kind"] for e in events] == ["app_launch", "app_state", "app_reset", "app_launch"]
    assert not [e for e in events if e["kind"] == "consent"]  # nothing was shown, nothing is recorded


def _scenario(steps: list[object]) -> Scenario:
    return Scenario.model_validate({"name": "t", "steps": [{"do": s} if isinstance(s, str) else s for s in steps]})


def test_the_documented_example_is_a_valid_scenario(tmp_path: Path) -> None:
    doc = (Path(__file__).resolve().parents[2] / "docs" / "scenarios.md").read_text(encoding="utf-8")
    phased, steps = (part.split("```", 1)[0] for part in doc.split("```yaml\n")[1:3])
    f = tmp_path / "example.yaml"
    f.write_text(steps)
    s = load_scenario(str(f))
    assert s.name == "grant-everything" and s.steps[0].do == "launch" and len(s.steps) == 8
    f.write_text(phased)
    s = load_scenario(str(f))
    assert s.name == "long-background" and [p.name for p in s.phases] == ["first_launch", "grant", "login"]
