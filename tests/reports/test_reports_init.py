"""The public API: render, write_reports, and clear errors for bad formats, languages and paths."""

from __future__ import annotations

from pathlib import Path

import pytest
from reports_factories import make_input

from dynscan.errors import DynscanError, InputError
from dynscan.reports import FILE_NAMES, FORMATS, render, write_reports


def test_write_all_formats(tmp_path: Path) -> None:
    out = tmp_path / "deep" / "out"
    written = write_reports(make_input(), FORMATS, out)
    assert set(written) == set(FORMATS)
    for fmt, path in written.items():
        assert path == out / FILE_NAMES[fmt]
        assert path.stat().st_size > 0
    assert sorted(p.name for p in out.iterdir()) == sorted(FILE_NAMES.values())


def test_unknown_format_and_language(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="Unknown report format 'pdf'"):
        render("pdf", make_input())
    with pytest.raises(InputError, match="Unknown report language 'fr'"):
        render("json", make_input(lang="fr"))
    with pytest.raises(InputError):
        write_reports(make_input(), ["json", "pdf"], tmp_path)
    assert list(tmp_path.iterdir()) == []  # nothing half-written


def test_unwritable_directory(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(DynscanError, match="Cannot create report directory"):
        write_reports(make_input(), ["json"], blocker / "sub")
    (tmp_path / "d" / "report.json").mkdir(parents=True)
    with pytest.raises(DynscanError, match="Cannot write report"):
        write_reports(make_input(), ["json"], tmp_path / "d")
