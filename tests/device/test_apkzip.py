"""APKs over the size limits are refused before anything big reaches memory."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from dynscan.device.sim.apk import read_apk
from dynscan.errors import InputError


def _bomb(path: Path, size: int, entries: int = 0) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("AndroidManifest.xml", '<manifest package="com.example.bomb"/>')
        with z.open("classes.jar", "w") as f:
            chunk = b"\0" * (1 << 20)
            for _ in range(size >> 20):
                f.write(chunk)
        for i in range(entries):
            z.writestr(f"res/{i}", b"")
    return path


def test_uncompressed_size_over_the_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DYNSCAN_MAX_APK_BYTES", str(4 << 20))
    apk = _bomb(tmp_path / "bomb.apk", 8 << 20)
    assert apk.stat().st_size < 64 << 10  # a small file that expands 100-fold
    with pytest.raises(InputError, match=r"over the uncompressed APK size limit of 4,194,304 "
                                         r"\(setting DYNSCAN_MAX_APK_BYTES\)"):
        read_apk(apk)


def test_a_lying_header_is_caught_by_the_bounded_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from dynscan.device.apkzip import read_member

    apk = _bomb(tmp_path / "bomb.apk", 3 << 20)
    monkeypatch.setenv("DYNSCAN_MAX_APK_BYTES", str(1 << 20))
    with zipfile.ZipFile(apk) as z, pytest.raises(InputError, match="DYNSCAN_MAX_APK_BYTES"):
        read_member(z, "classes.jar", apk)  # read_member stops at the limit whatever the header says


def test_entry_count_over_the_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DYNSCAN_MAX_APK_ENTRIES", "10")
    with pytest.raises(InputError, match=r"12 entries, over the APK entry count limit of 10 "
                                         r"\(setting DYNSCAN_MAX_APK_ENTRIES\)"):
        read_apk(_bomb(tmp_path / "many.apk", 0, entries=10))
