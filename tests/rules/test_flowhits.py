from dynscan.rules.flowhits import pii_hits
from factories import Timeline


def test_one_hit_per_distinct_type():
    flow = Timeline().flow("h.example.com", "imei", "email", "imei", "custom_token").events[-1]
    hits = pii_hits(flow)
    assert [(h.data_type, h.category, h.subject) for h in hits] == [
        ("imei", "device_id", "h.example.com"), ("email", "accounts", "h.example.com"),
        ("custom_token", None, "h.example.com")]
