"""Install, instrument, drive, capture, correlate and report on an app."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from dynscan.cli.options import (
    CaptureMode,
    ConfigOption,
    FailOnOption,
    JurisdictionOption,
    Lang,
    LangOption,
    PolicyOption,
    ReportFormat,
    ShowValuesOption,
)
from dynscan.driver.scenario import BUILTIN_NAMES
from dynscan.findings import FailOn
from dynscan.reports import FILE_NAMES
from dynscan.scan import ScanOptions, scan
from dynscan.util.termsafe import json_safe


def run(
    apk: Annotated[Path, typer.Option("--apk", help="The app to scan (.apk; for the virtual device, built "
                                      "with `dynscan sim build`; for a phone or emulator also split APKs: "
                                      ".apks, .xapk or a folder of them).", show_default=False)],
    device: Annotated[str, typer.Option("--device", help="Device serial, or `sim` for the built-in virtual "
                                        "device (see `dynscan devices`).")] = "sim",
    scenario: Annotated[str, typer.Option("--scenario", help=f"Built-in scenario ({', '.join(BUILTIN_NAMES)}) "
                                          "or a YAML scenario file.")] = "default",
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Session directory to create (default: "
                                             "./dynscan-<time>, and the JSON report is printed on stdout too).",
                                             file_okay=False)] = None,
    format: Annotated[list[ReportFormat] | None, typer.Option(
        "--format", "-f", help="Report format written into the session directory; repeat for several "
        "(default: all of them).")] = None,
    fail_on: FailOnOption = FailOn.high,
    interactive: Annotated[bool, typer.Option("--interactive", help="Do not drive the app: record while a "
                                              "tester uses it on a phone or emulator, until it exits or "
                                              "Ctrl-C.")] = False,
    config: ConfigOption = None,
    catalog: Annotated[list[Path] | None, typer.Option("--catalog", help="Extra hook catalog file (YAML); "
                                                       "repeat for several.", dir_okay=False)] = None,
    lang: LangOption = Lang.en,
    show_values: ShowValuesOption = False,
    sinkhole: Annotated[bool | None, typer.Option("--sinkhole/--no-sinkhole", help="Answer every request in "
                        "the proxy instead of forwarding it (default: on for `sim`, off for real devices).",
                        show_default=False)] = None,
    time_scale: Annotated[float | None, typer.Option("--time-scale", min=0.01, max=10, help="Multiply every "
                          "wait of the scenario by this (e.g. 0.2 for a fast look; default: the scenario's own, "
                          "1).", show_default=False)] = None,
    policy: PolicyOption = None,
    frida_server: Annotated[Path | None, typer.Option("--frida-server", help="frida-server binary (or its .xz) "
                            "to push to a phone or emulator; default: ~/.cache/dynscan/frida-server/VERSION/ABI/.",
                            dir_okay=False)] = None,
    jurisdiction: JurisdictionOption = None,
    capture: Annotated[CaptureMode, typer.Option("--capture", help="How traffic reaches mitmproxy on a phone or "
                       "emulator: `proxy` (the global HTTP proxy setting) or `wireguard` (mitmproxy's WireGuard "
                       "server, for apps that ignore the proxy; the tester imports the configuration dynscan "
                       "pushes into the WireGuard app and turns the tunnel on).")] = CaptureMode.proxy,
    wireguard_host: Annotated[str | None, typer.Option("--wireguard-host", help="With --capture wireguard: the "
                              "address of this host the WireGuard server listens on (default 127.0.0.1, which "
                              "only an emulator reaches, as 10.0.2.2; a phone needs a LAN address).",
                              show_default=False)] = None,
) -> None:
    """Install, instrument, drive, capture, correlate and report on an app.

    The session directory (--out) receives the events (session.db, events.jsonl), the identity
    with the values the hooks saw returned, the raw flows (flows.mitm) and every report format
    unless --format narrows it. Without --out the JSON report is also printed on stdout (progress
    goes to stderr).
    Exit code: 0 no finding at or above --fail-on, 1 some (or the run is incomplete: a phase of the
    scenario was not reached), 2 bad input or set-up failure,
    130 interrupted (Ctrl-C or SIGTERM: everything is cleaned up and the session kept).
    """
    formats = [f.value for f in format or []]
    opts = ScanOptions(
        apk=apk, out=out, device=device, scenario=scenario, formats=formats,
        config=config, catalogs=catalog or [], interactive=interactive, lang=lang.value,
        show_values=show_values, sinkhole=sinkhole, frida_server=frida_server, policy_files=policy or [],
        jurisdiction=jurisdiction.value if jurisdiction else None,
        time_scale=time_scale, capture=capture.value, wireguard_host=wireguard_host,
    )
    report = scan(opts)
    assert opts.out is not None  # scan created the session directory
    json_report = opts.out / FILE_NAMES["json"]
    if out is None and json_report.is_file():  # CONTRACTS: without --out, json goes to stdout
        sys.stdout.buffer.write(json_safe(json_report.read_text(encoding="utf-8").rstrip("\n")).encode() + b"\n")
        sys.stdout.flush()
    raise typer.Exit(report.exit_code(fail_on))
