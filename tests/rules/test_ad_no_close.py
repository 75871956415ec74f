from factories import Timeline

R = "AD_NO_CLOSE"


def test_fires_when_the_probe_found_no_close_control(run):
    (f,) = run(Timeline().user("tap", {"probe": "ad", "close_found": False}), R)
    assert f.count == 1 and "关闭" in f.message_zh


def test_quiet_with_a_close_control_or_for_other_taps(run):
    t = Timeline().user("tap", {"probe": "ad", "close_found": True}).user("tap", {"close_found": False})
    assert run(t.user("tap", {"probe": "ad"}), R) == []
