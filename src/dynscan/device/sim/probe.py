"""The probe app for ``dynscan doctor``: one call per privacy category, then it closes itself."""

from __future__ import annotations

from pathlib import Path

from dynscan.device.sim.build import build_app

PROBE_SRC = Path(__file__).parent / "probe_app"
PROBE_PACKAGE = "io.dynscan.probe"


def build_probe_apk(out_dir: Path) -> Path:
    """Build the probe app into ``out_dir``; returns the ``.apk`` path."""
    out = out_dir / "dynscan-probe.apk"
    build_app(PROBE_SRC, out)
    return out
