"""``dynscan.findings.Report``: the terminal's verdict line never hides that a run was incomplete."""

from __future__ import annotations

from dynscan.coverage import Coverage
from dynscan.findings import Finding, Report, Severity

FINDING = Finding(rule="CLIPBOARD_READ", severity=Severity.high, actor="app", count=1, first_ts=1.0, last_ts=1.0,
                  message="clipboard read")


def _cov(*why: str) -> Coverage:
    return Coverage(driven=True, complete=not why, incomplete=list(why))


def test_an_incomplete_verdict_gives_its_first_two_reasons_and_counts_the_rest() -> None:
    report = Report(verdict="incomplete", coverage=_cov("phase grant failed: crashed", "phase x never started",
                                                         "the app never reached the foreground"))
    assert report.summary() == ("incomplete (0 findings; phase grant failed: crashed; phase x never started; "
                                "1 more in the report)")


def test_a_failing_run_that_was_incomplete_too_says_so() -> None:
    report = Report(verdict="fail", findings=[FINDING], coverage=_cov("phase ad_probe never started"))
    assert report.summary() == "fail (1 findings; the run was incomplete too; phase ad_probe never started)"


def test_a_complete_run_or_one_without_coverage_is_just_its_verdict() -> None:
    assert Report(verdict="pass", coverage=_cov()).summary() == "pass (0 findings)"
    assert Report(verdict="fail", findings=[FINDING]).summary() == "fail (1 findings)"
