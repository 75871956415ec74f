"""``dynscan run``: check the inputs, capture a session (:mod:`dynscan.capture.scan`), then judge it.

This is the top layer: it is the one place that holds both the capture (device, agent, proxy) and
the analysis (rules, reports), which never import each other.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dynscan.analysis import run_analysis
from dynscan.capture.scan import CaptureOptions, capture, sigterm_as_interrupt
from dynscan.device.apkzip import check_apk
from dynscan.device.registry import SIM_SERIAL
from dynscan.driver.scenario import load_scenario
from dynscan.errors import InputError, Interrupted, Terminated
from dynscan.findings import Report
from dynscan.hooks.loader import load_catalog
from dynscan.policy.load import PolicyRef, read_policy
from dynscan.reports import FORMATS
from dynscan.rules.config import Config
from dynscan.session_dir import SessionDir
from dynscan.util.atomic import private_files
from dynscan.util.runfolder import note_session, run_folder, sweep
from dynscan.util.session_lock import SessionLock, claim_default, claim_new
from dynscan.util.termsafe import say

Progress = Callable[[str], None]


@dataclass
class ScanOptions:
    apk: Path
    out: Path | None  # None: a new ./dynscan-<time>-<random>, set here once created
    device: str = SIM_SERIAL
    scenario: str = "default"
    formats: Sequence[str] = ()
    config: Path | None = None
    catalogs: Sequence[Path] = ()
    interactive: bool = False
    lang: str = "en"
    show_values: bool = False
    sinkhole: bool | None = None  # default: on for the virtual device, off for real devices
    time_scale: float | None = None  # multiplies the scenario's waits (default: the scenario's own)
    policy_files: Sequence[PolicyRef] = ()  # --policy: the full privacy policy (files, https URLs), vs behaviour
    frida_server: Path | None = None  # a phone's frida-server binary (default: the cache)
    jurisdiction: str | None = None  # overrides the config file's
    capture: str = "proxy"  # or "wireguard": the device's whole traffic through mitmdump's WireGuard server
    wireguard_host: str | None = None  # where that server listens (default: loopback, for an emulator)
    extra: dict[str, Any] = field(default_factory=dict)


def _stderr(msg: str) -> None:
    say(msg)


def _claim_out(out: Path | None) -> SessionLock:
    """The session directory, created (a default name: exclusively) and locked for this run."""
    if out is None:
        return claim_default(Path.cwd())
    if out.exists() and not out.is_dir():
        raise InputError(f"{out}: exists and is not a directory")
    lock = claim_new(out, exclusive=False)
    sd = SessionDir(out)
    if sd.db.exists() or sd.events_jsonl.exists():
        lock.release()
        raise InputError(f"{out}: already holds a session; choose another --out (nothing was overwritten)")
    return lock


def scan(opts: ScanOptions, progress: Progress = _stderr) -> Report:
    """Run one scan; returns the report (its ``exit_code`` decides the command's exit)."""
    for left in sweep():  # what runs killed with SIGKILL left: processes, temp folders, session locks
        progress(f"cleaned up after a {left.describe()}")
    if not opts.apk.is_file() and not opts.apk.is_dir():  # a folder: split APKs, for a phone or an emulator
        raise InputError(f"{opts.apk}: no such APK")
    if opts.apk.is_file() and not zipfile.is_zipfile(opts.apk):
        raise InputError(f"{opts.apk}: not an .apk (not a zip file)")
    if opts.device == SIM_SERIAL and (opts.apk.is_dir() or opts.apk.suffix.lower() in (".apks", ".xapk")):
        raise InputError(f"{opts.apk}: split APKs need a phone or an emulator (--device SERIAL); the virtual "
                         "device runs apps built with `dynscan sim build`")
    if opts.apk.is_file():
        check_apk(opts.apk)  # entry count and uncompressed size within the limits, on any device
    for fmt in opts.formats:
        if fmt not in FORMATS:
            raise InputError(f"unknown report format {fmt!r}: use one of {', '.join(FORMATS)}")
    if opts.interactive and opts.device == SIM_SERIAL:
        raise InputError("--interactive needs a phone or an emulator (--device SERIAL): the virtual device has "
                         "no screen for a tester to use; drive it with --scenario instead")
    scenario = load_scenario(opts.scenario, time_scale=opts.time_scale)
    config = Config.load(opts.config)
    # a bad file or URL is a one-line error now, not after the whole run; a URL is fetched this once
    opts.policy_files = [read_policy(ref) for ref in opts.policy_files]
    catalog = load_catalog(opts.catalogs)
    with private_files(), run_folder(), sigterm_as_interrupt(), _claim_out(opts.out) as lock:
        opts.out = lock.root
        note_session(lock.root)
        sd = SessionDir(lock.root).create()
        capture(CaptureOptions(apk=opts.apk, device=opts.device, interactive=opts.interactive,
                               sinkhole=opts.sinkhole, first_party_domains=list(config.first_party_domains),
                               sdk_signatures=list(config.sdk_signatures),
                               frida_server=opts.frida_server, capture=opts.capture,
                               wireguard_host=opts.wireguard_host),
                sd, scenario, catalog, progress)
        progress("correlating and writing reports")
        try:  # each report is written to a temporary name and renamed: complete or absent
            report = run_analysis(session=sd.root, formats=list(opts.formats) or list(FORMATS), out=sd.root,
                                  config=opts.config, lang=opts.lang, show_values=opts.show_values,
                                  policy_files=opts.policy_files, jurisdiction=opts.jurisdiction)
        except (KeyboardInterrupt, Terminated):
            raise Interrupted(f"interrupted while writing the reports (those present are complete); the "
                              f"session is in {sd.root}") from None
        progress(f"verdict: {report.summary()} in {sd.root}")
        return report
