"""Findings and the report they make up (CONTRACTS section 4)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, Field

from dynscan.coverage import Coverage

REPORT_SCHEMA = "dynscan.report/1"


class Severity(StrEnum):
    critical = "critical"
    high = "high"
    medium = "medium"
    low = "low"
    info = "info"

    @property
    def rank(self) -> int:
        return _RANK[self.value]


_RANK = {"critical": 4, "high": 3, "medium": 2, "low": 1, "info": 0}


class FailOn(StrEnum):
    """``--fail-on``: the lowest severity that makes the exit code 1 (``never``: always 0)."""

    critical = "critical"
    high = "high"
    medium = "medium"
    low = "low"
    info = "info"
    never = "never"


@dataclass(frozen=True)
class RuleInfo:
    """What a report shows about a rule: made by the rule registry, handed to the report writers."""

    id: str
    title_en: str
    title_zh: str
    severity: str | None = None
    description_en: str = ""
    description_zh: str = ""
    references: tuple[str, ...] = ()

    def title(self, lang: str) -> str:
        return self.title_zh if lang == "zh" and self.title_zh else self.title_en

    def description(self, lang: str) -> str:
        text = self.description_zh if lang == "zh" and self.description_zh else self.description_en
        return text or self.title(lang)


class Finding(BaseModel):
    """One (rule, actor, data type) group of hits on the timeline."""

    rule: str
    severity: Severity
    actor: str
    category: str | None = None
    data_type: str | None = None
    count: int
    first_ts: float
    last_ts: float
    evidence: list[str] = Field(default_factory=list)
    message: str
    #: The message in Chinese (extension; the reports use it with ``--lang zh``).
    message_zh: str | None = None
    references: list[str] = Field(default_factory=list)


class Report(BaseModel):
    """The whole verdict on one session: ``fail`` (a finding at or above ``high``), ``incomplete``
    (no such finding, but the run did not exercise what the scenario asked: see ``coverage``) or
    ``pass`` (exercised and clean)."""

    schema_: str = Field(default=REPORT_SCHEMA, alias="schema")
    package: str | None = None
    verdict: str
    findings: list[Finding] = Field(default_factory=list)
    stats: dict[str, Any] = Field(default_factory=dict)
    #: What the run exercised (extension; absent in reports of older versions).
    coverage: Coverage | None = None

    model_config = {"populate_by_name": True}

    def exit_code(self, fail_on: FailOn) -> int:
        if fail_on is FailOn.never:
            return 0
        floor = _RANK[fail_on.value]
        if self.verdict == "incomplete":  # a run that did not exercise the app never passes
            return 1
        return 1 if any(f.severity.rank >= floor for f in self.findings) else 0

    def summary(self) -> str:
        """``verdict (N findings; up to two reasons the run was incomplete)``, for the terminal. A failing run
        that was also incomplete says so: its findings are not all the app would show."""
        reasons = self.coverage.incomplete if self.coverage is not None and not self.coverage.complete else []
        why = "".join(f"; {r}" for r in reasons[:2]) + (
            f"; {len(reasons) - 2} more in the report" if len(reasons) > 2 else "")
        if reasons and self.verdict != "incomplete":
            why = "; the run was incomplete too" + why
        return f"{self.verdict} ({len(self.findings)} findings{why})"

    def to_json_dict(self) -> dict[str, Any]:
        return self.model_dump(mode="json", by_alias=True)
