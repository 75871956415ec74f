"""`dynscan devices`."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from dynscan.cli.main import app


def test_devices_lists_the_virtual_device() -> None:
    result = CliRunner().invoke(app, ["devices"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[1].split()[:2] == ["sim", "sim"]


def test_devices_json() -> None:
    result = CliRunner().invoke(app, ["devices", "--json"])
    assert result.exit_code == 0, result.output
    devices = json.loads(result.output)
    assert devices[0]["serial"] == "sim" and devices[0]["kind"] == "sim" and devices[0]["sdk_int"] == 30
