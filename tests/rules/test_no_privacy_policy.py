from dynscan.policy.model import Policy, PolicySource
from dynscan.rules.config import Config
from dynscan.rules.engine import evaluate
from factories import Timeline, sdk_stack

R = "NO_PRIVACY_POLICY"


def _findings(t, policy=None):
    return [f for f in evaluate(t.events, Config(), policy=policy).findings if f.rule == R]


def test_fires_once_on_the_first_collection_counting_all():
    t = Timeline().api("device_id", "imei", stack=sdk_stack()).api("sensor").flow("x.example.com", "imei")
    t.api("location")
    (f,) = _findings(t)
    assert f.count == 3  # the sensor read is not personal data
    assert f.evidence == ["e2"] and f.actor == "sdk:umeng-analytics"
    assert "no privacy policy" in f.message


def test_quiet_when_a_policy_was_seen_given_or_nothing_collected():
    assert _findings(Timeline().api("location").dialog("policy")) == []
    assert _findings(Timeline().api("location").wait(5).shown().accept()) == []
    assert _findings(Timeline().api("location"), Policy((PolicySource("p.txt", "我们收集位置信息"),))) == []
    assert _findings(Timeline().api("sensor").flow("x.example.com")) == []
