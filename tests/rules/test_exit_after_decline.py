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
