import pytest

from factories import Timeline

R = "SHAKE_TO_JUMP"


def test_fires_for_weak_shake_then_component_start(run):
    t = Timeline().accept().shake().wait(1).start("com.example.app", component="com.example.app/.AdActivity")
    (f,) = run(t, R)
    assert f.evidence == ["e3", "e4"] and "AdActivity" in f.message


def test_fires_for_weak_shake_then_leaving_the_app(run):
    t = Timeline().accept().shake().state("background", "app")
    assert run(t, R)[0].actor == "app"


def test_missing_detail_counts_as_weak(run):
    t = Timeline().accept().user("shake").start("com.taobao.taobao")
    assert len(run(t, R)) == 1


def test_quiet_after_a_shake_meeting_every_threshold(run):
    t = Timeline().accept().shake(acceleration=15, rotation=35, duration=3).start("com.taobao.taobao")
    assert run(t, R) == []


@pytest.mark.parametrize("short", [{"acceleration": 14}, {"rotation": 34}, {"duration": 2.5}])
def test_fires_when_any_one_threshold_is_missed(run, short):
    kw = {"acceleration": 30.0, "rotation": 60.0, "duration": 4.0, **short}
    t = Timeline().accept().shake(**kw).start("com.taobao.taobao")
    assert len(run(t, R)) == 1
    assert run(t, R, shake={"weak_when": "all"}) == []  # the lenient reading


def test_quiet_when_late_interrupted_driver_or_consumed(run):
    t = Timeline().accept().shake().wait(6).start("com.taobao.taobao")
    t.shake().user("tap").start("com.taobao.taobao")
    t.shake().state("background", "driver")
    t.wait(10).shake().start("com.a.b").start("com.c.d")  # one shake explains one jump
    fs = run(t, R)
    assert len(fs) == 1 and fs[0].count == 1


def test_thresholds_are_configurable(run):
    t = Timeline().accept().shake(acceleration=12, rotation=40, duration=4).start("com.taobao.taobao")
    assert run(t, R, shake={"acceleration": 10}) == []
    assert len(run(t, R)) == 1
