from factories import Timeline

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
