"""The batch store on a directory and on an fsspec URL (memory://, as an S3 bucket would be)."""

from __future__ import annotations

from pathlib import Path

import pytest
from batchkit import spec

from dynscan.batch.store import BatchStore, JobRecord
from dynscan.errors import SetupError


@pytest.mark.parametrize("url", ["DIR", "memory://dynscan-test-store"])
def test_records_round_trip_and_sessions_upload(url: str, tmp_path: Path) -> None:
    store = BatchStore(str(tmp_path / "store") if url == "DIR" else url)
    store.check_writable()
    rec = JobRecord(spec=spec("a.apk"), status="done", attempts=2, devices=["sim-1", "sim-2"])
    store.save(rec)
    assert store.job(rec.spec.id) == rec and store.jobs() == [rec]
    session = tmp_path / "session"
    (session / "logs").mkdir(parents=True)
    (session / "report.json").write_text('{"verdict": "pass"}')
    (session / "logs" / "app.log").write_text("I/app: hello")
    store.put_dir(session, f"sessions/{rec.spec.id}")
    assert store.read_json(f"sessions/{rec.spec.id}/report.json") == {"verdict": "pass"}
    assert store.fs.cat_file(store.path("sessions", rec.spec.id, "logs", "app.log")) == b"I/app: hello"
    store.retire_device("sim-1", "3 failures in a row")
    assert [d["device"] for d in store.retired_devices()] == ["sim-1"]


def test_a_store_under_a_file_is_not_writable_in_one_line(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("")
    with pytest.raises(SetupError, match="is not writable"):
        BatchStore(str(tmp_path / "file" / "store")).check_writable()


def test_a_damaged_record_is_ignored_not_fatal(tmp_path: Path) -> None:
    store = BatchStore(str(tmp_path))
    (tmp_path / "jobs").mkdir()
    (tmp_path / "jobs" / "x.json").write_text("{not json")
    assert store.jobs() == []
