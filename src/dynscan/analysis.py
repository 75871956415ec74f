"""Load a timeline, run the rules, write the reports: what ``dynscan analyze`` does.

Both inputs end in the same place: a JSON Lines timeline (``--events``, or a session directory
that only has ``events.jsonl``) is imported into a session store, then store -> rules -> reports.
A timeline in time order takes one pass: each line is validated once, written to the store and
handed to the rules as it is read (the very object the store would give back). When a line is out
of time order the rules stop being fed and run again over the finished store, which sorts by ts,
so the findings are the same either way.

Outputs: without ``out``, the JSON report goes to stdout (the default format) and any other
requested format is written into the session directory (with ``--events`` there is none, so other
formats need ``out``). With ``out``, every requested format (default: all) is written there.
Verdict: ``fail`` when a finding is at or above ``high``, else ``incomplete`` when the coverage
(:mod:`dynscan.coverage`, read from the same pass over the timeline) says the run did not exercise
what it was asked to, else ``pass``.
"""

from __future__ import annotations

import contextlib
import sys
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from dynscan.coverage import Coverage, CoverageBuilder
from dynscan.errors import InputError
from dynscan.events.model import Event
from dynscan.findings import Report, Severity
from dynscan.identity import Identity
from dynscan.policy.load import PolicyRef, load_policy
from dynscan.policy.model import Policy
from dynscan.rules.config import Config
from dynscan.session_dir import SessionDir
from dynscan.store.importer import Importer
from dynscan.store.session import SessionStore, open_store
from dynscan.util.atomic import private_files
from dynscan.util.termsafe import json_safe, say

if TYPE_CHECKING:
    from dynscan.rules.engine import EngineResult

FAIL_VERDICT_AT = Severity.high


@dataclass
class Analysis:
    """A finished analysis: the report and the raw evidence events it cites."""

    report: Report
    evidence: dict[str, dict[str, Any]]


def _override_package(events: Iterable[Event], package: str) -> Iterator[Event]:
    for ev in events:
        if ev.kind == "session_start":
            ev = ev.model_copy(update={"package": package})
        yield ev


def _evaluate(events: Iterable[Event], config: Config, package: str | None,
              policy: Policy | None = None) -> tuple[EngineResult, Coverage]:
    from dynscan.rules.engine import evaluate

    if package is not None:
        events = _override_package(events, package)
    coverage = CoverageBuilder()
    result = evaluate(coverage.watch(events), config, package=package, policy=policy)
    return result, coverage.result()


def analyze_store(store: SessionStore, config: Config, *, package: str | None = None,
                  policy: Policy | None = None) -> Analysis:
    """Run the rules over a session store; ``package`` overrides the one ``session_start`` names;
    ``policy``: the privacy-policy texts to compare behaviour with."""
    return _analysis(store, *_evaluate(store.iter_events(), config, package, policy), package)


def _analysis(store: SessionStore, result: EngineResult, coverage: Coverage, package: str | None) -> Analysis:
    """The report of the rules' ``result`` over ``store``, with the evidence it cites."""
    findings = result.findings
    by_severity = {s.value: sum(1 for f in findings if f.severity is s) for s in Severity}
    first, last = store.time_span()
    stats: dict[str, Any] = {
        **result.stats,
        "out_of_order": store.count_out_of_order(),
        "first_ts": first,
        "last_ts": last,
        "duration_s": round(last - first, 3) if first is not None and last is not None else 0.0,
        "findings": len(findings),
        "findings_by_severity": by_severity,
    }
    invalid = stats.get("invalid_events", 0)
    if invalid:
        print(f"dynscan: warning: {invalid} event{'' if invalid == 1 else 's'} failed validation when "
              f"stored; kept as invalid_event (with the reason) and not judged", file=sys.stderr)
    failed = any(f.severity.rank >= FAIL_VERDICT_AT.rank for f in findings)
    verdict = "fail" if failed else "pass" if coverage.complete else "incomplete"
    report = Report(package=package or result.package, verdict=verdict, findings=findings, stats=stats,
                    coverage=coverage)
    evidence = store.get_many(eid for f in findings for eid in f.evidence)
    return Analysis(report=report, evidence=evidence)


def import_and_analyze(timeline: Path, into: Path, config: Config, *, package: str | None = None,
                       progress: bool | None = False, policy: Policy | None = None) -> tuple[SessionStore, Analysis]:
    """Import ``timeline`` into ``into`` and run the rules: the same result as ``import_jsonl``
    then :func:`analyze_store`, in one pass when the file is in time order. The caller closes the
    returned store."""
    importer = Importer(timeline, into, progress=progress)
    try:
        result, coverage = _evaluate(importer.events(as_stored_only=True), config, package, policy)
        importer.finish().warn(str(timeline))
    finally:
        importer.close()
    store = open_store(into, create=False)
    try:
        if not importer.as_stored:
            result, coverage = _evaluate(store.iter_events(), config, package, policy)
        return store, _analysis(store, result, coverage, package)
    except BaseException:
        store.close()
        raise


def _events_of(session: Path, import_into: Path, cfg: Config, package: str | None,
               progress: bool | None, policy: Policy | None) -> tuple[SessionStore, Analysis]:
    """The store of a session directory and its analysis, importing its ``events.jsonl`` when it
    has no database."""
    sd = SessionDir(session)
    if not session.is_dir():
        hint = " (give a JSON Lines timeline with --events)" if session.is_file() else ""
        raise InputError(f"{session}: not a session directory{hint}")
    if sd.db.exists():  # read only: analyze never writes into its input
        store = open_store(session, create=False, readonly=True)
        try:
            return store, analyze_store(store, cfg, package=package, policy=policy)
        except BaseException:
            store.close()
            raise
    if sd.events_jsonl.exists():
        return import_and_analyze(sd.events_jsonl, import_into, cfg, package=package, progress=progress,
                                  policy=policy)
    raise InputError(f"{session}: no session.db or events.jsonl in this session directory")


def load_identity(path: Path) -> dict[str, Any]:
    """The identity file as the mapping the report writers redact with (learned values in ``extra``)."""
    identity = Identity.load(path)
    data = identity.model_dump(mode="json", exclude_none=True, exclude={"learned"})
    extra: dict[str, str] = data.setdefault("extra", {})
    for i, learned in enumerate(identity.learned):
        extra.setdefault(learned.type if learned.type not in extra else f"{learned.type}_{i}", learned.value)
    return data


def _provenance(session: Path | None, config: Path | None, lang: str) -> dict[str, Any]:
    """What the report was made from: the config file, and the recording's ``session.json``."""
    out: dict[str, Any] = {"config": str(config) if config is not None else "defaults", "lang": lang}
    if session is None:
        return out
    try:
        meta = SessionDir(session).read_meta()
    except InputError as e:
        say(f"warning: {e}; the report says nothing of how the session was recorded")
        return out
    if meta is not None:
        device = meta.device or {}
        out["recording"] = {"scenario": meta.scenario, "started": meta.started, "finished": meta.finished,
                            "device": {k: device.get(k) for k in ("serial", "kind", "model", "sdk_int")},
                            "dynscan_version": meta.dynscan_version}
    return out


def run_analysis(
    *,
    session: Path | None = None,
    events: Path | None = None,
    package: str | None = None,
    config: Path | None = None,
    formats: Sequence[str] = (),
    out: Path | None = None,
    lang: str = "en",
    show_values: bool = False,
    identity: Path | None = None,
    progress: bool | None = False,
    stdout: IO[bytes] | None = None,
    policy_files: Sequence[PolicyRef] = (),
    jurisdiction: str | None = None,
) -> Report:
    """The whole ``dynscan analyze``; returns the report (exit code: ``report.exit_code``)."""
    from dynscan.catalog import report_catalog
    from dynscan.reports import FORMATS, ReportInput, render, write_reports

    if (session is None) == (events is None):
        raise InputError("give either a SESSION_DIR or --events FILE.jsonl (exactly one of them)")
    wanted = list(dict.fromkeys(formats))
    for fmt in wanted:
        if fmt not in FORMATS:
            raise InputError(f"unknown report format {fmt!r}: use one of {', '.join(FORMATS)}")
    if out is None:
        to_stdout = not wanted or "json" in wanted
        to_files = [f for f in wanted if f != "json"]
        if to_files and session is None:
            raise InputError(f"--format {to_files[0]} needs --out DIR (without it only json goes to stdout)")
        files_dir = session
    else:
        to_stdout, to_files, files_dir = False, wanted or list(FORMATS), out
    if out is not None and out.exists() and not out.is_dir():
        raise InputError(f"--out {out}: not a directory")
    cfg = Config.load(config)
    if jurisdiction is not None:
        cfg = Config.model_validate({**cfg.model_dump(), "jurisdiction": jurisdiction})
    ident = load_identity(identity) if identity is not None else None
    policy = load_policy(session, list(policy_files))

    with contextlib.ExitStack() as stack:
        stack.enter_context(private_files())  # an imported session.db and the reports: 0600
        if session is not None:
            into = out if out is not None else Path(stack.enter_context(  # never into the input
                tempfile.TemporaryDirectory(prefix="dynscan-analyze-")))
            store, analysis = _events_of(session, into, cfg, package, progress, policy)
            stack.callback(store.close)
            if ident is None and SessionDir(session).identity.exists():
                ident = load_identity(SessionDir(session).identity)
        else:
            assert events is not None
            work = out if out is not None else Path(stack.enter_context(
                tempfile.TemporaryDirectory(prefix="dynscan-analyze-")))
            store, analysis = import_and_analyze(events, work, cfg, package=package, progress=progress,
                                                 policy=policy)
            stack.callback(store.close)
        analysis.report.stats["provenance"] = _provenance(session, config, lang)
        analysis.report.stats["policy_sources"] = [src.name for src in policy.sources] if policy is not None else []
        data = ReportInput(report=analysis.report, evidence=analysis.evidence, timeline=store.iter_raw,
                           lang=lang, show_values=show_values, identity=ident,
                           catalog=report_catalog(cfg.sdk_signatures))
        if to_files:
            assert files_dir is not None
            write_reports(data, to_files, files_dir)
        if to_stdout:
            sink = stdout if stdout is not None else sys.stdout.buffer
            sink.write(json_safe(render("json", data).decode()).encode())  # nothing that drives a terminal
            sink.flush()
    return analysis.report

