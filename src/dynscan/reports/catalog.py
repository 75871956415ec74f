"""What the reports know about rules and actors, from the rule catalog and the SDK signature data.

Both sources are guarded: the rule catalog (``dynscan.rules.engine.all_rules``) and the SDK data
(``dynscan.attribution.SdkDb``) may be missing or fail; the reports then fall back to rule IDs and raw
actor strings.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

#: The v1 rule IDs (CONTRACTS section 4), used when the rule catalog cannot be loaded.
V1_RULE_IDS: tuple[str, ...] = (
    "PRE_CONSENT_COLLECTION", "PRE_CONSENT_TRANSMISSION", "PRE_CONSENT_PERMISSION_REQUEST",
    "COLLECTION_AFTER_DECLINE", "REPEATED_PERMISSION_REQUEST", "ACCESS_AFTER_PERMISSION_DENIAL",
    "EXCESSIVE_FREQUENCY", "BACKGROUND_COLLECTION", "APP_LIST_COLLECTION", "CLIPBOARD_READ",
    "CLEARTEXT_TRANSMISSION", "THIRD_PARTY_TRANSMISSION", "SELF_OR_ASSOCIATED_START", "SHAKE_TO_JUMP",
    "EXIT_AFTER_DECLINE", "EXIT_AFTER_PERMISSION_DENIAL",
)


@dataclass(frozen=True)
class RuleInfo:
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


@dataclass(frozen=True)
class ActorInfo:
    actor: str
    kind: str  # app | sdk | lib | unknown
    name: str
    vendor: str | None = None
    category: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def _get(obj: Any, name: str, default: Any = None) -> Any:
    if isinstance(obj, dict):
        return obj.get(name, default)
    return getattr(obj, name, default)


def _text(value: Any) -> str:
    if value is None:
        return ""
    return str(getattr(value, "value", value))


def _rule_info(spec: Any) -> RuleInfo | None:
    rule_id = _text(_get(spec, "id") or _get(spec, "rule_id"))
    if not rule_id:
        return None
    refs = _get(spec, "references") or ()
    return RuleInfo(
        id=rule_id,
        title_en=_text(_get(spec, "title_en")) or rule_id,
        title_zh=_text(_get(spec, "title_zh")) or _text(_get(spec, "title_en")) or rule_id,
        severity=_text(_get(spec, "severity")) or None,
        description_en=_text(_get(spec, "description_en") or _get(spec, "summary_en")),
        description_zh=_text(_get(spec, "description_zh") or _get(spec, "summary_zh")),
        references=tuple(str(r) for r in refs) if isinstance(refs, list | tuple) else (),
    )


@lru_cache(maxsize=1)
def rule_catalog() -> dict[str, RuleInfo]:
    """Rule ID -> info, from the rule engine when it loads, else the v1 IDs with the ID as title."""
    rules: dict[str, RuleInfo] = {}
    try:
        engine = importlib.import_module("dynscan.rules.engine")
        for spec in engine.all_rules():
            info = _rule_info(spec)
            if info is not None:
                rules[info.id] = info
    except Exception:  # the catalog is optional for the reports: fall back below
        rules = {}
    if not rules:
        rules = {rid: RuleInfo(rid, rid, rid) for rid in V1_RULE_IDS}
    return rules


def rule_info(rule_id: str) -> RuleInfo:
    return rule_catalog().get(rule_id) or RuleInfo(rule_id, rule_id, rule_id)


@lru_cache(maxsize=1)
def sdk_db() -> Any:
    """The SDK signature database (``dynscan.attribution.SdkDb``), or ``None`` when it cannot load."""
    try:
        attribution = importlib.import_module("dynscan.attribution")
        return attribution.SdkDb.load()
    except Exception:  # SDK data is optional for the reports
        return None


@lru_cache(maxsize=4096)
def actor_info(actor: str) -> ActorInfo:
    """Display data of an actor string (``app``, ``sdk:<id>``, ``lib:<prefix>``, ``unknown``)."""
    if actor == "app":
        return ActorInfo(actor, "app", "app")
    if actor.startswith("sdk:"):
        sdk_id = actor[4:]
        db = sdk_db()
        sdk = None
        if db is not None:
            try:
                sdk = db.sdk(sdk_id)
            except Exception:  # unknown id or a broken database: raw actor string
                sdk = None
        if sdk is None:
            return ActorInfo(actor, "sdk", sdk_id)
        return ActorInfo(actor, "sdk", _text(_get(sdk, "name")) or sdk_id,
                         _text(_get(sdk, "vendor")) or None, _text(_get(sdk, "category")) or None)
    if actor.startswith("lib:"):
        return ActorInfo(actor, "lib", actor[4:])
    return ActorInfo(actor, "unknown", actor)
