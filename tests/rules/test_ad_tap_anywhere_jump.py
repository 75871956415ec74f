from factories import Timeline

R = "AD_TAP_ANYWHERE_JUMP"
AD_TAP = {"probe": "ad", "close_found": True}


def _front():
    return Timeline().accept().launch().state("foreground")


def test_fires_for_a_jump_right_after_the_neutral_tap(run):
    t = _front().user("tap", AD_TAP, source="driver").wait(0.5).start("(implicit)", uri="https://ad.example/x")
    (f,) = run(t, R)
    assert f.count == 1 and f.evidence[0] == "e5"  # the tap first, then the jump
    t = _front().user("tap", AD_TAP, source="driver").wait(1).state("background", cause="app")
    assert "(left the app)" in run(t, R)[0].message


def test_quiet_without_a_probe_tap_after_the_window_or_for_a_driver_exit(run):
    assert run(_front().user("tap").start("com.other.app"), R) == []
    assert run(_front().user("tap", AD_TAP).wait(3.5).start("com.other.app"), R) == []
    assert run(_front().user("tap", AD_TAP).wait(1).state("background", cause="driver"), R) == []
    assert run(_front().user("tap", AD_TAP).user("tap").start("com.other.app"), R) == []  # a real tap came between
    assert run(_front().user("tap", AD_TAP).start("com.other.app", via="startService"), R) == []


def test_the_apps_own_echo_of_the_tap_keeps_it_pending(run):
    t = _front().user("tap", AD_TAP, source="driver").user("tap", {"view": "android.widget.FrameLayout"},
                                                           source="agent")
    t.start("(implicit)", uri="https://ad.example/x").state("background")
    (f,) = run(t, R)
    assert f.count == 1  # the activity start; leaving the foreground after it is the same jump
