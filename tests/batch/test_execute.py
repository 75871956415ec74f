"""run_job against a store that is not a local directory (an fsspec URL, as S3 would be): the APK comes
from the store, the scan runs in a child on a real virtual device, the session is uploaded."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from dynscan.batch.devices import Slot
from dynscan.batch.execute import Running, run_job
from dynscan.batch.jobs import discover
from dynscan.batch.store import BatchStore

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.integration
@pytest.mark.timeout(240)
def test_a_remote_store_gets_the_session_and_the_log(tmp_path: Path) -> None:
    apps = tmp_path / "apps"
    apps.mkdir()
    subprocess.run([sys.executable, "-m", "dynscan", "sim", "build", str(ROOT / "examples" / "apps" / "compliant"),
                    "-o", str(apps / "compliant.apk")], check=True, capture_output=True, timeout=180)
    (spec,), _ = discover(apps, scenario="quick", config=None, formats=["json"], lang="en")
    store = BatchStore(f"memory://dynscan-exec-{tmp_path.name}")
    assert not store.local
    store.stage_file(Path(spec.apk), f"inputs/{spec.apk_sha256}.apk")
    spec.apk = f"inputs/{spec.apk_sha256}.apk"  # what a worker on another host gets
    pids: list[int] = []
    out = run_job(spec, Slot("sim-1", "sim"), store, 1, running=Running(), on_start=pids.append)
    assert out.kind == "done" and out.verdict == "pass" and out.package == "com.example.compliant", out
    assert pids and store.read_json(f"sessions/{spec.id}/report.json")["verdict"] == "pass"  # type: ignore[index]
    assert store.fs.exists(store.path("sessions", spec.id, "session.db"))
    assert b"job result: done" in store.fs.cat_file(store.path("logs", f"{spec.id}-1.log"))


def test_a_bad_app_is_an_input_outcome_not_a_device_failure(tmp_path: Path) -> None:
    apps = tmp_path / "apps"
    apps.mkdir()
    import zipfile

    with zipfile.ZipFile(apps / "dex.apk", "w") as z:  # an Android build: the virtual device refuses it
        z.writestr("AndroidManifest.xml", b"\x03\x00\x08\x00binary")
        z.writestr("classes.dex", b"dex\n035")
    (spec,), _ = discover(apps, scenario="quick", config=None, formats=["json"], lang="en")
    out = run_job(spec, Slot("sim-1", "sim"), BatchStore(str(tmp_path / "store")), 1)
    assert out.kind == "input" and out.reason and "dex" in out.reason, out
