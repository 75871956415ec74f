"""The session directory: where one run's events, evidence and reports live (docs/session-dir.md).

```
SESSION_DIR/
  session.json     metadata: dynscan version, package, device, started/finished, scenario
  session.db       the events (SQLite, written by agent, proxy and driver)
  events.jsonl     the events exported as JSON Lines (or a timeline to import)
  identity.json    the device's known values (CONTRACTS section 3)
  flows.mitm       raw mitmproxy flows (``mitmdump -w``)
  report.*         reports: report.json, report.html, report.sarif, ...
  policy.json      the privacy dialog's text and 《…》 link titles, as the driver first saw it
  ui/              screen dumps
  logs/            agent, proxy and device logs
```
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson
from pydantic import BaseModel, ConfigDict, ValidationError

from dynscan import __version__
from dynscan.errors import InputError
from dynscan.util.atomic import DIR_MODE, write_atomic

SESSION_JSON = "session.json"
SESSION_DB = "session.db"
EVENTS_JSONL = "events.jsonl"
IDENTITY_JSON = "identity.json"
FLOWS_MITM = "flows.mitm"
UI_DIR = "ui"
POLICY_JSON = "policy.json"
LOGS_DIR = "logs"


class SessionMeta(BaseModel):
    """``session.json``: what was run, where and when (unknown keys are kept)."""

    model_config = ConfigDict(extra="allow")

    dynscan_version: str = __version__
    package: str | None = None
    app_version: str | None = None
    device: dict[str, Any] | None = None
    scenario: str | None = None
    started: float | None = None
    finished: float | None = None


def read_json_object(path: Path, what: str) -> dict[str, Any]:
    """A JSON file that must hold one object; any problem is a one-line InputError."""
    try:
        data = orjson.loads(path.read_bytes())
    except OSError as e:
        raise InputError(f"{path}: cannot read the {what} ({e.strerror or e})") from e
    except orjson.JSONDecodeError as e:
        raise InputError(f"{path}: the {what} is not valid JSON ({e.msg} at line {e.lineno})") from e
    if not isinstance(data, dict):
        raise InputError(f"{path}: the {what} must be a JSON object")
    return data


@dataclass(frozen=True)
class SessionDir:
    """Paths of one session directory, and its small JSON files."""

    root: Path

    @property
    def db(self) -> Path:
        return self.root / SESSION_DB

    @property
    def events_jsonl(self) -> Path:
        return self.root / EVENTS_JSONL

    @property
    def identity(self) -> Path:
        return self.root / IDENTITY_JSON

    @property
    def flows(self) -> Path:
        return self.root / FLOWS_MITM

    @property
    def meta_path(self) -> Path:
        return self.root / SESSION_JSON

    @property
    def ui(self) -> Path:
        return self.root / UI_DIR

    @property
    def logs(self) -> Path:
        return self.root / LOGS_DIR

    @property
    def policy(self) -> Path:
        return self.root / POLICY_JSON

    def report(self, file_name: str) -> Path:
        return self.root / file_name

    def create(self) -> SessionDir:
        """Make the directory with its ``ui/`` and ``logs/`` subdirectories (0700: they hold raw data)."""
        try:
            for d in (self.root, self.ui, self.logs):
                d.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
                os.chmod(d, DIR_MODE)  # also when --out named an existing (empty) directory
        except OSError as e:
            raise InputError(f"{self.root}: cannot create the session directory ({e.strerror})") from e
        return self

    def read_meta(self) -> SessionMeta | None:
        """``session.json`` if there is one."""
        if not self.meta_path.exists():
            return None
        try:
            return SessionMeta.model_validate(read_json_object(self.meta_path, "session metadata"))
        except ValidationError as e:
            first = e.errors(include_url=False)[0]
            where = ".".join(str(p) for p in first["loc"])
            raise InputError(f"{self.meta_path}: {where}: {first['msg']}") from e

    def write_meta(self, meta: SessionMeta) -> Path:
        """Write ``session.json`` atomically."""
        data = orjson.dumps(meta.model_dump(mode="json", exclude_none=True), option=orjson.OPT_INDENT_2)
        return write_atomic(self.meta_path, data)

    def read_identity(self) -> dict[str, Any] | None:
        """``identity.json`` if there is one."""
        return read_json_object(self.identity, "identity file") if self.identity.exists() else None
