"""The HTML report: one self-contained page (inline CSS, JS and SVG; nothing is fetched).

Every string that comes from the app or its traffic goes through :func:`html.escape`; the one JSON
blob read by the page's script goes through :func:`json_for_script`.
"""

from __future__ import annotations

import re
from collections import defaultdict
from html import escape
from importlib.resources import files
from typing import Any

import orjson

from dynscan.coverage import Coverage
from dynscan.reports.catalog import ActorInfo, ReportCatalog
from dynscan.reports.coverage_view import phase_rows, summary_rows
from dynscan.reports.frequency_view import frequency_section
from dynscan.reports.i18n import t
from dynscan.reports.inputs import ReportInput
from dynscan.reports.redact import Redactor
from dynscan.reports.timeline_chart import render_chart
from dynscan.reports.view import SEVERITIES, EvidenceView, FindingView, as_text, finding_views, iso, severity_counts

EVIDENCE_CAP = 20
FRAME_CAP = 25
_KIND_ORDER = {"app": 0, "sdk": 1, "lib": 2, "unknown": 3}


def json_for_script(data: Any) -> str:
    """JSON safe inside ``<script>``: ``<``, ``>``, ``&``, U+2028 and U+2029 are ``\\u`` escapes."""
    text = orjson.dumps(data, default=str).decode()
    for char, esc in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"),
                      ("\u2029", "\\u2029")):
        text = text.replace(char, esc)
    return text


def _e(value: Any) -> str:
    return escape(as_text(value), quote=True)


def _link(ref: str) -> str:
    if ref.startswith(("https://", "http://")):
        return f'<a href="{_e(ref)}" rel="noopener noreferrer">{_e(ref)}</a>'
    return _e(ref)


def _actor_label(info: ActorInfo, lang: str) -> str:
    return t("kind_app", lang) if info.kind == "app" else info.name


def _evidence(ev: EvidenceView, lang: str) -> str:
    if not ev.present:
        return (f'<div class="ev"><code>{_e(ev.id)}</code> '
                f'<span class="muted">{_e(t("missing_evidence", lang))}</span></div>')
    out = [f'<div class="ev"><div class="head"><span class="mono">{_e(iso(ev.ts))}</span>'
           f'<span class="badge">{_e(ev.kind)}</span><code>{_e(ev.api)}</code>'
           f'<span class="muted mono">{_e(ev.id)}</span></div>']

    def kv(key: str, value: str, mono: bool = True) -> None:
        if value:
            out.append(f'<div class="kv"><span>{_e(t(key, lang))}</span>'
                       f'<span class="{"mono" if mono else ""}">{_e(value)}</span></div>')

    kv("value", ev.value)
    kv("args", ev.args)
    if ev.url:
        kv("method", ev.method)
        kv("url", ev.url)
        kv("host", ev.host)
    kv("pii", "; ".join(ev.pii), mono=False)
    if ev.stack:
        frames = "".join(f'<li class="{"app" if f == ev.top_frame else ""}">{_e(f)}</li>'
                         for f in ev.stack[:FRAME_CAP])
        more = (f'<li class="muted">{_e(t("more_frames", lang, n=len(ev.stack) - FRAME_CAP))}</li>'
                if len(ev.stack) > FRAME_CAP else "")
        out.append(f'<div class="kv"><span>{_e(t("stack", lang))}</span></div>'
                   f'<ol class="stack mono">{frames}{more}</ol>')
    out.append("</div>")
    return "".join(out)


def _finding(view: FindingView, lang: str) -> str:
    f = view.finding
    sev = f.severity.value
    facts = [("category", f.category), ("data_type", f.data_type), ("count", str(f.count)),
             ("evidence_count", str(view.evidence_total)), ("first", iso(f.first_ts)), ("last", iso(f.last_ts))]
    dl = "".join(f"<dt>{_e(t(k, lang))}</dt><dd>{_e(v)}</dd>" for k, v in facts if v)
    refs = list(dict.fromkeys([*f.references, *view.rule.references]))
    ref_html = (f'<div class="muted">{_e(t("references", lang))}: ' + " · ".join(_link(r) for r in refs) + "</div>"
                if refs else "")
    evidence = "".join(_evidence(ev, lang) for ev in view.evidence)
    if view.evidence_total > len(view.evidence):
        hidden = view.evidence_total - len(view.evidence)
        evidence += f'<div class="muted">{_e(t("more_evidence", lang, n=hidden))}</div>'
    details = (f'<details class="evidence"><summary>{_e(t("evidence", lang))} ({view.evidence_total})</summary>'
               f"{evidence}</details>" if view.evidence_total else "")
    return (f'<article class="finding sev-{sev}" data-sev="{sev}" id="finding-{view.index}">'
            f'<h4><span class="sev {sev}">{_e(t(sev, lang))}</span> {_e(view.rule.title(lang))} '
            f'<code class="muted">{_e(f.rule)}</code></h4><div>{_e(view.message)}</div>'
            f'<dl class="facts">{dl}</dl>{ref_html}{details}</article>')


def _groups(views: list[FindingView], catalog: ReportCatalog, lang: str) -> str:
    by_actor: dict[str, list[FindingView]] = defaultdict(list)
    for v in views:
        by_actor[v.finding.actor].append(v)

    def order(actor: str) -> tuple[int, int, str]:
        top = max(v.finding.severity.rank for v in by_actor[actor])
        return (_KIND_ORDER.get(catalog.actor(actor).kind, 3), -top, actor)

    out = []
    for actor in sorted(by_actor, key=order):
        info = catalog.actor(actor)
        group = sorted(by_actor[actor], key=lambda v: (-v.finding.severity.rank, v.finding.first_ts))
        meta = [f'<span class="badge {info.kind}">{_e(t("kind_" + info.kind, lang))}</span>']
        if info.vendor:
            meta.append(f'<span class="muted">{_e(t("vendor", lang))}: {_e(info.vendor)}</span>')
        if info.category:
            meta.append(f'<span class="muted">{_e(t("sdk_category", lang))}: {_e(info.category)}</span>')
        meta.append(f'<code class="muted">{_e(actor)}</code>')
        out.append(f'<section class="actor-group"><div class="actor-head"><h3>{_e(_actor_label(info, lang))}</h3>'
                   f'{"".join(meta)}</div>{"".join(_finding(v, lang) for v in group)}</section>')
    return "".join(out)


def _rule_summary(views: list[FindingView], lang: str) -> str:
    rows: dict[str, list[FindingView]] = defaultdict(list)
    for v in views:
        rows[v.finding.rule].append(v)
    body = []
    for rule, items in sorted(rows.items(), key=lambda kv: (-max(v.finding.severity.rank for v in kv[1]), kv[0])):
        sev = max((v.finding.severity for v in items), key=lambda s: s.rank).value
        actors = ", ".join(dict.fromkeys(_actor_label(v.actor, lang) for v in items))
        body.append(f'<tr><td><span class="sev {sev}">{_e(t(sev, lang))}</span></td>'
                    f"<td>{_e(items[0].rule.title(lang))}<br><code class='muted'>{_e(rule)}</code></td>"
                    f"<td>{len(items)}</td><td>{sum(v.finding.count for v in items)}</td><td>{_e(actors)}</td></tr>")
    head = "".join(f"<th>{_e(t(k, lang))}</th>" for k in ("severity", "rule", "findings", "count", "actors"))
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def _stats(stats: dict[str, Any], redactor: Redactor, lang: str) -> str:
    if not stats:
        return ""
    rows = "".join(f"<tr><th>{_e(k)}</th><td class='mono'>{_e(as_text(redactor.deep_text(v))[:500])}</td></tr>"
                   for k, v in list(stats.items())[:50])
    return (f"<h2>{_e(t('stats', lang))}</h2><details><summary>{_e(t('details', lang))}</summary>"
            f"<table>{rows}</table></details>")


def _provenance(stats: dict[str, Any], lang: str) -> str:
    """The header's second line: the scenario, the device and the rule settings the report comes from."""
    prov = stats.get("provenance")
    if not isinstance(prov, dict):
        return ""
    parts = []
    rec: dict[str, Any] = prov["recording"] if isinstance(prov.get("recording"), dict) else {}
    if rec.get("scenario"):
        parts.append(f'{_e(t("scenario", lang))}: <code>{_e(str(rec["scenario"]))}</code>')
    device: dict[str, Any] = rec["device"] if isinstance(rec.get("device"), dict) else {}
    if device.get("model") or device.get("serial"):
        parts.append(f'{_e(t("device", lang))}: {_e(str(device.get("model") or "?"))} '
                     f'(<code>{_e(str(device.get("serial") or "?"))}</code>)')
    parts.append(f'{_e(t("config", lang))}: <code>{_e(str(prov.get("config", "defaults")))}</code>')
    return f'<div class="muted">{" · ".join(parts)}</div>'


def _coverage(coverage: Coverage | None, lang: str) -> str:
    if coverage is None:
        return ""
    rows = "".join(f"<tr><td><code>{_e(n)}</code></td><td>{_e(st)}</td><td>{_e(why)}</td></tr>"
                   for n, st, why in phase_rows(coverage, lang))
    table = (f"<table><thead><tr><th>{_e(t('phase', lang))}</th><th>{_e(t('status', lang))}</th>"
             f"<th>{_e(t('reason', lang))}</th></tr></thead><tbody>{rows}</tbody></table>") if rows else ""
    totals = "".join(f"<tr><th>{_e(k)}</th><td>{_e(v)}</td></tr>" for k, v in summary_rows(coverage, lang))
    return f'<h2>{_e(t("coverage", lang))}</h2><section id="coverage">{table}<table>{totals}</table></section>'


def _not_exercised(coverage: Coverage | None, lang: str) -> str:
    """Under the verdict, whatever its word: why the run is incomplete (a failing run can be incomplete too)."""
    if coverage is None or coverage.complete:
        return ""
    return (f'<div class="not-exercised">'
            f'{_e(t("cov_incomplete", lang, why="; ".join(coverage.incomplete)))}</div>')


def _label(stats: dict[str, Any]) -> str:
    """The app's own name (from its resources), when the session recorded one."""
    label = stats.get("app_label")
    return f" · {_e(str(label))}" if isinstance(label, str) and label else ""

def render_html(data: ReportInput) -> bytes:
    lang = data.lang
    report = data.report
    redactor = Redactor(data.show_values, data.identity)
    views = finding_views(data, EVIDENCE_CAP, redactor)
    counts = severity_counts(report.findings)
    failed = report.verdict.lower() == "fail"
    verdict_class = " fail" if failed else " incomplete" if report.verdict == "incomplete" else ""
    verdict_word = {"fail": t("fail", lang), "pass": t("pass", lang), "incomplete": t("incomplete", lang)}.get(
        report.verdict.lower(), report.verdict)
    chips = "".join(f'<span class="count{" zero" if not counts[s] else ""}"><b>{counts[s]}</b>'
                    f'<span class="sev {s}">{_e(t(s, lang))}</span></span>' for s in SEVERITIES)
    known = {eid: f.actor for f in report.findings for eid in f.evidence[:EVIDENCE_CAP * 10]}
    hosts = report.stats.get("flow_actors_by_host")
    chart = render_chart(data.timeline, report.package, known, lang,
                         lambda a: _actor_label(data.catalog.actor(a), lang), data.catalog.sdks,
                         hosts if isinstance(hosts, dict) else None)
    filters = "".join(f'<label><input type="checkbox" data-sev value="{s}" checked> {_e(t(s, lang))}</label>'
                      for s in SEVERITIES)
    groups = _groups(views, data.catalog, lang) if views else ""
    findings_html = (f'<div class="filters">{_e(t("filter", lang))}: {filters}'
                     f'<button type="button" id="toggle-evidence">{_e(t("expand", lang))}</button></div>'
                     + groups) if views else f'<p class="card">{_e(t("no_findings", lang))}</p>'
    note = t("shown_note" if data.show_values else "redacted_note", lang)
    body = (f'<header><h1>{_e(t("title", lang))}</h1><div class="muted">{_e(t("package", lang))}: '
            f'<code>{_e(report.package or "?")}</code>{_label(report.stats)}</div>'
            f'{_provenance(report.stats, lang)}</header>'
            f'<h2>{_e(t("verdict", lang))}</h2><section class="verdict{verdict_class}">'
            f'<div class="big">{_e(verdict_word)}</div><div>{chips}</div>{_not_exercised(report.coverage, lang)}'
            f'<div class="muted">{_e(t("findings", lang))}: {len(views)}</div></section>'
            + _coverage(report.coverage, lang)
            + (f'<h2>{_e(t("rule_summary", lang))}</h2>{_rule_summary(views, lang)}' if views else "")
            + f'<h2>{_e(t("timeline", lang))}</h2>{chart}'
            + f'<h2>{_e(t("findings", lang))}</h2>{findings_html}'
            + frequency_section(report.stats, lambda a: _actor_label(data.catalog.actor(a), lang), lang,
                                redactor)
            + _stats(report.stats, redactor, lang)
            + f'<footer class="muted">{_e(note)} {_e(t("generated_by", lang))} · '
              f'<code>{_e(report.schema_)}</code></footer>')
    blob = json_for_script({"lang": lang, "package": report.package, "counts": counts,
                            "strings": {"expand": t("expand", lang), "collapse": t("collapse", lang)}})
    template = files("dynscan.reports").joinpath("report.html").read_text(encoding="utf-8")
    fills = {"LANG": lang, "TITLE": _e(f"{t('title', lang)} · {report.package or ''}"), "BODY": body, "DATA": blob}
    return re.sub(r"\{\{(LANG|TITLE|BODY|DATA)\}\}", lambda m: fills[m.group(1)], template).encode("utf-8")
