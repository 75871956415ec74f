from factories import Timeline, perm

R = "EXIT_AFTER_PERMISSION_DENIAL"


def test_fires_when_app_exits_after_denial(run):
    t = Timeline().accept().request(perm("CAMERA")).result(perm("CAMERA"), False).wait(2).state("stopped")
    (f,) = run(t, R)
    assert "android.permission.CAMERA" in f.message and f.evidence == ["e4", "e5"]


def test_quiet_after_grant_driver_stop_late_or_reset(run):
    cam = perm("CAMERA")
    assert run(Timeline().accept().result(cam, True).state("stopped", "app"), R) == []
    assert run(Timeline().accept().result(cam, False).state("stopped", "driver"), R) == []
    assert run(Timeline().accept().result(cam, False).wait(6).state("stopped", "app"), R) == []
    assert run(Timeline().accept().result(cam, False).reset().state("stopped", "app"), R) == []
    assert len(run(Timeline().accept().result(cam, False).wait(6).state("stopped", "app"), R,
                   exit_window_s=10)) == 1
