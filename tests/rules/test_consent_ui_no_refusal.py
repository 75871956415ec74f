from factories import Timeline

R = "CONSENT_UI_NO_REFUSAL"


def test_fires_once_per_dialog_with_no_refusal(run):
    t = Timeline().shown(refusal=False).accept().reset().shown(refusal=False)
    (f,) = run(t, R)
    assert f.count == 2 and f.severity.value == "high"
    assert "拒绝" in f.message_zh


def test_quiet_with_a_refusal_or_when_the_driver_did_not_say(run):
    assert run(Timeline().shown(refusal=True).accept().shown(refusal=None), R) == []
