"""Factories for batch tests: app zips, job specs, finished sessions written as reports would be."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any

from dynscan.batch.jobs import JobSpec, job_id
from dynscan.batch.store import BatchStore, JobRecord


def app_zip(path: Path, package: str = "com.example.app") -> Path:
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("AndroidManifest.xml", f'<manifest package="{package}"/>')
        z.writestr("classes.jar", b"")
    return path


def spec(name: str = "a.apk", sha: str = "ab" * 32) -> JobSpec:
    return JobSpec(id=job_id(sha, "quick", "defaults"), apk=f"/nonexistent/{name}", apk_sha256=sha, name=name,
                   scenario="quick")


def finished(store: BatchStore, name: str, sha: str, report: dict[str, Any], meta: dict[str, Any]) -> JobRecord:
    """A job whose session holds ``report`` (report.json) and ``meta`` (session.json)."""
    rec = JobRecord(spec=spec(name, sha), status="done", attempts=1, devices=["sim-1"],
                    package=report.get("package"), verdict=report.get("verdict"))
    store.save(rec)
    d = Path(store.path("sessions", rec.spec.id))
    d.mkdir(parents=True)
    (d / "report.json").write_text(json.dumps(report), encoding="utf-8")
    (d / "session.json").write_text(json.dumps(meta), encoding="utf-8")
    (d / "report.html").write_text("<html></html>", encoding="utf-8")
    return rec


def finding(rule: str, actor: str, severity: str = "high", **kw: Any) -> dict[str, Any]:
    return {"rule": rule, "severity": severity, "actor": actor, "count": 1, "first_ts": 0.0, "last_ts": 0.0,
            "message": f"{rule} by {actor}", **kw}
