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
