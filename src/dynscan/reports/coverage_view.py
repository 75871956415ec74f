"""The coverage (what the run exercised) as rows every writer shows: one per phase, then the totals.

A field of :class:`~dynscan.coverage.Coverage` this module does not know by name is still shown, after
the known ones: labelled by its UI string when :mod:`dynscan.reports.i18n` has one (else by its name),
its value as text (a list joined by ", ", a mapping as ``key count``). So a new list in the coverage
reaches the HTML, XLSX, SARIF and JUnit reports without code here.
"""

from __future__ import annotations

from typing import Any

import orjson

from dynscan.coverage import Coverage
from dynscan.reports.i18n import STRINGS, t

_STATUSES = frozenset({"reached", "skipped", "failed", "started", "not_started"})
#: The fields shown by name; every other field of Coverage is shown generically (:func:`extra_rows`).
_KNOWN = frozenset({"driven", "phases", "foreground_s", "background_s", "dialogs_seen", "dialogs_answered",
                    "privacy_dialog", "granted_by_device", "complete", "incomplete", "instrumentation_probes",
                    "guided_checks", "hooks_never_installed", "hooks_failed"})


def _counts(d: dict[str, int]) -> str:
    return ", ".join(f"{k} {n}" for k, n in sorted(d.items())) or "0"


def _item(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        return " ".join(f"{k}={_item(v)}" for k, v in value.items())
    return orjson.dumps(value, default=str).decode()


def _text(value: Any) -> str:
    """A coverage value as one line: a list joined by ", ", a mapping of counts as ``key count``."""
    if isinstance(value, list):
        return ", ".join(_item(v) for v in value)
    if isinstance(value, dict):
        if all(isinstance(v, int) for v in value.values()):
            return _counts(value)
        return "; ".join(f"{k}: {_item(v)}" for k, v in sorted(value.items()))
    if isinstance(value, bool):
        return str(value).lower()
    return _item(value) if not isinstance(value, int | float) else f"{value:g}"


def _extras(coverage: Coverage) -> list[tuple[str, str]]:
    """(field name, value as text) of every non-empty field not shown by name."""
    data = coverage.model_dump(mode="json")
    return [(name, _text(data[name])) for name in type(coverage).model_fields
            if name not in _KNOWN and data.get(name) not in (None, [], {}, "", False)]


def extra_rows(coverage: Coverage, lang: str) -> list[tuple[str, str]]:
    """(label, value) of the fields shown generically (see the module docstring)."""
    return [(t(name, lang) if name in STRINGS else name.replace("_", " ").capitalize(), value)
            for name, value in _extras(coverage)]


def phase_rows(coverage: Coverage, lang: str) -> list[tuple[str, str, str]]:
    """(phase, status, reason) per phase; a crash in the phase is said in the reason."""
    rows = []
    for p in coverage.phases:
        status = t(p.status, lang) if p.status in _STATUSES else p.status
        reason = p.reason or ""
        if p.crashed:
            reason = "; ".join(x for x in (reason, t("crashed", lang)) if x)
        rows.append((p.name, status, reason))
    return rows


def summary_rows(coverage: Coverage, lang: str) -> list[tuple[str, str]]:
    """(label, value) of the totals, the verdict's reasons first."""
    head = t("cov_incomplete", lang, why="; ".join(coverage.incomplete)) if not coverage.complete else ""
    if not coverage.driven and not coverage.phases:
        return [(t("coverage", lang), head or t("cov_not_driven", lang)), *extra_rows(coverage, lang),
                *hooks_rows(coverage, lang), *guided_rows(coverage, lang)]
    head = head or t("cov_complete" if coverage.phases else "cov_no_phases", lang)
    rows = [
        (t("coverage", lang), head),
        (t("foreground_s", lang), f"{coverage.foreground_s:g}"),
        (t("background_s", lang), f"{coverage.background_s:g}"),
        (t("dialogs_seen", lang), _counts(coverage.dialogs_seen)),
        (t("dialogs_answered", lang), _counts(coverage.dialogs_answered)),
        (t("privacy_dialog", lang), t("yes" if coverage.privacy_dialog else "no", lang)),
    ]
    if coverage.granted_by_device:
        rows.append((t("granted_by_device", lang), ", ".join(coverage.granted_by_device)))
    if coverage.instrumentation_probes:
        rows.append((t("instrumentation_probes", lang), _counts(coverage.instrumentation_probes)))
    return rows + extra_rows(coverage, lang) + hooks_rows(coverage, lang) + guided_rows(coverage, lang)


def hooks_rows(coverage: Coverage, lang: str) -> list[tuple[str, str]]:
    """The hooks never installed (their class never loaded), then those skipped or failed (a method this
    platform lacks, a hook that threw): what was not watched. Nothing when unknown; shown by name (not
    generically) so that an empty list says every hook was installed, and a failure reads ``id (reason)``."""
    rows = []
    hooks = coverage.hooks_never_installed
    if hooks is not None and not hooks:
        rows.append((t("hooks_never_installed", lang), t("hooks_all_installed", lang)))
    elif hooks:
        rows.append((t("hooks_never_installed", lang),
                     f"{len(hooks)}: " + ", ".join(f"{h.id} ({h.api})" for h in hooks)))
    if coverage.hooks_failed:  # [] and None alike say nothing: no row
        rows.append((t("hooks_failed", lang), f"{len(coverage.hooks_failed)}: "
                     + "; ".join(f"{f.id} ({f.reason})" for f in coverage.hooks_failed)))
    return rows


def guided_rows(coverage: Coverage, lang: str) -> list[tuple[str, str]]:
    """One row per guided check: what a tester looks at by hand (docs/scenes.md)."""
    return [(f"{t('guided_check', lang)} {g.id}", f"[{g.scene}] {g.zh if lang == 'zh' else g.en}")
            for g in coverage.guided_checks]


def properties(coverage: Coverage) -> dict[str, str]:
    """Flat ``coverage.*`` properties for SARIF and JUnit."""
    props = {
        "coverage.driven": str(coverage.driven).lower(),  # false: a timeline from elsewhere, nothing judged
        "coverage.complete": str(coverage.complete).lower(),
        "coverage.foreground_s": f"{coverage.foreground_s:g}",
        "coverage.background_s": f"{coverage.background_s:g}",
        "coverage.dialogs_seen": _counts(coverage.dialogs_seen),
        "coverage.dialogs_answered": _counts(coverage.dialogs_answered),
        "coverage.privacy_dialog": str(coverage.privacy_dialog).lower(),
    }
    if coverage.guided_checks:
        props["coverage.guided_checks"] = ", ".join(g.id for g in coverage.guided_checks)
    if coverage.incomplete:
        props["coverage.incomplete"] = "; ".join(coverage.incomplete)
    if coverage.granted_by_device:
        props["coverage.granted_by_device"] = ", ".join(coverage.granted_by_device)
    if coverage.instrumentation_probes:
        props["coverage.instrumentation_probes"] = _counts(coverage.instrumentation_probes)
    if coverage.hooks_never_installed is not None:
        props["coverage.hooks_never_installed"] = ", ".join(h.id for h in coverage.hooks_never_installed)
    if coverage.hooks_failed is not None:
        props["coverage.hooks_failed"] = "; ".join(f"{f.id} ({f.reason})" for f in coverage.hooks_failed)
    for name, value in _extras(coverage):
        props[f"coverage.{name}"] = value
    for p in coverage.phases:
        props[f"coverage.phase.{p.name}"] = p.status + (f": {p.reason}" if p.reason else "") + (
            " (crashed)" if p.crashed else "")
    return props
