from factories import Timeline, perm, sdk_stack

R = "PRE_CONSENT_PERMISSION_REQUEST"


def test_fires_per_permission_before_consent(run):
    t = Timeline().request(perm("READ_PHONE_STATE"), perm("CAMERA"),
                           stack=sdk_stack("com.baidu.location.LocationClient"))
    fs = run(t, R)
    assert sorted((f.category or "") for f in fs) == ["camera", "device_id"]
    assert all(f.actor.startswith("sdk:") for f in fs)
    assert any("android.permission.CAMERA" in f.message for f in fs)


def test_quiet_after_consent(run):
    t = Timeline().accept().request(perm("CAMERA"))
    assert run(t, R) == []


def test_no_stack_is_unknown_actor(run):
    assert run(Timeline().request(perm("CAMERA")), R)[0].actor == "unknown"
