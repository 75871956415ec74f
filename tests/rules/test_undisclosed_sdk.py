from dynscan.policy.model import Policy, PolicySource
from dynscan.rules.config import Config
from dynscan.rules.engine import evaluate
from factories import Timeline, sdk_stack

R = "UNDISCLOSED_SDK"


def _findings(t, text):
    policy = None if text is None else Policy((PolicySource("policy.txt", text),))
    return [f for f in evaluate(t.events, Config(), policy=policy).findings if f.rule == R]


def _t():
    t = Timeline().accept().api("device_id", "imei", stack=sdk_stack("com.umeng.message.PushAgent"))
    return t.api("device_id", "imei", stack=sdk_stack("com.umeng.message.PushAgent")).api("location")


def test_fires_for_an_sdk_the_policy_does_not_name_quoting_the_names():
    (f,) = _findings(_t(), "第三方SDK: 极光推送, 用于消息推送。")
    assert f.actor == "sdk:umeng-push" and f.count == 2
    assert "友盟推送" in f.message and "umeng-push" in f.message and "policy.txt" in f.message


def test_quiet_when_named_by_any_part_for_app_code_and_without_policy():
    assert _findings(_t(), "第三方SDK: 友盟推送(友盟同欣(北京)科技有限公司)") == []
    assert _findings(_t(), "We use Umeng U-Push for notifications.") == []
    assert _findings(Timeline().accept().api("location"), "nothing") == []
    assert _findings(_t(), None) == []
    sensor = Timeline().api("sensor", stack=sdk_stack("com.umeng.message.PushAgent"))
    assert _findings(sensor, "nothing") == []
