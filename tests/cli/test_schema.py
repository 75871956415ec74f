"""``dynscan schema``: the exported schemas, and the copies kept in ``schemas/`` are up to date."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from dynscan.cli.main import app
from dynscan.cli.schema import report_json_schema, schema_bytes
from dynscan.events.model import event_json_schema

REPO = Path(__file__).resolve().parents[2]
runner = CliRunner()


@pytest.mark.parametrize(("name", "make"), [("events", event_json_schema), ("report", report_json_schema)])
def test_kept_schema_files_are_up_to_date(name: str, make: object) -> None:
    kept = (REPO / "schemas" / f"{name}.schema.json").read_bytes()
    assert kept == schema_bytes(make()), (  # type: ignore[operator]
        f"schemas/{name}.schema.json is stale: run `dynscan schema {name} --out schemas/{name}.schema.json`")


@pytest.mark.parametrize("name", ["events", "report"])
def test_cli_prints_and_writes_the_schema(name: str, tmp_path: Path) -> None:
    printed = runner.invoke(app, ["schema", name])
    assert printed.exit_code == 0, printed.output
    schema = json.loads(printed.stdout)
    jsonschema.Draft202012Validator.check_schema(schema)
    assert (REPO / "schemas" / f"{name}.schema.json").read_text() == printed.stdout
    written = runner.invoke(app, ["schema", name, "--out", str(tmp_path / "s.json")])
    assert written.exit_code == 0 and written.stdout == ""
    assert (tmp_path / "s.json").read_text() == printed.stdout


def test_example_timeline_matches_the_events_schema() -> None:
    validator = jsonschema.Draft202012Validator(json.loads((REPO / "schemas/events.schema.json").read_text()))
    lines = (REPO / "examples/sessions/leaky-demo/events.jsonl").read_text().splitlines()
    assert len(lines) > 30
    for line in lines:
        validator.validate(json.loads(line))
    with pytest.raises(jsonschema.ValidationError):
        validator.validate({"kind": "consent", "action": "policy_accepted"})  # no ts


def test_unwritable_out_is_an_input_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["schema", "events", "--out", str(tmp_path / "no" / "dir" / "s.json")])
    assert result.exit_code == 1 and "cannot write the schema" in str(result.exception)


def test_events_schema_rejects_a_known_kind_with_bad_fields() -> None:
    validator = jsonschema.Draft202012Validator(json.loads((REPO / "schemas/events.schema.json").read_text()))
    assert validator.is_valid({"kind": "some_future_kind", "ts": 1.0, "anything": [1]})
    assert not validator.is_valid({"kind": "api_call", "ts": 1.0, "api": "a.B.c", "category": "nope"})
    assert validator.is_valid({"kind": "api_call", "ts": 1.0, "api": "a.B.c", "category": "clipboard"})
