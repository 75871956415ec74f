"""The runner answers dialogs as read_screen reads them, and keeps the privacy dialog as policy.json."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from dynscan.driver.runner import ScenarioRunner
from dynscan.driver.scenario import Scenario

SCREENS = Path(__file__).parent / "screens"


class _App:
    package = "com.example.app"

    def launch(self) -> None: ...
    def is_running(self) -> bool:
        return True
    def stop(self) -> None: ...
    def clear(self) -> None: ...


class _Phone:
    """Shows fixture screens in turn: each tap moves to the next one (the last one stays)."""

    def __init__(self, *names: str) -> None:
        self.screens = [(SCREENS / f"{n}.xml").read_text(encoding="utf-8") for n in names]
        self.taps: list[tuple[int, int]] = []

    def dump_ui(self) -> str:
        return self.screens[min(len(self.taps), len(self.screens) - 1)]

    def tap(self, x: int, y: int) -> None:
        self.taps.append((x, y))


def _run(phone: _Phone, steps: list[dict[str, Any]], tmp_path: Path) -> list[dict[str, Any]]:
    events: list[dict[str, Any]] = []
    ui = tmp_path / "ui"
    ui.mkdir(parents=True)
    runner = ScenarioRunner(phone, _App(), events.append, ui_dir=ui)  # type: ignore[arg-type]
    runner.run(Scenario.model_validate({"name": "t", "steps": [{"do": "launch"}, *steps]}))
    return events


def test_accept_ticks_the_consent_box_first_and_saves_the_policy(tmp_path: Path) -> None:
    phone = _Phone("chinese_links", "two_step_browse")
    events = _run(phone, [{"do": "policy", "answer": "accept", "timeout": 2}], tmp_path)
    assert phone.taps == [(540, 1380), (888, 1580)]  # the box, then 同意
    taps = [e["target"] for e in events if e["kind"] == "user_action"]
    assert taps == ["我已阅读并同意《用户协议》《隐私政策》", "同意"]
    assert [e["action"] for e in events if e["kind"] == "consent"] == ["policy_shown", "policy_accepted"]
    assert events[[e["kind"] for e in events].index("consent")]["detail"] == {"refusal": True, "preselected": False}
    saved = json.loads((tmp_path / "policy.json").read_text(encoding="utf-8"))
    assert saved["schema"] == "dynscan.policy/1" and saved["package"] == "com.example.bank"
    assert saved["links"] == ["用户协议", "隐私政策"] and saved["accept"] == "同意" and saved["decline"] == "不同意"
    assert saved["text"].startswith("用户协议与隐私政策\n请您在使用前仔细阅读")


def test_policy_shown_records_a_box_ticked_in_advance_and_a_missing_refusal(tmp_path: Path) -> None:
    phone = _Phone("policy_preticked", "two_step_browse")
    events = _run(phone, [{"do": "policy", "answer": "accept", "timeout": 2}], tmp_path)
    assert [e["target"] for e in events if e["kind"] == "user_action"] == ["同意"]  # nothing to tick
    shown = [e for e in events if e.get("action") == "policy_shown"]
    assert [e["detail"] for e in shown] == [{"refusal": True, "preselected": True}]
    phone = _Phone("policy_acknowledge_only", "two_step_browse")
    events = _run(phone, [{"do": "policy", "answer": "accept", "timeout": 2}], tmp_path / "ack")
    shown = [e for e in events if e.get("action") == "policy_shown"]
    assert [e["detail"] for e in shown] == [{"refusal": False, "preselected": False}]


def test_a_second_step_is_followed_through_to_the_refusal(tmp_path: Path) -> None:
    phone = _Phone("custom_layouts", "two_step_still", "two_step_browse", "permission_notice")
    events = _run(phone, [{"do": "policy", "answer": "decline", "timeout": 2},
                          {"do": "wait", "seconds": 1}], tmp_path)
    assert [e["target"] for e in events if e["kind"] == "user_action"] == ["不同意", "仍不同意", "仅浏览"]
    assert json.loads((tmp_path / "policy.json").read_text(encoding="utf-8"))["links"] == ["用户服务协议", "隐私政策"]


def test_a_rationale_is_tapped_through_only_to_allow_and_is_no_consent(tmp_path: Path) -> None:
    phone = _Phone("rationale_over_policy_words", "legacy_location_list", "permission_notice")
    events = _run(phone, [{"do": "permissions", "answer": "allow", "seconds": 1}], tmp_path)
    assert [e["target"] for e in events if e["kind"] == "user_action"] == [
        "去开启", "Allow only while using the app"]
    assert not [e for e in events if e["kind"] == "consent"]
    assert not (tmp_path / "policy.json").exists()

    denying = _Phone("rationale_over_policy_words")
    events = _run(denying, [{"do": "permissions", "answer": "deny", "seconds": 0.3}], tmp_path / "x")
    assert denying.taps == []


def test_a_sign_in_page_is_never_answered(tmp_path: Path) -> None:
    phone = _Phone("login_continue_facebook")
    events = _run(phone, [{"do": "policy", "answer": "accept", "timeout": 0.5}], tmp_path)
    assert phone.taps == [] and not [e for e in events if e["kind"] == "consent"]
