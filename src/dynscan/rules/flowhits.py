"""One hit per distinct personal-data type in a flow, with the pii type's category."""

from __future__ import annotations

from dynscan.events.model import Flow
from dynscan.rules.registry import Hit
from dynscan.rules.vocab import DATA_TYPE_CATEGORY


def pii_hits(flow: Flow) -> list[Hit]:
    seen: list[str] = []
    for p in flow.pii:
        if p.type not in seen:
            seen.append(p.type)
    return [Hit(flow, category=DATA_TYPE_CATEGORY.get(t), data_type=t, subject=flow.host) for t in seen]
