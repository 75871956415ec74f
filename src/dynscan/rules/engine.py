"""Walk the timeline once, keep the state in a :class:`TimelineContext`, and group rule hits.

Rules are dispatched by event kind through a dict; the context is updated after the rules have
seen an event, so a rule always reads the state *before* the event it judges.

Actors: ``api_call``, ``permission_request`` and ``component_start`` by their stack
(:meth:`SdkDb.attribute`); ``app_state`` is ``app``. A ``flow``'s party comes from the session's
one :class:`~dynscan.attribution.DestinationClassifier` (config, package, SDK data, and who opened
connections to the host); the ``party`` the proxy stored is not read again. Its actor is the code
that opened the connection (a ``net_request`` shortly before names it from its stack: that wins
over every guess from the host), else ``sdk:<id>``, ``app`` for a first-party host, or ``unknown``.
Flows with ``attribution: system`` are skipped by every rule and counted in ``stats``; the hosts
learned as first party are listed in ``stats.learned_first_party_hosts``.

Findings group hits per (rule, actor, category, data type); each keeps the count, the first and
last time, at most :data:`MAX_EVIDENCE` event ids (a related event such as the earlier denial
first) and at most :data:`MAX_SUBJECTS` subjects (hosts, permissions, packages) for the message.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from dynscan.attribution import SdkDb
from dynscan.events.model import EXTENSION_KINDS, KNOWN_KINDS, Event
from dynscan.events.vocab import SENSITIVE_CATEGORIES
from dynscan.findings import Finding, Severity
from dynscan.policy.model import Policy
from dynscan.rules.config import Config
from dynscan.rules.context import TimelineContext
from dynscan.rules.rates import CollectionRates
from dynscan.rules.registry import END, Hit, RuleFunc, RuleSpec, load_all

MAX_EVIDENCE = 50
MAX_SUBJECTS = 10
MAX_HOSTS = 2000  # hosts listed with their actor in ``stats.flow_actors_by_host``
_STACK_KINDS = frozenset({"api_call", "permission_request", "component_start", "net_request", "download",
                          "net_connect"})
#: The pseudo-kind of rules judged once the whole timeline is read (``NO_PRIVACY_POLICY``): they get a
#: :class:`TimelineEnd` and return hits on events the context remembered.
TIMELINE_END = "timeline_end"
_SENSITIVE = SENSITIVE_CATEGORIES


@dataclass(frozen=True)
class TimelineEnd:
    kind: str
    ts: float
    id: str | None = None


@dataclass
class EngineResult:
    findings: list[Finding]
    package: str | None
    stats: dict[str, Any] = field(default_factory=dict)


def all_rules() -> list[RuleSpec]:
    """The rule catalog, in CONTRACTS order."""
    return list(load_all().values())


class _Group:
    __slots__ = ("count", "evidence", "first_ts", "last_ts", "severity", "spec", "subjects")

    def __init__(self, spec: RuleSpec, ts: float) -> None:
        self.spec = spec
        self.severity: Severity | None = None  # a hit's override of the rule's severity
        self.count = 0
        self.first_ts = ts
        self.last_ts = ts
        self.evidence: list[str] = []
        self.subjects: list[str] = []

    def add(self, ts: float, event_id: str | None) -> None:
        self.count += 1
        if ts > self.last_ts:  # events come in time order; stay right if they do not
            self.last_ts = ts
        elif ts < self.first_ts:
            self.first_ts = ts
        if event_id is not None and len(self.evidence) < MAX_EVIDENCE:
            self.evidence.append(event_id)


def evaluate(
    events: Iterable[Event], config: Config, *, sdk_db: SdkDb | None = None, package: str | None = None,
    policy: Policy | None = None,
) -> EngineResult:
    """Run every enabled rule over ``events`` (validated, sorted by ``ts``).

    ``package`` is used until a ``session_start`` names one (``--package``); ``policy``: the privacy
    policy texts available (the session's ``policy.json``, ``--policy`` files), None when there are none.
    """
    db = sdk_db if sdk_db is not None else SdkDb.load(config.sdk_signatures)
    ctx = TimelineContext(config, db, package, policy)
    disabled = set(config.disabled_rules)
    dispatch: dict[str, list[tuple[RuleFunc, RuleSpec]]] = {}
    for spec in all_rules():
        if spec.id not in disabled:
            for kind in spec.kinds:
                dispatch.setdefault(kind, []).append((spec.func, spec))
    updaters: dict[str, Callable[[Any], None]] = {
        "session_start": ctx.on_session_start, "app_reset": ctx.on_app_reset, "consent": ctx.on_consent,
        "app_state": ctx.on_app_state, "app_launch": ctx.on_app_launch, "user_action": ctx.on_user_action,
        "permission_result": ctx.on_permission_result, "permission_request": ctx.on_permission_request,
        "component_start": ctx.on_component_start,
        "dialog": ctx.on_dialog,
        "net_connect": ctx.on_net_connect, "tcf_signal": ctx.on_tcf_signal, "tls_failed": ctx.on_tls_failed,
        "flow": ctx.on_flow_seen,
    }
    groups: dict[tuple[str, str, str | None, str | None], _Group] = {}
    kinds: dict[str, int] = {}
    api_by_actor: dict[str, int] = {}
    flows_by_party: dict[str, int] = {}
    host_actors: dict[str, str] = {}
    system_flows = 0
    attribute = db.attribute
    total = 0
    rates = CollectionRates()
    first_ts: float | None = None

    for ev in events:
        if not total:
            first_ts = ev.ts
        total += 1
        kind = ev.kind
        kinds[kind] = kinds.get(kind, 0) + 1
        cat = dt = None
        if kind == "api_call":
            actor = ctx.actor = attribute(ev.stack, ctx.package)  # type: ignore[union-attr]
            api_by_actor[actor] = api_by_actor.get(actor, 0) + 1
            cat = ev.category  # type: ignore[union-attr]
            dt = ev.data_type  # type: ignore[union-attr]
            if cat in _SENSITIVE:
                ctx.note_collection(ev, actor)
                rates.read(actor, dt or cat)
        elif kind == "flow":
            if ev.attribution == "system":  # type: ignore[union-attr]
                system_flows += 1
                continue
            _flow_actor(ev, ctx)
            actor = ctx.actor
            flows_by_party[ctx.flow_party] = flows_by_party.get(ctx.flow_party, 0) + 1
            if ev.pii:  # type: ignore[union-attr]
                ctx.note_collection(ev, actor)
            if len(host_actors) < MAX_HOSTS or ev.host in host_actors:  # type: ignore[union-attr]
                host_actors[ev.host] = actor  # type: ignore[union-attr]
        elif kind in _STACK_KINDS:
            actor = ctx.actor = attribute(ev.stack, ctx.package)  # type: ignore[union-attr]
            if kind == "net_request":
                ctx.note_connection(ev.host, ev.ts, actor)  # type: ignore[union-attr]
        else:
            actor = ctx.actor = "app"
        specs = dispatch.get(kind)
        if specs:
            for func, spec in specs:
                res = func(ev, ctx)
                if res is None or res is False:
                    continue
                if res is True:  # a plain hit: the event's own category and data type
                    key = (spec.id, actor, cat, dt)
                    g = groups.get(key)
                    if g is None:
                        g = groups[key] = _Group(spec, ev.ts)
                    g.add(ev.ts, ev.id)
                elif isinstance(res, Hit):
                    _record(groups, spec, res, actor, cat, dt)
                elif isinstance(res, list):
                    for hit in res:
                        _record(groups, spec, hit, actor, cat, dt)
        upd = updaters.get(kind)
        if upd is not None:
            upd(ev)
    for func, spec in dispatch.get(END, []):
        res = func(None, ctx)
        for hit in res if isinstance(res, list) else [res] if isinstance(res, Hit) else []:
            _record(groups, spec, hit, hit.actor or "unknown", None, None)

    end_specs = dispatch.get(TIMELINE_END)
    if end_specs and total:
        end = TimelineEnd(TIMELINE_END, ev.ts)
        for func, spec in end_specs:
            res = func(end, ctx)
            for hit in [res] if isinstance(res, Hit) else res if isinstance(res, list) else []:
                _record(groups, spec, hit, "app", None, None)

    findings = [_finding(key, g, config) for key, g in groups.items()]
    findings.sort(key=lambda f: (-f.severity.rank, f.rule, f.first_ts, f.actor))
    by_rule: dict[str, int] = {}
    for f in findings:
        by_rule[f.rule] = by_rule.get(f.rule, 0) + f.count
    stats: dict[str, Any] = {
        "events": total,
        "events_by_kind": dict(sorted(kinds.items())),
        "unknown_kinds": sum(n for k, n in kinds.items() if k not in KNOWN_KINDS and k not in EXTENSION_KINDS),
        "invalid_events": kinds.get("invalid_event", 0),  # failed validation when stored; kept, not judged
        "api_calls_by_actor": dict(sorted(api_by_actor.items(), key=lambda kv: (-kv[1], kv[0]))),
        "flows_by_party": flows_by_party,
        "learned_first_party_hosts": ctx.destinations.learned_first_party(),
        "flow_actors_by_host": host_actors,
        "system_flows_ignored": system_flows,
        "hits_by_rule": by_rule,
        "rules_disabled": sorted(disabled),
        "uninspected_hosts": ctx.uninspected_hosts(),
        "collection_per_hour": rates.view(config.frequency, first_ts, ev.ts if total else None),
        **({"app_label": ctx.app_label} if ctx.app_label else {}),
    }
    return EngineResult(findings=findings, package=ctx.package, stats=stats)


def _flow_actor(ev: Any, ctx: TimelineContext) -> None:
    """A flow's party from the session's one :class:`DestinationClassifier` (told who opened the
    connection); its actor: the opener, else ``sdk:<id>`` (the flow's, or the SDK whose data knows
    the host), ``app`` for a first-party host, else ``unknown``."""
    host = ev.host
    opener = ctx.connection_actor(host, ev.ts)
    dest = ctx.destinations.classify(host, opener)
    ctx.flow_party = dest.party
    if opener is not None:  # the code that opened the connection, from its stack
        ctx.actor = opener
    elif ev.sdk:
        ctx.actor = f"sdk:{ev.sdk}"
    elif dest.basis == "sdk_data":  # the host is the SDK's (an old opener alone names no actor)
        ctx.actor = f"sdk:{dest.sdk}"
    elif dest.party == "first":
        ctx.actor = "app"
    else:
        ctx.actor = "unknown"


def _record(groups: dict[tuple[str, str, str | None, str | None], _Group], spec: RuleSpec, hit: Hit,
            actor: str, cat: str | None, dt: str | None) -> None:
    ev, category, data_type, subject, related, hit_actor, severity, n = hit
    key = (spec.id, hit_actor or actor, cat if category is None else category, dt if data_type is None else data_type)
    g = groups.get(key)
    if g is None:
        g = groups[key] = _Group(spec, ev.ts)
    if severity is not None and (g.severity is None or severity.rank > g.severity.rank):
        g.severity = severity
    ev_list = g.evidence
    if related is not None and len(ev_list) < MAX_EVIDENCE and related not in ev_list:
        ev_list.append(related)
    g.add(ev.ts, ev.id)
    g.count += n - 1
    if subject is not None and len(g.subjects) < MAX_SUBJECTS and subject not in g.subjects:
        g.subjects.append(subject)


def _finding(key: tuple[str, str, str | None, str | None], g: _Group, config: Config) -> Finding:
    rule_id, actor, category, data_type = key
    spec = g.spec
    severity: Severity = config.severity_for(rule_id, g.severity or spec.severity)
    fields = {"actor": actor, "count": g.count, "subjects": ", ".join(g.subjects) or "-"}
    message = spec.message.format(what=data_type or category or "personal data", **fields)
    message_zh = spec.message_zh.format(what=data_type or category or "个人信息", **fields)
    return Finding(rule=rule_id, severity=severity, actor=actor, category=category, data_type=data_type,
                   count=g.count, first_ts=g.first_ts, last_ts=g.last_ts, evidence=g.evidence,
                   message=message, message_zh=message_zh, references=list(spec.references))
