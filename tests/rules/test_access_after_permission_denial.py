from factories import Timeline, perm

R = "ACCESS_AFTER_PERMISSION_DENIAL"


def test_fires_for_guarded_category_after_denial(run):
    t = Timeline().accept().result(perm("READ_PHONE_STATE"), False)
    t.api("device_id", "imei").api("phone_number", "phone_number").api("location", "location")
    fs = run(t, R)
    assert sorted(f.category or "" for f in fs) == ["device_id", "phone_number"]
    assert all("e3" in f.evidence for f in fs)  # the denial is cited


def test_location_needs_every_guard_denied_and_none_granted(run):
    fine, coarse = perm("ACCESS_FINE_LOCATION"), perm("ACCESS_COARSE_LOCATION")
    t = Timeline().accept().result(fine, False).result(coarse, True).api("location", "location")
    assert run(t, R) == []
    t = Timeline().accept().result(fine, False).api("location", "location")
    assert len(run(t, R)) == 1


def test_quiet_after_grant_or_reset(run):
    cam = perm("CAMERA")
    t = Timeline().accept().result(cam, False).result(cam, True).api("camera", "camera")
    assert run(t, R) == []
    t = Timeline().accept().result(cam, False).reset().api("camera", "camera")
    assert run(t, R) == []


def test_identifiers_no_runtime_permission_guards_do_not_count(run):
    """ANDROID_ID needs no permission and the Wi-Fi MAC only a normal one: a READ_PHONE_STATE denial
    says nothing about them (the IMEI read next to them still fires)."""
    t = Timeline().accept().result(perm("READ_PHONE_STATE"), False)
    for dt in ("android_id", "mac", "adid", "oaid", "imei"):
        t.api("device_id", dt)
    fs = run(t, R)
    assert [(f.data_type, f.count) for f in fs] == [("imei", 1)]
