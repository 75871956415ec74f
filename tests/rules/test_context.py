import pytest

from dynscan.attribution import SdkDb
from dynscan.rules.config import Config
from dynscan.rules.context import TimelineContext
from factories import Timeline


@pytest.fixture
def ctx():
    return TimelineContext(Config(), SdkDb.load(), "com.example.app")


@pytest.mark.parametrize(("detail", "weak"), [
    (None, True), ({}, True), ({"acceleration": 14.9, "rotation": 34.9, "duration": 2.9}, True),
    ({"acceleration": 15}, True), ({"acceleration": 15, "rotation": 35.0}, True),
    ({"acceleration": 15, "rotation": 35.0, "duration": 3}, False),
    ({"acceleration": 40, "rotation": 90, "duration": 2.9}, True),
    ({"acceleration": "15"}, True),  # not a number: unknown strength, counts as 0
])
def test_weak_shake(ctx, detail, weak):
    assert ctx.is_weak_shake(detail) is weak


@pytest.mark.parametrize(("detail", "weak"), [
    ({"acceleration": 14.9, "rotation": 34.9, "duration": 2.9}, True), ({"acceleration": 15}, False),
    ({"duration": 3}, False), ({}, True),
])
def test_weak_shake_when_short_of_all(detail, weak):
    ctx = TimelineContext(Config.model_validate({"shake": {"weak_when": "all"}}), SdkDb.load(), "com.example.app")
    assert ctx.is_weak_shake(detail) is weak


def test_frequency_window_slides(ctx):
    limit = ctx.config.frequency.limit("imei")
    hits = [ctx.over_frequency("app", "imei", t * 1.0) for t in range(limit + 1)]
    assert hits == [False] * limit + [True]
    assert ctx.over_frequency("app", "imei", 1000.0) is False  # the old reads left the window
    assert ctx.over_frequency("sdk:x", "imei", 1000.0) is False


def test_consent_state_machine(ctx):
    t = Timeline(package=None).decline().accept().consent("policy_withdrawn")
    states = []
    for ev in t.events:
        ctx.on_consent(ev)
        states.append(ctx.consent)
    assert states == ["refused", "given", "refused"]
    ctx.on_app_reset(t.events[0])
    assert ctx.consent == "pending" and ctx.decline is None


def test_first_party_hosts_come_from_the_one_classifier(ctx):
    ctx.destinations.add_session(None, ["example.com"])
    assert ctx.destinations.classify("api.example.com").party == "first"
    assert ctx.destinations.classify("EXAMPLE.com.").party == "first"
    assert ctx.destinations.classify("badexample.com").party == "unknown"
