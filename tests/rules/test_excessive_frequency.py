from factories import Timeline, sdk_stack

R = "EXCESSIVE_FREQUENCY"


def test_counts_reads_beyond_the_limit_per_actor_and_type(run):
    t = Timeline(step=1.0).accept()
    for _ in range(6):
        t.api("device_id", "android_id")  # app: limit 3 per 60 s by default
    t.api("device_id", "android_id", stack=sdk_stack())  # another actor: its own window
    (f,) = run(t, R)
    assert (f.actor, f.data_type, f.count) == ("app", "android_id", 3)


def test_quiet_when_spread_out_or_sensor(run):
    t = Timeline(step=30.0).accept()
    for _ in range(10):
        t.api("device_id", "android_id")
    for _ in range(50):
        t.api("sensor", "accelerometer")
    assert run(t, R) == []


def test_configured_limits(run):
    t = Timeline(step=1.0).accept()
    for _ in range(4):
        t.api("location", "location")
    assert run(t, R, frequency={"max": {"location": 2}})[0].count == 2
    assert run(t, R, frequency={"window_s": 0.5, "max": {"location": 1}}) == []


def test_data_type_falls_back_to_category(run):
    t = Timeline(step=0.1).accept()
    for _ in range(12):
        t.api("calendar")  # no data_type, no per-type limit: default_max 10
    (f,) = run(t, R)
    assert f.data_type == "calendar" and f.count == 2
