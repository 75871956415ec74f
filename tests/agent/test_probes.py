"""An app looking for Frida is recorded (instrumentation_probe), and one that does not look is not."""

from __future__ import annotations

from pathlib import Path

import pytest
from agent_testkit import instrumented

pytestmark = [pytest.mark.integration, pytest.mark.timeout(60)]


def test_frida_checks_are_recorded_once_each(fixture_classes: Path, tmp_path: Path) -> None:
    with instrumented(fixture_classes, tmp_path, "probe_frida") as run:
        run.release()
        out = run.finish(timeout=30)
        assert any(line.startswith("frida maps=true") for line in out), out  # Frida is there to be found
        probes = {(e["probe"], e["target"]) for e in run.events("instrumentation_probe")}
        assert probes == {("proc_maps", "/proc/self/maps"), ("thread_names", "/proc/self/task"),
                          ("frida_file", "/data/local/tmp/frida-server"), ("frida_port", ":27042")}
        assert all(e["module"] and e["via"] for e in run.events("instrumentation_probe"))
