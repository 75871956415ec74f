from factories import T0, Timeline

R = "EXIT_AFTER_DECLINE"


def test_fires_when_app_stops_itself_after_decline(run):
    t = Timeline().decline().wait(1).state("stopped", "app")
    (f,) = run(t, R)
    assert f.actor == "app" and f.evidence == ["e2", "e3"]


def test_crash_and_finishing_last_screen_count(run):
    assert len(run(Timeline().decline().state("crashed"), R)) == 1
    assert len(run(Timeline().decline().state("background", "app"), R)) == 1


def test_quiet_for_driver_late_or_after_accept(run):
    assert run(Timeline().decline().state("stopped", "driver"), R) == []
    assert run(Timeline().decline().wait(10).state("stopped", "app"), R) == []
    assert run(Timeline().decline().accept().state("stopped", "app"), R) == []
    assert run(Timeline().decline().state("background", "system"), R) == []
    assert run(Timeline().accept().state("stopped", "app"), R) == []


def test_one_exit_is_blamed_on_the_latest_refusal_only(run):
    """A denial 2.9 s and a decline 0.3 s before the exit: the decline explains it, not both."""
    from factories import perm

    t = Timeline().result(perm("READ_PHONE_STATE"), False, at=T0 + 1).decline(at=T0 + 3.6).state(
        "stopped", "app", at=T0 + 3.9)
    assert [f.rule for f in run(t) if f.rule.startswith("EXIT_")] == ["EXIT_AFTER_DECLINE"]
    t = Timeline().decline(at=T0 + 1).result(perm("READ_PHONE_STATE"), False, at=T0 + 3.6).state(
        "stopped", "app", at=T0 + 3.9)
    assert [f.rule for f in run(t) if f.rule.startswith("EXIT_")] == ["EXIT_AFTER_PERMISSION_DENIAL"]


def _driven_decline(auto_denial_at: float) -> Timeline:
    """The leaky app's decline phase: the driver denies the permission twice, the app asks again in onResume
    and the system denies at once (no dialog: refused twice), while the driver declines the privacy dialog
    behind it; the Disagree handler finishes the app. ``auto_denial_at``: when the system's denial lands."""
    from factories import perm

    phone = perm("READ_PHONE_STATE")
    t = Timeline().request(phone, source="agent")
    for i in range(2):
        t.user("tap", {"dialog": "permission", "answer": "deny"}, source="driver", at=T0 + 1 + i)
        t.result(phone, False, source="agent", at=T0 + 1.01 + i)
        t.request(phone, source="agent", at=T0 + 1.02 + i)
    t.decline(source="driver", at=T0 + 3)
    t.user("tap", {"dialog": "policy", "answer": "decline"}, source="driver", at=T0 + 3.001)
    t.result(phone, False, source="agent", at=auto_denial_at)
    return t.state("stopped", "app", at=T0 + 3.3)


def test_the_systems_instant_denial_racing_the_decline_tap_is_no_refusal(run):
    """Seen under load in the batch test: whether the system's denial lands just before or just after the
    driver's decline tap decided which refusal the exit was blamed on."""
    for at in (T0 + 2.99, T0 + 3.0005, T0 + 3.002):
        assert [f.rule for f in run(_driven_decline(at)) if f.rule.startswith("EXIT_")] == ["EXIT_AFTER_DECLINE"]


def test_a_denial_the_driver_answered_is_still_the_latest_refusal(run):
    from factories import perm

    phone = perm("READ_PHONE_STATE")
    t = (Timeline().decline(source="driver").user("tap", {"dialog": "policy", "answer": "decline"}, source="driver")
         .request(phone, source="agent").user("tap", {"dialog": "permission", "answer": "deny"}, source="driver")
         .result(phone, False, source="agent").state("stopped", "app"))
    assert [f.rule for f in run(t) if f.rule.startswith("EXIT_")] == ["EXIT_AFTER_PERMISSION_DENIAL"]


def test_an_app_quitting_on_the_systems_instant_denial_alone_is_still_blamed_on_it(run):
    """No decline while the request was pending: the system's answer restates the user's refusal."""
    from factories import perm

    cam = perm("CAMERA")
    t = (Timeline().accept(source="driver").request(cam, source="agent")
         .user("tap", {"dialog": "permission", "answer": "deny"}, source="driver").result(cam, False, source="agent")
         .wait(30).launch(source="driver").request(cam, source="agent").result(cam, False, source="agent")
         .state("stopped", "app"))
    assert [f.rule for f in run(t) if f.rule.startswith("EXIT_")] == ["EXIT_AFTER_PERMISSION_DENIAL"]
