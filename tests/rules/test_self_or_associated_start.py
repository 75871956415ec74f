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
    assert run(t, R) == []
    assert run(Timeline(package=None).start("com.tencent.mm"), R) == []


def test_weak_shake_is_not_a_user_action(run):
    t = Timeline().accept().wait(10).shake().start("com.tencent.mm")
    assert len(run(t, R)) == 1
    t = Timeline().accept().wait(10).shake(acceleration=20, rotation=40, duration=1).start("com.tencent.mm")
    assert len(run(t, R)) == 1  # short of one threshold: not deliberate
    t = Timeline().accept().wait(10).shake(acceleration=20, rotation=40, duration=1).start("com.tencent.mm")
    assert len(run(t, R, shake={"weak_when": "all"})) == 1  # neither weak nor deliberate


def test_quiet_right_after_a_shake_meeting_every_threshold(run):
    # The driver records the shake when the motion starts; the app reacts when it ends, 3+ s later.
    t = Timeline().accept().wait(10).shake(acceleration=16, rotation=40, duration=3.2).wait(5.5)
    t.start("com.tencent.mm", component="com.tencent.mm/.ui.LauncherUI")
    assert run(t, R) == []


def test_the_window_after_a_deliberate_shake_ends(run):
    t = Timeline().accept().wait(10).shake(acceleration=16, rotation=40, duration=3).wait(6.5).start("com.tencent.mm")
    assert len(run(t, R)) == 1  # 3.5 s after the motion ended, beyond the 3 s window


def test_quiet_within_the_window_of_a_tap(run):
    t = Timeline().accept().wait(10).user("tap").wait(2.9).start("com.tencent.mm")
    assert run(t, R) == []
    t = Timeline().accept().wait(10).user("tap").wait(3.2).start("com.tencent.mm")
    assert len(run(t, R)) == 1


def test_self_starts_count_per_kind_whatever_the_target(run):
    t = Timeline().accept().wait(10).start("com.example.app", via="alarm").start("com.example.app", via="alarm")
    t.start("com.example.app", via="job").start("com.example.app", via="startForegroundService")
    t.start("com.example.app", via="work").start("com.other.app", via="query")
    fs = {f.data_type: f.count for f in run(t, R)}
    assert fs == {"alarm": 2, "job": 1, "startForegroundService": 1, "work": 1, "query": 1}
    (alarm,) = [f for f in run(t, R) if f.data_type == "alarm"]
    assert "(alarm)" in alarm.message


def test_own_plain_starts_and_system_providers_are_no_start(run):
    t = Timeline().accept().wait(10).start("com.example.app", via="startService")
    t.start("com.example.app", via="bindService").start("com.android.providers.contacts", via="query")
    t.start("android", via="query").start("com.google.android.gms", via="query")
    assert run(t, R) == []
    t = Timeline().accept().wait(10).user("tap").wait(1).start("com.example.app", via="alarm")
    assert run(t, R) == []


def test_answering_the_policy_dialog_is_no_reason_to_start(run):
    t = Timeline().user("tap", {"dialog": "policy", "answer": "accept"}).accept().start("com.example.app", via="alarm")
    assert len(run(t, R)) == 1


def test_a_receiver_woken_counts_only_in_the_background(run):
    wake = {"component": "com.example.app/com.example.app.WakeReceiver", "action": "com.example.WAKE",
            "stack": ["com.example.app.WakeReceiver.onReceive(Unknown Source)"]}
    t = Timeline().accept().wait(10).start("com.example.app", via="receiver", **wake)
    assert run(t, R) == []  # in the foreground: the user is there
    t.state("background", cause="driver").wait(10).start("com.example.app", via="receiver", **wake)
    t.wait(2).start("com.example.app", via="receiver", **wake)
    (f,) = run(t, R)
    assert (f.data_type, f.count, f.actor) == ("receiver", 2, "app")
    t.state("foreground").wait(10).start("com.example.app", via="receiver", **wake)
    assert run(t, R)[0].count == 2


def test_a_run_of_a_scheduled_start_is_not_counted_again(run):
    t = Timeline().accept().wait(10).start("com.example.app", via="work", component="com.example.app/a.W")
    t.wait(1).start("com.example.app", via="work", stage="run", component="com.example.app/a.W")
    t.start("com.example.app", via="job", stage="run")
    fs = {f.data_type: f.count for f in run(t, R)}
    assert fs == {"work": 1}


def test_a_receiver_registered_at_run_time_is_recorded_not_counted(run):
    reg = {"component": "com.example.app/com.example.app.NetReceiver", "action": "android.net.conn.CONNECTIVITY_CHANGE"}
    t = Timeline().accept().state("background", cause="driver").wait(10)
    t.start("com.example.app", via="registerReceiver", **reg)
    t.wait(1).start("com.example.app", via="registerReceiver", stage="run", **reg)
    t.start("com.example.app", via="alarm", stage="run", component="com.example.app/com.example.app.NewsActivity")
    assert run(t, R) == []  # the app runs already: not a self-start; an alarm's run was judged when it was set
