"""Options shared by several commands, as ``Annotated`` aliases."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from dynscan.findings import FailOn


class ReportFormat(StrEnum):
    json = "json"
    html = "html"
    sarif = "sarif"
    junit = "junit"
    xlsx = "xlsx"


class Lang(StrEnum):
    en = "en"
    zh = "zh"


class CaptureMode(StrEnum):
    proxy = "proxy"
    wireguard = "wireguard"


class Jurisdiction(StrEnum):
    cn = "cn"
    eu = "eu"


FormatOption = Annotated[
    list[ReportFormat] | None,
    typer.Option("--format", "-f", help="Report format; repeat for several. Default: json on stdout "
                 "without --out, every format with --out."),
]
OutOption = Annotated[
    Path | None,
    typer.Option("--out", "-o", help="Directory that receives the reports (and the imported session.db)."),
]
FailOnOption = Annotated[
    FailOn,
    typer.Option("--fail-on", help="Exit 1 when a finding is at or above this severity (never: always 0)."),
]
ConfigOption = Annotated[
    Path | None, typer.Option("--config", help="Rule settings (dynscan.toml)."),
]
PolicyOption = Annotated[
    list[str] | None,
    typer.Option("--policy", help="The app's full privacy policy, a file or an https URL (HTML, PDF or text; "
                 "may repeat; a URL is fetched once), compared with what it did, besides the privacy dialog the "
                 "driver saved (policy.json)."),
]
PackageOption = Annotated[
    str | None, typer.Option("--package", help="The app's package name (overrides session_start)."),
]
LangOption = Annotated[Lang, typer.Option("--lang", help="Report language.")]
ShowValuesOption = Annotated[
    bool, typer.Option("--show-values", help="Show personal values in reports instead of redacting them."),
]
IdentityOption = Annotated[
    Path | None,
    typer.Option("--identity", help="Identity file (JSON) of the device's known values; default: the "
                 "session's identity.json."),
]
EventsOption = Annotated[
    Path | None, typer.Option("--events", help="A JSON Lines timeline to import and analyse."),
]
ProgressOption = Annotated[
    bool | None,
    typer.Option("--progress/--no-progress", help="Progress of long imports on stderr (default: when "
                 "stderr is a terminal).", show_default=False),
]
JurisdictionOption = Annotated[
    Jurisdiction | None,
    typer.Option("--jurisdiction", help="Apply this jurisdiction's extra rules (eu: TCF_NO_CONSENT, GDPR "
                 "consent under IAB TCF v2.2); overrides the config file's `jurisdiction`.", show_default=False),
]
