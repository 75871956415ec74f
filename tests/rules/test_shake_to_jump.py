import pytest

from factories import Timeline

R = "SHAKE_TO_JUMP"


def _front() -> Timeline:
    """Consent given and the app's screen in front: where a shake can make it jump."""
    return Timeline().accept().state("foreground")


def test_fires_for_weak_shake_then_component_start(run):
    t = _front().shake().wait(1).start("com.example.app", component="com.example.app/.AdActivity")
    (f,) = run(t, R)
    assert f.evidence == ["e4", "e5"] and "AdActivity" in f.message


def test_fires_for_weak_shake_then_leaving_the_app(run):
    t = _front().shake().state("background")  # the agent's background: no cause, not the driver's
    assert run(t, R)[0].actor == "app"


def test_missing_detail_counts_as_weak(run):
    t = _front().user("shake").start("com.taobao.taobao")
    assert len(run(t, R)) == 1


def test_quiet_after_a_shake_meeting_every_threshold(run):
    t = _front().shake(acceleration=15, rotation=35, duration=3).start("com.taobao.taobao")
    assert run(t, R) == []


@pytest.mark.parametrize("short", [{"acceleration": 14}, {"rotation": 34}, {"duration": 2.5}])
def test_fires_when_any_one_threshold_is_missed(run, short):
    kw = {"acceleration": 30.0, "rotation": 60.0, "duration": 4.0, **short}
    t = _front().shake(**kw).start("com.taobao.taobao")
    assert len(run(t, R)) == 1
    assert run(t, R, shake={"weak_when": "all"}) == []  # the lenient reading


def test_quiet_when_late_interrupted_driver_or_consumed(run):
    t = _front().shake().wait(6).start("com.taobao.taobao")
    t.shake().user("tap").start("com.taobao.taobao")
    t.shake().state("background", "driver")
    t.state("foreground").wait(10).shake().start("com.a.b").start("com.c.d")  # one shake explains one jump
    fs = run(t, R)
    assert len(fs) == 1 and fs[0].count == 1


def test_the_window_runs_from_the_end_of_the_shake(run):
    t = _front().shake(duration=2.5).wait(7).start("com.taobao.taobao")  # 4.5 s after the motion ended
    assert len(run(t, R)) == 1
    assert run(_front().shake(duration=0.5).wait(6).start("com.taobao.taobao"), R) == []


def test_quiet_when_the_app_was_not_in_front_at_the_shake(run):
    assert run(Timeline().accept().shake().start("com.taobao.taobao"), R) == []  # never shown
    t = _front().state("background", "driver").shake().start("com.taobao.taobao")
    assert run(t, R) == []
    t = _front().state("stopped", "app").shake().state("background")  # quit before the shake
    assert run(t, R) == []
    t = _front().launch().shake().start("com.taobao.taobao")  # relaunched, not yet in front
    assert run(t, R) == []


def test_quiet_when_the_app_is_gone_before_the_jump(run):
    t = _front().shake().state("stopped", "app").start("com.taobao.taobao")
    assert run(t, R) == []
    t = _front().shake().state("crashed", "app").state("background")
    assert run(t, R) == []


def test_quiet_for_what_is_no_jump_or_not_the_apps_doing(run):
    t = _front().shake().start("com.taobao.taobao", via="startService")  # nothing came to the front
    t.start("com.taobao.taobao", via="sendBroadcast")
    assert run(t, R) == []
    assert run(_front().shake().state("background", "system"), R) == []
    assert run(_front().shake().start("com.taobao.taobao", source="driver"), R) == []


def test_a_service_start_does_not_use_up_the_shake(run):
    t = _front().shake().start("com.umeng.push", via="bindService").start("com.taobao.taobao")
    (f,) = run(t, R)
    assert "com.taobao.taobao" in f.message


def test_thresholds_are_configurable(run):
    t = _front().shake(acceleration=12, rotation=40, duration=4).start("com.taobao.taobao")
    assert run(t, R, shake={"acceleration": 10}) == []
    assert len(run(t, R)) == 1
