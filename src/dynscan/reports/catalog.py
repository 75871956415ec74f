"""What the reports know about rules and actors: a :class:`ReportCatalog` handed to the writers.

The writers import nothing from the rules or the attribution: the layer above builds the catalog
(:func:`dynscan.catalog.report_catalog`) from the rule registry and the SDK signature data. A writer
given no catalog shows rule IDs and raw actor strings.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from dynscan.findings import RuleInfo

__all__ = ["ActorInfo", "ReportCatalog", "RuleInfo", "SdkLookup"]


@dataclass(frozen=True)
class ActorInfo:
    actor: str
    kind: str  # app | sdk | lib | unknown
    name: str
    vendor: str | None = None
    category: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


class SdkInfo(Protocol):
    @property
    def name(self) -> str: ...
    @property
    def vendor(self) -> str | None: ...
    @property
    def category(self) -> str | None: ...


class SdkLookup(Protocol):
    """The SDK signature data, as the reports use it (``dynscan.attribution.SdkDb`` is one)."""

    def sdk(self, sdk_id: str) -> SdkInfo | None: ...
    def attribute(self, stack: list[str], package: str | None) -> str: ...


@dataclass
class ReportCatalog:
    """``rules``: every rule in catalog order (rule ID -> info); ``sdks``: the SDK data, if any."""

    rules: Mapping[str, RuleInfo] = field(default_factory=dict)
    sdks: SdkLookup | None = None
    _actors: dict[str, ActorInfo] = field(default_factory=dict, repr=False)

    def rule(self, rule_id: str) -> RuleInfo:
        return self.rules.get(rule_id) or RuleInfo(rule_id, rule_id, rule_id)

    def actor(self, actor: str) -> ActorInfo:
        """Display data of an actor string (``app``, ``sdk:<id>``, ``lib:<prefix>``, ``unknown``)."""
        info = self._actors.get(actor)
        if info is None:
            info = self._actors[actor] = self._describe(actor)
        return info

    def _describe(self, actor: str) -> ActorInfo:
        if actor == "app":
            return ActorInfo(actor, "app", "app")
        if actor.startswith("sdk:"):
            sdk_id = actor[4:]
            sdk = self.sdks.sdk(sdk_id) if self.sdks is not None else None
            if sdk is None:
                return ActorInfo(actor, "sdk", sdk_id)
            return ActorInfo(actor, "sdk", sdk.name or sdk_id, sdk.vendor or None, sdk.category or None)
        if actor.startswith("lib:"):
            return ActorInfo(actor, "lib", actor[4:])
        return ActorInfo(actor, "unknown", actor)
