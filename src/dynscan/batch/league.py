"""The SDK league table: per SDK, the apps it appears in, the apps where it broke each rule, and the
rules it breaks most; the name and vendor as the reports' findings give them (``actor_name``,
``vendor``), else from the signature data. Built from the reports' JSON only."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from dynscan.attribution.sdkdb import SdkDb
from dynscan.batch.collect import AppResult


@dataclass
class SdkRow:
    sdk: str
    name: str
    vendor: str
    apps: set[str] = field(default_factory=set)
    rule_apps: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))

    @property
    def violating_apps(self) -> set[str]:
        return set().union(*self.rule_apps.values()) if self.rule_apps else set()

    def top_rules(self, n: int = 3) -> list[tuple[str, int]]:
        ranked = sorted(((r, len(a)) for r, a in self.rule_apps.items()), key=lambda x: (-x[1], x[0]))
        return ranked[:n]


def league(results: list[AppResult], db: SdkDb | None = None) -> list[SdkRow]:
    db = db or SdkDb.load()
    rows: dict[str, SdkRow] = {}

    def row(sdk: str) -> SdkRow:
        if sdk not in rows:
            info = db.sdk(sdk)
            rows[sdk] = SdkRow(sdk, info.name if info else sdk, (info.vendor or "") if info else "")
        return rows[sdk]

    for res in results:
        if res.report is None:
            continue
        app = res.job_id
        for sdk in res.sdks_seen():
            row(sdk).apps.add(app)
        for f in res.findings:
            actor = str(f.get("actor", ""))
            if actor.startswith("sdk:") and len(actor) > 4:
                r = row(actor[4:])
                r.rule_apps[str(f.get("rule", ""))].add(app)
                # the report names the SDK as it was judged (user signature files included)
                r.name = str(f.get("actor_name") or r.name)
                r.vendor = str(f.get("vendor") or r.vendor)
    return sorted(rows.values(), key=lambda r: (-len(r.violating_apps), -len(r.apps), r.sdk))
