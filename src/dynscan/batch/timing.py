"""How long a scan may take, from its scenario: the job timeout and Celery's visibility timeout."""

from __future__ import annotations

import math

from dynscan.driver.phase_specs import PHASE_OVERHEAD_S
from dynscan.driver.scenario import Scenario, load_scenario

#: Set-up and tear-down of one scan (install, JVM + agent start, proxy, reports), measured here at
#: 6-12 s on a loaded 2-core machine; with head-room.
SCAN_OVERHEAD_S = 30.0
PER_STEP_S = 2.0  # a step's own work (tap, relaunch, dialog) besides its declared seconds
#: A Celery job's lease ends this long before Redis would hand it out again, so a redelivery of a
#: dead worker's job always finds the lease expired (see dynscan.batch.task).
LEASE_SLACK_S = 20.0


def scenario_seconds(scenario: Scenario) -> float:
    """The scenario's declared waits (times its time scale) plus a little per step, or per phase (its
    launches, data clears and dialogs)."""
    total = 0.0
    for step in scenario.steps:
        total += float(getattr(step, "seconds", 0.0) or 0.0) * scenario.time_scale
        total += float(getattr(step, "duration", 0.0) or 0.0) + PER_STEP_S
    for phase in scenario.phases:
        total += phase.waits() * scenario.time_scale + PHASE_OVERHEAD_S
    return total


def job_timeout_s(scenario: str) -> float:
    """A scan running longer than this is stuck: its device is treated as dead."""
    return 3 * (scenario_seconds(load_scenario(scenario)) + SCAN_OVERHEAD_S)


def visibility_timeout_s(scenario: str) -> int:
    """Celery/Redis redelivers an unacknowledged job after this: a little more than the job timeout and
    the lease's slack, so a live worker's job is never handed out twice, and a dead worker's soon after."""
    return math.ceil(job_timeout_s(scenario) + LEASE_SLACK_S + 10)
