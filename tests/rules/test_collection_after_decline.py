from factories import Timeline

R = "COLLECTION_AFTER_DECLINE"


def test_fires_for_calls_and_flows_while_refused(run):
    t = Timeline().decline().api("location", "location").flow("api.example.com", "imei")
    fs = run(t, R)
    assert sorted(f.data_type or "" for f in fs) == ["imei", "location"]


def test_withdrawn_counts_as_refused(run):
    t = Timeline().accept().consent("policy_withdrawn").api("contacts", "contacts")
    assert len(run(t, R)) == 1


def test_quiet_when_pending_given_or_reaccepted(run):
    t = Timeline().api("location", "location").decline().api("sensor", "accelerometer")
    t.flow("api.example.com").accept().api("location", "location")
    assert run(t, R) == []


def test_app_reset_ends_refusal(run):
    t = Timeline().decline().reset().api("location", "location")
    assert run(t, R) == []
