from factories import Timeline

R = "CLIPBOARD_READ"


def test_fires_without_paste_or_tap_just_before(run):
    t = Timeline().accept().api("clipboard", "clipboard").user("tap").wait(10).api("clipboard", "clipboard")
    t.user("text").api("clipboard", "clipboard")
    (f,) = run(t, R)
    assert f.count == 3


def test_quiet_right_after_paste_or_tap_and_for_writes(run):
    t = Timeline().accept().user("paste").api("clipboard", "clipboard").user("tap").wait(2.5)
    t.api("clipboard", "clipboard").api("clipboard", api="android.content.ClipboardManager.setPrimaryClip")
    assert run(t, R) == []


def test_window_is_configurable(run):
    t = Timeline().user("tap").wait(2).api("clipboard", "clipboard")
    assert len(run(t, R, user_action_window_s=1)) == 1
    assert run(t, R) == []
