"""Export the JSON Schemas of dynscan's interchange formats."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import orjson
import typer

from dynscan.errors import InputError
from dynscan.events.model import event_json_schema
from dynscan.findings import Report

app = typer.Typer(help="Export the JSON Schemas of dynscan's interchange formats.", rich_markup_mode=None)

OutFile = Annotated[
    Path | None, typer.Option("--out", "-o", help="Write the schema to this file instead of stdout.",
                              dir_okay=False),
]


def report_json_schema() -> dict[str, Any]:
    """The JSON Schema of ``--format json`` reports (CONTRACTS section 4)."""
    schema = Report.model_json_schema(by_alias=True, mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "dynscan report (dynscan.report/1)"
    return schema


def schema_bytes(schema: dict[str, Any]) -> bytes:
    """The schema as it is printed and kept in ``schemas/`` (sorted keys, 2-space indent)."""
    return orjson.dumps(schema, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS) + b"\n"


def _emit(schema: dict[str, Any], out: Path | None) -> None:
    content = schema_bytes(schema)
    if out is None:
        typer.echo(content, nl=False)
        return
    try:
        out.write_bytes(content)
    except OSError as e:
        raise InputError(f"{out}: cannot write the schema ({e.strerror or e})") from e


@app.command("events")
def events(out: OutFile = None) -> None:
    """The JSON Schema of one timeline line (JSON Lines import/export)."""
    _emit(event_json_schema(), out)


@app.command("report")
def report(out: OutFile = None) -> None:
    """The JSON Schema of the JSON report."""
    _emit(report_json_schema(), out)
