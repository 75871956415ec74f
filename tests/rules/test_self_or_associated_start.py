from factories import Timeline, sdk_stack

R = "SELF_OR_ASSOCIATED_START"


def test_fires_for_other_package_without_user_action(run):
    t = Timeline().accept().start("com.taobao.taobao", stack=sdk_stack("com.umeng.message.PushAgent"))
    t.user("tap").wait(10).start("com.jd.app", via="bindService")
    fs = {f.actor: f for f in run(t, R)}
    assert set(fs) == {"sdk:umeng-push", "unknown"}
    assert "com.taobao.taobao" in fs["sdk:umeng-push"].message


def test_quiet_for_own_package_after_user_action_or_without_package(run):
    t = Timeline().accept().start("com.example.app").user("tap").wait(1).start("com.tencent.mm")
    t.shake(acceleration=20).start("com.tencent.mm")  # a strong shake is a user action
    assert run(t, R) == []
    assert run(Timeline(package=None).start("com.tencent.mm"), R) == []


def test_weak_shake_is_not_a_user_action(run):
    t = Timeline().accept().wait(10).shake().start("com.tencent.mm")
    assert len(run(t, R)) == 1
