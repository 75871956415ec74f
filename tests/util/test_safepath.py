"""``inside``: every way out of a folder through a hostile name is refused."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from dynscan.errors import InputError
from dynscan.util.safepath import inside


def test_a_plain_name_stays_inside(tmp_path: Path) -> None:
    assert inside(tmp_path, "com.example.app") == tmp_path / "com.example.app"
    assert inside(tmp_path, "sub/file.log") == tmp_path / "sub" / "file.log"


@pytest.mark.parametrize("name", ["/etc/passwd", "/tmp"])
def test_absolute(tmp_path: Path, name: str) -> None:
    with pytest.raises(InputError, match="absolute"):
        inside(tmp_path, name)


@pytest.mark.parametrize("name", ["..", "../x", "a/../../x", "a/./b"])
def test_dot_dot(tmp_path: Path, name: str) -> None:
    with pytest.raises(InputError, match=r"'\.\.'"):
        inside(tmp_path, name)


def test_symlink_out(tmp_path: Path) -> None:
    base, outside = tmp_path / "base", tmp_path / "outside"
    base.mkdir()
    outside.mkdir()
    os.symlink(outside, base / "link")
    with pytest.raises(InputError, match="outside"):
        inside(base, "link")
    with pytest.raises(InputError, match="outside"):
        inside(base, "link/file")


def test_nul(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="NUL"):
        inside(tmp_path, "a\x00b")


def test_over_long(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="longer than 255"):
        inside(tmp_path, "a" * 256)
    with pytest.raises(InputError, match="longer than 255"):
        inside(tmp_path, "é" * 128)  # 256 bytes in UTF-8


def test_empty(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        inside(tmp_path, "")
