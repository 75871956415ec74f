"""Re-run the rules on a recorded session or an imported timeline."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from dynscan.analysis import run_analysis
from dynscan.cli.options import (
    ConfigOption,
    EventsOption,
    FailOnOption,
    FormatOption,
    IdentityOption,
    JurisdictionOption,
    Lang,
    LangOption,
    OutOption,
    PackageOption,
    PolicyOption,
    ProgressOption,
    ShowValuesOption,
)
from dynscan.findings import FailOn
from dynscan.util.termsafe import say

SessionArgument = Annotated[
    Path | None,
    typer.Argument(help="Recorded session directory.", metavar="SESSION_DIR", show_default=False),
]


def analyze(
    session: SessionArgument = None,
    events: EventsOption = None,
    package: PackageOption = None,
    config: ConfigOption = None,
    format: FormatOption = None,
    out: OutOption = None,
    fail_on: FailOnOption = FailOn.high,
    lang: LangOption = Lang.en,
    show_values: ShowValuesOption = False,
    identity: IdentityOption = None,
    progress: ProgressOption = None,
    policy: PolicyOption = None,
    jurisdiction: JurisdictionOption = None,
) -> None:
    """Re-run the rules on a recorded session or an imported timeline.

    Give a SESSION_DIR (its session.db, or its events.jsonl when it has no database yet) or
    --events FILE.jsonl. Without --out the JSON report goes to stdout; other formats then go into
    SESSION_DIR. With --out every format (or those given with --format) is written there.
    Exit code: 0 no finding at or above --fail-on, 1 some (or the verdict is incomplete: the run did
    not exercise what it was asked to, or the timeline holds nothing from the app), 2 bad input.
    """
    report = run_analysis(
        session=session, events=events, package=package, config=config,
        formats=[f.value for f in format or []], out=out, lang=lang.value, show_values=show_values,
        identity=identity, progress=progress, policy_files=policy or [],
        jurisdiction=jurisdiction.value if jurisdiction else None,
    )
    if out is not None:
        say(f"verdict: {report.summary()}; reports in {out}")
    raise typer.Exit(report.exit_code(fail_on))
