from dynscan.rules.config import Config
from dynscan.rules.engine import evaluate
from factories import Timeline, sdk_stack


def _view(t: Timeline, **config: object) -> dict:
    return evaluate(t.events, Config.model_validate(config)).stats["collection_per_hour"]


def test_rates_are_extrapolated_from_the_timeline_span_and_say_so():
    t = Timeline(step=30.0).accept()
    for _ in range(4):
        t.api("device_id", "android_id")
    t.api("location", "location", stack=sdk_stack())
    t.api("sensor", "accelerometer")  # a behaviour: not collection
    view = _view(t)
    span = t.events[-1].ts - t.events[0].ts
    assert view["window_s"] == round(span, 1) and view["extrapolated"] is True and view["rows_total"] == 2
    top, sdk = view["rows"]
    assert (top["actor"], top["data_type"], top["count"]) == ("app", "android_id", 4)
    assert top["per_hour"] == round(4 * 3600 / span, 1) and top["limit_per_hour"] == 30 and top["over_limit"]
    assert sdk["actor"].startswith("sdk:") and sdk["per_hour"] == round(3600 / span, 1) and not sdk["over_limit"]
    assert _view(t, frequency={"max_per_hour": {"android_id": 1000}})["rows"][0]["over_limit"] is False
    two = Timeline(step=30.0).accept().api("device_id", "imei").api("device_id", "imei")
    (row,) = _view(two)["rows"]
    assert row["per_hour"] > 30 and row["over_limit"] is False  # two reads show no rate kept up


def test_no_rate_from_a_moment_and_none_extrapolated_past_an_hour():
    t = Timeline(step=1.0).accept().api("device_id", "imei")
    (row,) = _view(t)["rows"]
    assert row["per_hour"] is None and not row["over_limit"] and _view(t)["extrapolated"] is False
    t.wait(7200).api("device_id", "imei")
    view = _view(t)
    assert view["extrapolated"] is False and view["rows"][0]["per_hour"] < 1.1
