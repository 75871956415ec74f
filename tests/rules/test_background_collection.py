from factories import Timeline

R = "BACKGROUND_COLLECTION"


def test_fires_in_background(run):
    t = Timeline().accept().state("foreground").state("background", "driver").api("location", "location")
    (f,) = run(t, R)
    assert f.data_type == "location" and f.evidence == ["e5"]


def test_quiet_in_foreground_after_return_and_after_launch(run):
    t = Timeline().accept().state("background").state("foreground").api("location", "location")
    t.state("stopped", "driver").launch().api("location", "location")
    t.state("background").api("sensor", "gyroscope")
    assert run(t, R) == []
