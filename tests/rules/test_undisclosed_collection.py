from dynscan.policy.model import Policy, PolicySource
from dynscan.rules.config import Config
from dynscan.rules.engine import evaluate
from factories import Timeline, sdk_stack

R = "UNDISCLOSED_COLLECTION"
POLICY = Policy((PolicySource("privacy dialog (policy.json)", "我们会收集您的设备信息(如IMEI)以保障账号安全。"),
                 PolicySource("policy.html", "We use your location to show nearby stores.")))


def _findings(t, policy=POLICY):
    return [f for f in evaluate(t.events, Config(), policy=policy).findings if f.rule == R]


def test_fires_for_types_the_policy_never_names_quoting_what_it_looked_for():
    t = Timeline().accept().api("app_list", "app_list").api("clipboard", "clipboard", stack=sdk_stack())
    t.flow("collect.adnet.test", "phone_number").api("app_list", "app_list")
    fs = {(f.actor, f.data_type): f for f in _findings(t)}
    assert set(fs) == {("app", "app_list"), ("sdk:umeng-analytics", "clipboard"), ("unknown", "phone_number")}
    assert fs[("app", "app_list")].count == 2
    msg = fs[("app", "app_list")].message
    assert "应用列表" in msg and "软件安装列表" in msg and "policy.json" in msg and "policy.html" in msg


def test_quiet_for_named_or_covered_types_and_without_any_policy():
    t = Timeline().api("device_id", "imei").api("device_id", "android_id").api("location", "location")
    t.flow("x.example.com", "oaid", "location").api("sensor", "accelerometer")
    assert _findings(t) == []  # 设备信息 covers android_id and oaid; sensors are not judged
    assert _findings(Timeline().api("app_list", "app_list"), None) == []  # NO_PRIVACY_POLICY's case


def test_wording_is_matched_loosely():
    p = Policy((PolicySource("p.txt", "我们可能读取您的 剪贴板 内容。 We read your ＣＬＩＰＢＯＡＲＤ."),))
    assert p.mentions(("剪切板", "剪贴板")) == "我们可能读取您的 剪贴板 内容"
    assert p.mentions(("clipboard",)) == "we read your clipboard"
    assert _findings(Timeline().api("clipboard", "clipboard"), p) == []
