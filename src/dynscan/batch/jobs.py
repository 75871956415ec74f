"""Batch jobs: the apps to scan, found in a directory or a list file, each with an idempotent ID.

The ID is the SHA-256 of (APK sha256, scenario, config hash): re-running a batch finds the same IDs,
so finished scans are skipped and the rest resumed.
"""

from __future__ import annotations

import hashlib
import zipfile
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel

from dynscan.driver.scenario import BUILTIN_NAMES
from dynscan.errors import InputError

#: A file in an app zip that says it is an app (Android: AndroidManifest.xml; the virtual device too).
APP_MARKER = "AndroidManifest.xml"


class JobSpec(BaseModel):
    """What a worker needs to run one scan (small: it travels through the broker; the APK does not)."""

    id: str
    apk: str  # a local path, or a path relative to the store (``inputs/<sha>.apk``) for remote workers
    apk_sha256: str
    name: str  # the APK's file name, for people
    scenario: str = "default"
    config: str | None = None
    config_hash: str = "defaults"
    catalogs: list[str] = []
    formats: list[str] = []
    lang: str = "en"
    show_values: bool = False
    sinkhole: bool | None = None


@dataclass(frozen=True)
class Skipped:
    path: Path
    reason: str


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def scenario_key(scenario: str) -> str:
    """A built-in scenario by name; a scenario file by its content."""
    if scenario in BUILTIN_NAMES:
        return scenario
    path = Path(scenario)
    if not path.is_file():
        raise InputError(f"{scenario}: no such scenario (built-in: {', '.join(BUILTIN_NAMES)})")
    return "file:" + sha256_file(path)


def config_hash(config: Path | None, catalogs: list[Path] | None = None) -> str:
    """The rule settings file's sha256 (``defaults`` without one), and the extra hook catalogs' if any:
    both change what a scan finds."""
    for path, what in [(config, "config file"), *((c, "hook catalog") for c in catalogs or [])]:
        if path is not None and not path.is_file():
            raise InputError(f"{path}: no such {what}")
    base = sha256_file(config) if config is not None else "defaults"
    if not catalogs:
        return base
    return hashlib.sha256("\n".join([base, *(sha256_file(c) for c in catalogs)]).encode()).hexdigest()


def job_id(apk_sha: str, scenario: str, cfg_hash: str) -> str:
    return hashlib.sha256(f"{apk_sha}\n{scenario}\n{cfg_hash}".encode()).hexdigest()[:24]


def _is_app(path: Path) -> str | None:
    """None when ``path`` looks like an app; else why not."""
    if not zipfile.is_zipfile(path):
        return "not an app (not a zip file)"
    try:
        with zipfile.ZipFile(path) as z:
            if APP_MARKER not in z.namelist():
                return f"not an app (no {APP_MARKER})"
    except (zipfile.BadZipFile, OSError) as e:
        return f"not an app ({e})"
    return None


def input_files(source: Path) -> list[Path]:
    """The files named by APK_DIR (every file in it, sorted) or LIST.txt (one path a line, # comments)."""
    if source.is_dir():
        return sorted(p for p in source.iterdir() if p.is_file() and not p.name.startswith("."))
    if not source.is_file():
        raise InputError(f"{source}: no such directory or list file")
    try:
        lines = source.read_text(encoding="utf-8").splitlines()
    except (UnicodeDecodeError, OSError) as e:
        raise InputError(f"{source}: not a list of APK paths ({e})") from e
    out = []
    for line in lines:
        text = line.strip()
        if text and not text.startswith("#"):
            p = Path(text)
            out.append(p if p.is_absolute() else source.parent / p)
    return out


def discover(source: Path, *, scenario: str, config: Path | None, formats: list[str], lang: str,
             show_values: bool = False, sinkhole: bool | None = None,
             catalogs: list[Path] | None = None) -> tuple[list[JobSpec], list[Skipped]]:
    """Jobs for every app in ``source``; files that are not apps, missing or duplicate are skipped."""
    skey, chash = scenario_key(scenario), config_hash(config, catalogs)
    jobs: list[JobSpec] = []
    skipped: list[Skipped] = []
    seen: dict[str, Path] = {}
    for path in input_files(source):
        if not path.is_file():
            skipped.append(Skipped(path, "no such file"))
            continue
        why = _is_app(path)
        if why:
            skipped.append(Skipped(path, why))
            continue
        sha = sha256_file(path)
        if sha in seen:
            skipped.append(Skipped(path, f"duplicate of {seen[sha].name} (same sha256 {sha[:12]}…)"))
            continue
        seen[sha] = path
        jobs.append(JobSpec(id=job_id(sha, skey, chash), apk=str(path.resolve()), apk_sha256=sha, name=path.name,
                            scenario=scenario if scenario in BUILTIN_NAMES else str(Path(scenario).resolve()),
                            config=str(config.resolve()) if config else None, config_hash=chash,
                            formats=formats, lang=lang, show_values=show_values, sinkhole=sinkhole,
                            catalogs=[str(c.resolve()) for c in catalogs or []]))
    return jobs, skipped
