"""The coverage (what the run exercised) as rows every writer shows: one per phase, then the totals."""

from __future__ import annotations

from dynscan.coverage import Coverage
from dynscan.reports.i18n import t


def _counts(d: dict[str, int]) -> str:
    return ", ".join(f"{k} {n}" for k, n in sorted(d.items())) or "0"


def phase_rows(coverage: Coverage, lang: str) -> list[tuple[str, str, str]]:
    """(phase, status, reason) per phase; a crash in the phase is said in the reason."""
    rows = []
    for p in coverage.phases:
        status = t(p.status, lang) if p.status in ("reached", "skipped", "failed", "started") else p.status
        reason = p.reason or ""
        if p.crashed:
            reason = "; ".join(x for x in (reason, t("crashed", lang)) if x)
        rows.append((p.name, status, reason))
    return rows


def summary_rows(coverage: Coverage, lang: str) -> list[tuple[str, str]]:
    """(label, value) of the totals, the verdict's reasons first."""
    if not coverage.driven and not coverage.phases:
        return [(t("coverage", lang), t("cov_not_driven", lang)), *hooks_rows(coverage, lang),
                *guided_rows(coverage, lang)]
    head = (t("cov_complete", lang) if coverage.complete
            else t("cov_incomplete", lang, why="; ".join(coverage.incomplete)))
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
    return rows + hooks_rows(coverage, lang) + guided_rows(coverage, lang)


def hooks_rows(coverage: Coverage, lang: str) -> list[tuple[str, str]]:
    """The hooks never installed (their class never loaded): what was not watched. Nothing when unknown."""
    hooks = coverage.hooks_never_installed
    if hooks is None:
        return []
    if not hooks:
        return [(t("hooks_never_installed", lang), t("hooks_all_installed", lang))]
    return [(t("hooks_never_installed", lang), f"{len(hooks)}: " + ", ".join(f"{h.id} ({h.api})" for h in hooks))]


def guided_rows(coverage: Coverage, lang: str) -> list[tuple[str, str]]:
    """One row per guided check: what a tester looks at by hand (docs/scenes.md)."""
    return [(f"{t('guided_check', lang)} {g.id}", f"[{g.scene}] {g.zh if lang == 'zh' else g.en}")
            for g in coverage.guided_checks]


def properties(coverage: Coverage) -> dict[str, str]:
    """Flat ``coverage.*`` properties for SARIF and JUnit."""
    props = {
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
    for p in coverage.phases:
        props[f"coverage.phase.{p.name}"] = p.status + (f": {p.reason}" if p.reason else "") + (
            " (crashed)" if p.crashed else "")
    return props
