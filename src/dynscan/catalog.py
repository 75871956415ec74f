"""The report catalog: rule metadata from the rule registry and the SDK data, handed to the report writers.

It lives in the top layer because it is the one place that reads both the rules and the attribution
for the reports, which import neither.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from dynscan.attribution import SdkDb
from dynscan.reports.catalog import ReportCatalog
from dynscan.rules.engine import all_rules


def report_catalog(sdk_signatures: Sequence[Path] = ()) -> ReportCatalog:
    """Every rule in catalog order, and the SDK data the rules attributed with."""
    return ReportCatalog(rules={s.id: s.info() for s in all_rules()}, sdks=SdkDb.load(sdk_signatures))
