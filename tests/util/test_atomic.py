"""``replacing``: a file is written whole or not at all, under a private temporary name."""

from __future__ import annotations

from pathlib import Path

import pytest

from dynscan.util.atomic import replacing, write_atomic


def test_interrupted_write_leaves_the_old_file_and_no_temp(tmp_path: Path) -> None:
    target = write_atomic(tmp_path / "report.json", b"old")
    with pytest.raises(KeyboardInterrupt), replacing(target) as f:
        f.write(b"half")
        raise KeyboardInterrupt
    assert target.read_bytes() == b"old" and [p.name for p in tmp_path.iterdir()] == ["report.json"]


def test_two_writers_never_share_a_temporary_name(tmp_path: Path) -> None:
    target = tmp_path / "session.json"
    with replacing(target) as a, replacing(target) as b:
        assert a.name != b.name  # type: ignore[attr-defined]
        a.write(b"A")
        b.write(b"B")
    assert target.read_bytes() in (b"A", b"B") and [p.name for p in tmp_path.iterdir()] == ["session.json"]


def test_files_are_private(tmp_path: Path) -> None:
    assert write_atomic(tmp_path / "identity.json", b"{}").stat().st_mode & 0o777 == 0o600
