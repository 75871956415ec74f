from factories import Timeline, perm

R = "CONTEXTLESS_PERMISSION_REQUEST"


def test_fires_for_a_request_at_launch_after_consent(run):
    t = Timeline().shown().user("tap", {"dialog": "policy", "answer": "accept"}).accept()
    t.wait(0.5).request(perm("CAMERA"), perm("ACCESS_FINE_LOCATION"))
    t.user("tap", {"dialog": "permission", "answer": "allow"}).wait(0.5).request(perm("READ_CONTACTS"))
    fs = run(t, R)
    assert sorted(f.category for f in fs) == ["camera", "contacts", "location"]
    assert all(f.severity.value == "medium" for f in fs)


def test_quiet_before_consent_or_after_a_feature_tap_or_rationale(run):
    assert run(Timeline().request(perm("CAMERA")), R) == []  # PRE_CONSENT_PERMISSION_REQUEST's case
    t = Timeline().accept().wait(30).user("tap", target="扫一扫").wait(2).request(perm("CAMERA"))
    t.wait(30).user("tap", {"dialog": "rationale", "answer": "allow"}).wait(1).request(perm("RECORD_AUDIO"))
    assert run(t, R) == []


def test_the_window_is_configurable(run):
    t = Timeline().accept().wait(30).user("tap").wait(4).request(perm("CAMERA"))
    assert run(t, R) == []
    assert len(run(t, R, permission_context_window_s=3.0)) == 1


def test_the_app_seeing_the_drivers_policy_answer_is_no_context(run):
    """A dialog built of plain views (custom_dialog): the driver's answer is also the app's own click, which the
    agent records; that echo is the same answer, not a feature the user used (however fast the request follows)."""
    t = Timeline().shown().user("tap", {"dialog": "policy", "answer": "accept"}, source="driver").accept()
    t.user("tap", {"view": "android.widget.LinearLayout"}, source="agent").request(perm("ACCESS_COARSE_LOCATION"))
    assert len(run(t, R)) == 1
    t = Timeline().accept().user("tap", target="附近", source="driver")  # a feature the driver tapped ...
    t.user("tap", {"view": "android.widget.TextView"}, source="agent").request(perm("ACCESS_COARSE_LOCATION"))
    assert run(t, R) == []  # ... and its echo: context
    t = Timeline().accept().user("tap", {"view": "android.widget.Button"}, source="agent")  # a tester's own tap
    assert run(t.request(perm("CAMERA")), R) == []
