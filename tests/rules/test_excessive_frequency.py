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


def test_a_reader_every_30_s_is_caught_by_the_hour_not_the_minute(run):
    """164号 超频次: every 30 s stays under 3 a minute; within an hour it passes 30/h (the 31st read)."""
    t = Timeline(step=30.0).accept()
    for _ in range(4):  # two minutes, as a default run sees it
        t.api("device_id", "android_id")
    assert run(t, R) == []
    for _ in range(36):  # 40 reads, 30 s apart: 20 minutes... still within the first hour
        t.api("device_id", "android_id")
    (f,) = run(t, R)
    assert f.count == 10  # the 31st to the 40th read within the hour
    assert run(t, R, frequency={"max_per_hour": {"android_id": 40}}) == []
