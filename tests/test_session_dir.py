"""The session directory layout and its small JSON files."""

from __future__ import annotations

from pathlib import Path

import pytest

from dynscan import __version__
from dynscan.errors import InputError
from dynscan.session_dir import SessionDir, SessionMeta


def test_layout_and_metadata_round_trip(tmp_path: Path) -> None:
    sd = SessionDir(tmp_path / "s").create()
    assert sd.ui.is_dir() and sd.logs.is_dir()
    assert (sd.db.name, sd.events_jsonl.name, sd.identity.name, sd.flows.name) == (
        "session.db", "events.jsonl", "identity.json", "flows.mitm")
    assert sd.read_meta() is None and sd.read_identity() is None
    sd.write_meta(SessionMeta(package="com.x", started=1.0, scenario="smoke", operator="ci"))  # type: ignore[call-arg]
    meta = sd.read_meta()
    assert meta is not None and meta.dynscan_version == __version__ and meta.package == "com.x"
    assert meta.model_extra == {"operator": "ci"}
    assert [p.name for p in sd.root.iterdir() if p.name.startswith(".")] == []


@pytest.mark.parametrize(("content", "message"), [
    ("{", "session metadata is not valid JSON"), ("[]", "must be a JSON object"),
    ('{"started": "yesterday"}', "session.json: started: Input should be a valid number")])
def test_bad_metadata_is_an_input_error(tmp_path: Path, content: str, message: str) -> None:
    (tmp_path / "session.json").write_text(content)
    with pytest.raises(InputError, match=message):
        SessionDir(tmp_path).read_meta()
