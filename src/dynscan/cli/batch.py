"""``dynscan batch``: scan many apps on a pool of devices, or across hosts through Celery + Redis."""

from __future__ import annotations

import signal
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from dynscan.batch.collect import collect
from dynscan.batch.devices import parse_devices
from dynscan.batch.jobs import discover
from dynscan.batch.plan import Plan, plan
from dynscan.batch.report import build_report
from dynscan.batch.store import BatchStore
from dynscan.cli.options import ConfigOption, FailOnOption, Lang, LangOption, ReportFormat, ShowValuesOption
from dynscan.driver.scenario import BUILTIN_NAMES
from dynscan.errors import InputError, Interrupted, SetupError
from dynscan.findings import FailOn, Severity
from dynscan.util.termsafe import say as _say  # app-controlled text escaped


def _exit_code(store: BatchStore, fail_on: FailOn) -> int:
    results = collect(store)
    if any(r.record.status in ("failed", "pending", "running") for r in results):
        return 1
    if fail_on == FailOn.never:
        return 0
    bar = Severity(fail_on.value).rank
    worst = [Severity(f["severity"]).rank for r in results for f in r.findings
             if str(f.get("severity")) in set(Severity)]
    return 1 if any(w >= bar for w in worst) else 0


def _interruptible() -> None:
    """Ctrl-C and SIGTERM stop the batch cleanly, also when started with SIGINT ignored (``cmd &``)."""
    def on_term(_sig: int, _frame: object) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, on_term)


def _print_plan(p: Plan) -> None:
    for s in p.skipped:
        _say(f"skipped {s.path}: {s.reason}")
    if p.done:
        _say(f"{len(p.done)} app{'s' if len(p.done) != 1 else ''} already scanned in this store: skipped")
    for rec in p.failed:
        _say(f"{rec.spec.name}: failed earlier ({rec.reason}); --retry-failed runs it again")


def batch(
    source: Annotated[str, typer.Argument(help="Directory of APKs, or a text file listing one APK path a line; "
                                          "`report DIR` rebuilds the report of a batch directory.",
                                          show_default=False)],
    report_dir: Annotated[str | None, typer.Argument(help="With `report`: the batch directory.",
                                                     show_default=False)] = None,
    devices: Annotated[str, typer.Option("--devices", help="Device pool: `sim:N` for N virtual devices, "
                                         "adb serials, comma-separated (e.g. sim:2,emulator-5554).")] = "sim",
    out: Annotated[str, typer.Option("--out", "-o", help="Batch directory (or fsspec URL with --broker): "
                                     "jobs/, sessions/, index.html, summary.xlsx, summary.csv.")] = "dynscan-batch",
    scenario: Annotated[str, typer.Option("--scenario", help=f"Built-in scenario ({', '.join(BUILTIN_NAMES)}) "
                                          "or a YAML scenario file.")] = "default",
    format: Annotated[list[ReportFormat] | None, typer.Option(
        "--format", "-f", help="Report format of each session; repeat for several (default: all; json is "
        "always written: the batch report reads it).")] = None,
    config: ConfigOption = None,
    catalog: Annotated[list[Path] | None, typer.Option("--catalog", help="Extra hook catalog file (YAML); "
                                                       "repeat for several.", dir_okay=False)] = None,
    lang: LangOption = Lang.en,
    show_values: ShowValuesOption = False,
    sinkhole: Annotated[bool | None, typer.Option("--sinkhole/--no-sinkhole", help="As for `run`.",
                                                  show_default=False)] = None,
    fail_on: FailOnOption = FailOn.high,
    max_attempts: Annotated[int, typer.Option("--max-attempts", min=1, max=10, help="Attempts per app, each "
                                              "on another device when one is left, before it is `failed`.")] = 3,
    retire_after: Annotated[int, typer.Option("--retire-after", min=1, help="Take a device out of the pool "
                                              "after this many failures in a row.")] = 3,
    retry_failed: Annotated[bool, typer.Option("--retry-failed", help="Run apps that failed in an earlier "
                                               "run of this batch again.")] = False,
    job_timeout: Annotated[float | None, typer.Option("--job-timeout", min=1, help="Seconds after which a "
                                                      "scan counts as stuck (default: from the scenario).",
                                                      show_default=False)] = None,
    broker: Annotated[str | None, typer.Option("--broker", help="Redis URL: enqueue the jobs for `dynscan "
                                               "worker` processes on any host instead of running them here.",
                                               show_default=False)] = None,
    wait: Annotated[bool, typer.Option("--wait/--no-wait", help="With --broker: follow the batch until it "
                                       "ends, then build the report.")] = True,
    visibility_timeout: Annotated[int | None, typer.Option("--visibility-timeout", min=5, help="With --broker: "
                                                           "seconds before Redis hands an unacknowledged job to "
                                                           "another worker (default: from the scenario).",
                                                           show_default=False)] = None,
) -> None:
    """Scan many apps: each app once per scenario and config, on a pool of devices, resumable.

    Every job's ID is the APK's sha256 + scenario + config hash: running the same command again skips
    the finished scans and resumes the rest. Results: DIR/sessions/<job>/ (every report of `run`),
    DIR/index.html, DIR/summary.xlsx, DIR/summary.csv and the SDK league table.
    Exit code: 0 every app scanned and none has a finding at or above --fail-on; 1 some has, or some
    app failed or was not reached; 2 nothing could start; 130 interrupted (a re-run resumes).
    """
    if source == "report" and report_dir is not None:
        store = BatchStore(report_dir)
        built = build_report(store)
        _say(f"report of {built.apps} app{'s' if built.apps != 1 else ''} ({built.done} scanned, "
             f"{built.failed} failed, {built.sdks} SDK{'s' if built.sdks != 1 else ''}) "
             f"in {store.path('index.html')}")
        raise typer.Exit(0)
    if report_dir is not None:
        raise InputError(f"unexpected argument {report_dir!r} (did you mean `dynscan batch report DIR`?)")
    slots = parse_devices(devices)
    formats = [f.value for f in format or []]
    if formats and "json" not in formats:
        formats.append("json")
    store = BatchStore(out)
    if broker is None and not store.local:
        raise InputError(f"--out {out}: a remote store needs --broker (the local pool writes to a directory)")
    store.check_writable()
    if broker is not None:
        from dynscan.batch.enqueue import check_broker
        from dynscan.batch.timing import visibility_timeout_s

        check_broker(broker, visibility_timeout or visibility_timeout_s(scenario))
    jobs, skipped = discover(Path(source), scenario=scenario, config=config, formats=formats, lang=lang.value,
                             show_values=show_values, sinkhole=sinkhole, catalogs=catalog)
    p = plan(store, jobs, skipped, retry_failed=retry_failed)
    _print_plan(p)
    if not jobs:
        n = len(skipped)
        raise InputError(f"{source}: no app to scan" + (f" ({n} file{'s' if n != 1 else ''} skipped)" if n else ""))
    if broker is not None:
        from dynscan.batch.enqueue import enqueue_and_follow

        enqueue_and_follow(broker, store, p, scenario=scenario, wait=wait, visibility_timeout=visibility_timeout)
        if not wait:
            raise typer.Exit(0)
    elif p.run:
        from dynscan.batch.local import run_local

        _say(f"{len(p.run)} app{'s' if len(p.run) != 1 else ''} to scan on {len(slots)} device"
             f"{'s' if len(slots) != 1 else ''}: {', '.join(s.name for s in slots)}; results in {out}")
        _interruptible()
        try:
            result = run_local(store, p, slots, Console(stderr=True), max_attempts=max_attempts,
                               retire_after=retire_after, timeout_s=job_timeout)
        except KeyboardInterrupt:
            build_report(store)
            raise Interrupted(f"interrupted; finished scans are kept in {out}: run the same command to resume") \
                from None
        if result.retired:
            _say(f"devices taken out of the pool: {', '.join(result.retired)} (see {out}/devices/)")
        if result.retired and len(result.retired) == len(slots) and result.done + result.failed == 0:
            build_report(store)
            raise SetupError(f"no scan could start: every device failed its health gate ({out}/devices/ says "
                             "why); fix them and run the same command")
        if result.pending:
            _say(f"{result.pending} app{'s' if result.pending != 1 else ''} not scanned: no device left; "
                 "fix the devices and run the same command to resume")
    built = build_report(store)
    _say(f"{built.done} of {built.apps} apps scanned, {built.failed} failed; report in {store.path('index.html')}")
    raise typer.Exit(_exit_code(store, fail_on))
