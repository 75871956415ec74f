from factories import Timeline, perm

R = "REPEATED_PERMISSION_REQUEST"
CAM = perm("CAMERA")


def test_fires_when_a_denied_permission_is_requested_again(run):
    t = Timeline().accept().request(CAM).result(CAM, False).wait(3600).request(CAM, perm("RECORD_AUDIO"))
    (f,) = run(t, R)
    assert f.category == "camera" and f.count == 1
    assert f.evidence == ["e4", "e5"]  # the denial, then the new request
    assert CAM in f.message


def test_quiet_outside_window_after_grant_or_reset(run):
    t = Timeline().accept().request(CAM).result(CAM, False).wait(49 * 3600).request(CAM)
    assert run(t, R) == []
    t = Timeline().accept().request(CAM).result(CAM, False).result(CAM, True).request(CAM)
    assert run(t, R) == []
    t = Timeline().accept().request(CAM).result(CAM, False).reset().accept().request(CAM)
    assert run(t, R) == []


def test_window_is_configurable(run):
    t = Timeline().accept().request(CAM).result(CAM, False).wait(120).request(CAM)
    assert run(t, R, rerequest_window_s=60) == []
    assert len(run(t, R)) == 1
