from __future__ import annotations

from pathlib import Path

from dynscan.batch.timing import SCAN_OVERHEAD_S, job_timeout_s, visibility_timeout_s


def test_timeouts_grow_with_the_scenario_and_the_lease_outlives_the_scan(tmp_path: Path) -> None:
    long = tmp_path / "long.yaml"
    long.write_text("- do: launch\n- do: wait\n  seconds: 600\n- do: stop\n")
    assert job_timeout_s("quick") < job_timeout_s("default") < job_timeout_s(str(long))
    assert job_timeout_s(str(long)) >= 3 * (600 + SCAN_OVERHEAD_S)
    for s in ("quick", "default", str(long)):
        assert visibility_timeout_s(s) > job_timeout_s(s)


def test_the_default_scenario_s_phases_count_with_their_waits() -> None:
    from dynscan.batch.timing import scenario_seconds
    from dynscan.driver.scenario import load_scenario

    default = scenario_seconds(load_scenario("default"))
    assert default >= 98 + 5 * 8  # first launch 10, decline 15, deny 20, grant 55, shake 4, and each phase's launches
    assert scenario_seconds(load_scenario("default", time_scale=0.2)) < default / 2
    assert job_timeout_s("default") > 150 * 2  # a run that takes its measured wall time is never taken for stuck
