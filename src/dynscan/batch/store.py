"""Where a batch keeps its state and artefacts: a directory or an fsspec URL (``s3://…``, ``file://…``).

Layout: ``jobs/<id>.json`` (one :class:`JobRecord` per app), ``sessions/<id>/`` (the session directory
with every report), ``partial/<id>-<attempt>/`` (what an attempt that did not finish recorded),
``inputs/<sha256>.apk`` (APKs staged for remote workers), ``devices/<name>.json`` (devices taken out).
Scans always write to a local directory; for a remote store the finished directory is uploaded.
"""

from __future__ import annotations

import contextlib
import json
import time
import uuid
from pathlib import Path
from typing import Any, Literal

import fsspec
from fsspec.implementations.local import LocalFileSystem
from pydantic import BaseModel, ValidationError

from dynscan.batch.jobs import JobSpec
from dynscan.errors import SetupError

Status = Literal["pending", "running", "done", "failed"]


class JobRecord(BaseModel):
    spec: JobSpec
    status: Status = "pending"
    attempts: int = 0
    devices: list[str] = []  # where attempts ran, in order
    pid: int | None = None  # the running attempt's scan process (on the host of its device)
    lease_until: float | None = None  # Celery: until when the running attempt's worker owns the job
    reason: str | None = None
    package: str | None = None
    verdict: str | None = None
    findings: int | None = None
    started: float | None = None
    finished: float | None = None
    duration_s: float | None = None


class BatchStore:
    def __init__(self, url: str) -> None:
        self.url = url
        try:
            self.fs, self.root = fsspec.core.url_to_fs(url)
        except (ImportError, ValueError) as e:
            raise SetupError(f"store {url}: {e}") from e
        self.local = isinstance(self.fs, LocalFileSystem)

    def path(self, *parts: str) -> str:
        return "/".join([self.root.rstrip("/"), *parts])

    def local_path(self, *parts: str) -> Path:
        assert self.local
        return Path(self.path(*parts))

    def check_writable(self) -> None:
        """One line when the store cannot be written (a read-only or missing place)."""
        probe = self.path(f".write-test-{uuid.uuid4().hex}")
        try:
            self.fs.makedirs(self.path("jobs"), exist_ok=True)
            self.fs.pipe_file(probe, b"ok")
            self.fs.rm_file(probe)
        except Exception as e:  # fsspec backends raise many kinds
            raise SetupError(f"store {self.url} is not writable: {e}") from e

    # ------------------------------------------------------------------ JSON records

    def write_json(self, rel: str, data: dict[str, Any]) -> None:
        body = json.dumps(data, indent=1, ensure_ascii=False).encode()
        target = self.path(rel)
        self.fs.makedirs(target.rsplit("/", 1)[0], exist_ok=True)
        if self.local:  # atomic: a reader never sees half a record
            tmp = Path(target + f".{uuid.uuid4().hex}.tmp")
            tmp.write_bytes(body)
            tmp.replace(target)
        else:
            self.fs.pipe_file(target, body)

    def read_json(self, rel: str) -> dict[str, Any] | None:
        try:
            data = json.loads(self.fs.cat_file(self.path(rel)))
        except (FileNotFoundError, json.JSONDecodeError, UnicodeDecodeError):
            return None
        return data if isinstance(data, dict) else None

    def job(self, job_id: str) -> JobRecord | None:
        data = self.read_json(f"jobs/{job_id}.json")
        if data is None:
            return None
        try:
            return JobRecord.model_validate(data)
        except ValidationError:
            return None

    def save(self, rec: JobRecord) -> None:
        self.write_json(f"jobs/{rec.spec.id}.json", rec.model_dump(mode="json"))

    def jobs(self) -> list[JobRecord]:
        try:
            names = sorted(self.fs.ls(self.path("jobs"), detail=False))
        except FileNotFoundError:
            return []
        out = []
        for name in names:
            if str(name).endswith(".json"):
                rec = self.job(str(name).rsplit("/", 1)[-1][:-5])
                if rec is not None:
                    out.append(rec)
        return out

    def retire_device(self, name: str, reason: str) -> None:
        self.write_json(f"devices/{name}.json", {"device": name, "status": "retired", "reason": reason,
                                                 "ts": time.time()})

    def retired_devices(self) -> list[dict[str, Any]]:
        with contextlib.suppress(FileNotFoundError):
            return [d for n in sorted(self.fs.ls(self.path("devices"), detail=False))
                    if (d := self.read_json("devices/" + str(n).rsplit("/", 1)[-1])) is not None]
        return []

    # ------------------------------------------------------------------ artefacts

    def put_dir(self, local: Path, rel: str) -> None:
        """Upload a finished local directory (no-op when it already is the store's)."""
        target = self.path(rel)
        if self.local and Path(target).resolve() == local.resolve():
            return
        self.fs.makedirs(target, exist_ok=True)
        self.fs.put(str(local) + "/", target, recursive=True)

    def fetch_file(self, rel: str, local: Path) -> Path:
        if self.local:
            return Path(self.path(rel))
        self.fs.get(self.path(rel), str(local))
        return local

    def stage_file(self, local: Path, rel: str, *, replace: bool = False) -> None:
        """Copy a local file into the store (an APK once; a log every time with ``replace``)."""
        target = self.path(rel)
        if replace or not self.fs.exists(target):
            self.fs.makedirs(target.rsplit("/", 1)[0], exist_ok=True)
            self.fs.put_file(str(local), target)
