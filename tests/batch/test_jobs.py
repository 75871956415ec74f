from __future__ import annotations

from pathlib import Path

import pytest
from batchkit import app_zip

from dynscan.batch.jobs import discover, job_id
from dynscan.errors import InputError


def test_directory_skips_non_apps_and_duplicates_with_a_reason(tmp_path: Path) -> None:
    apps = tmp_path / "apps"
    apps.mkdir()
    app_zip(apps / "a.apk", "com.a")
    app_zip(apps / "b.apk", "com.b")
    (apps / "c.apk").write_bytes((apps / "a.apk").read_bytes())
    (apps / "notes.txt").write_text("hello")
    app_zip(apps / "x.zip", "com.x").write_bytes(b"PK\x05\x06" + b"\0" * 18)  # an empty zip: no manifest
    jobs, skipped = discover(apps, scenario="quick", config=None, formats=[], lang="en")
    assert [j.name for j in jobs] == ["a.apk", "b.apk"]
    why = {s.path.name: s.reason for s in skipped}
    assert why["c.apk"].startswith("duplicate of a.apk")
    assert why["notes.txt"] == "not an app (not a zip file)"
    assert "AndroidManifest.xml" in why["x.zip"]


def test_ids_are_stable_and_change_with_scenario_and_config(tmp_path: Path) -> None:
    app_zip(tmp_path / "a.apk")
    cfg = tmp_path / "dynscan.toml"
    cfg.write_text("[rules]\n")
    a1, _ = discover(tmp_path, scenario="quick", config=None, formats=[], lang="en")
    a2, _ = discover(tmp_path, scenario="quick", config=None, formats=["json"], lang="zh")
    b, _ = discover(tmp_path, scenario="default", config=None, formats=[], lang="en")
    c, _ = discover(tmp_path, scenario="quick", config=cfg, formats=[], lang="en")
    hooks = tmp_path / "hooks.yaml"
    hooks.write_text("hooks: []\n")
    d, _ = discover(tmp_path, scenario="quick", config=cfg, formats=[], lang="en", catalogs=[hooks])
    assert d[0].id != c[0].id and d[0].catalogs == [str(hooks.resolve())]
    ids = {j.name: j.id for j in a1}
    assert ids == {j.name: j.id for j in a2}  # formats and language do not change what is scanned
    assert a1[0].id != b[0].id and a1[0].id != c[0].id
    assert a1[0].id == job_id(a1[0].apk_sha256, "quick", "defaults")


def test_list_file_paths_are_relative_to_it_and_missing_ones_named(tmp_path: Path) -> None:
    app_zip(tmp_path / "a.apk")
    lst = tmp_path / "apps.txt"
    lst.write_text("# my apps\na.apk\n\nmissing.apk\n")
    jobs, skipped = discover(lst, scenario="quick", config=None, formats=[], lang="en")
    assert [j.name for j in jobs] == ["a.apk"]
    assert [(s.path.name, s.reason) for s in skipped] == [("missing.apk", "no such file")]


def test_missing_source_and_scenario_are_input_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such directory or list file"):
        discover(tmp_path / "nope", scenario="quick", config=None, formats=[], lang="en")
    with pytest.raises(InputError, match="no such scenario"):
        discover(tmp_path, scenario="nope.yaml", config=None, formats=[], lang="en")
