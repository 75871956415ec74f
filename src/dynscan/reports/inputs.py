"""What the report writers are given: the report, its evidence and the timeline."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from dynscan.findings import Report
from dynscan.reports.catalog import ReportCatalog


def _no_timeline() -> Iterable[dict[str, Any]]:
    return ()


@dataclass
class ReportInput:
    """One session's report with the raw events the writers show.

    ``evidence`` maps event id to raw event dict (only the evidence events); ``timeline`` is called
    once per pass and yields every raw event dict in time order (only the HTML chart uses it).
    """

    report: Report
    evidence: Mapping[str, dict[str, Any]]
    timeline: Callable[[], Iterable[dict[str, Any]]] = _no_timeline
    lang: str = "en"
    show_values: bool = False
    identity: Mapping[str, Any] | None = None  # known personal values to redact wherever they appear
    #: Rule titles, descriptions and references, and the SDK data (see :class:`ReportCatalog`).
    catalog: ReportCatalog = field(default_factory=ReportCatalog)
