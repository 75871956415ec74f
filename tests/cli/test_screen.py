"""``dynscan screen`` on the fixture dumps of tests/driver/screens, and on bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dynscan.cli.main import app

DYNSCAN = Path(sys.executable).parent / "dynscan"
SCREENS = Path(__file__).resolve().parents[1] / "driver" / "screens"
sys.path.insert(0, str(SCREENS.parent))
from test_reading import EXPECTED  # noqa: E402 - the reading tests' table is the spec here too


def _json(path: Path) -> dict:  # type: ignore[type-arg]
    result = CliRunner().invoke(app, ["screen", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)  # type: ignore[no-any-return]


def _what(node: dict | None) -> str | None:  # type: ignore[type-arg]
    if node is None:
        return None
    return node["text"] or node["content_desc"] or node["resource_id"].rsplit("/", 1)[-1]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_json_names_the_kind_and_the_nodes_the_driver_would_tap(name: str) -> None:
    out = _json(SCREENS / f"{name}.xml")
    assert (out["kind"], _what(out["accept"]), _what(out["decline"])) == EXPECTED[name]


def test_json_nodes_carry_text_id_desc_and_bounds() -> None:
    out = _json(SCREENS / "custom_layouts.xml")
    assert out["accept"] == {"text": "", "resource_id": "com.example.reader:id/ll_agree", "content_desc": "",
                             "bounds": [540, 1400, 975, 1540]}
    assert out["policy_links"] == ["用户服务协议", "隐私政策"]
    assert [(c["label"], c["role"]) for c in out["candidates"]] == [("不同意", "decline"), ("同意", "accept")]


def test_text_lists_each_candidate_with_role_and_why() -> None:
    result = CliRunner().invoke(app, ["screen", str(SCREENS / "login_terms_line.xml")])
    assert result.exit_code == 0
    assert result.output.splitlines()[0] == "kind: none"
    assert "avoid    'Continue with Facebook'" in result.output and "third-party sign-in" in result.output


def test_app_text_reaches_the_terminal_escaped(tmp_path: Path) -> None:
    # XML 1.0 allows the C1 control CSI (a terminal escape introducer), bidi overrides and line separators
    hostile = ('<hierarchy><node index="0" text="Privacy Policy &#x9b;2J" class="android.widget.FrameLayout" '
               'bounds="[0,0][1080,2340]"><node index="0" text="Agree&#x9b;31m&#x202e;&#x2028;" clickable="true" '
               'class="android.widget.Button" bounds="[0,0][100,100]" /></node></hierarchy>')
    dump = tmp_path / "hostile.xml"
    dump.write_text(hostile, encoding="utf-8")
    result = CliRunner().invoke(app, ["screen", str(dump)])
    assert result.exit_code == 0
    assert not {"\x9b", "\u202e", "\u2028"} & set(result.output)
    assert "'Agree\\x9b31m\\u202e'" in result.output  # (the label's edges are trimmed)
    result = CliRunner().invoke(app, ["screen", str(dump), "--format", "json"])
    assert result.exit_code == 0 and not {"\x9b", "\u202e", "\u2028"} & set(result.output)
    assert json.loads(result.output)["accept"]["text"] == "Agree\x9b31m\u202e\u2028"  # the same JSON


@pytest.mark.parametrize("content", ["<hierarchy><node", "not xml at all", "<html><body/></html>",
                                     '<!DOCTYPE x [<!ENTITY a "aaaa">]><hierarchy>&a;</hierarchy>'])
def test_a_bad_dump_is_a_one_line_error(tmp_path: Path, content: str) -> None:
    dump = tmp_path / "bad.xml"
    dump.write_text(content, encoding="utf-8")
    done = subprocess.run([str(DYNSCAN), "screen", str(dump)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.startswith("dynscan: error: ") and done.stderr.count("\n") == 1


def test_a_missing_dump_is_a_one_line_error(tmp_path: Path) -> None:
    done = subprocess.run([str(DYNSCAN), "screen", str(tmp_path / "none.xml")], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 2 and "cannot read" in done.stderr and done.stderr.count("\n") == 1


def test_a_dump_from_standard_input_with_adbs_trailer() -> None:
    xml = (SCREENS / "custom_layouts.xml").read_text(encoding="utf-8") + "UI hierchary dumped to: /dev/tty\n"
    done = subprocess.run([str(DYNSCAN), "screen", "-", "--format", "json"], input=xml.encode(), capture_output=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["accept"]["resource_id"] == "com.example.reader:id/ll_agree"


def test_a_dump_that_is_not_utf8_is_a_one_line_error(tmp_path: Path) -> None:
    dump = tmp_path / "latin1.xml"
    dump.write_bytes(b"<hierarchy><node text='\xe9'/></hierarchy>")
    done = subprocess.run([str(DYNSCAN), "screen", str(dump)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and "cannot read" in done.stderr and done.stderr.count("\n") == 1
