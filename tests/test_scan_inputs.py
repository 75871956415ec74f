"""``dynscan run``'s input checks, before any device is touched."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from dynscan.errors import InputError
from dynscan.scan import ScanOptions, scan


@pytest.mark.parametrize("kind", ["folder", ".apks", ".xapk"])
def test_split_apks_on_the_virtual_device_are_refused_up_front(tmp_path: Path, kind: str) -> None:
    if kind == "folder":
        apk = tmp_path / "splits"
        apk.mkdir()
    else:
        apk = tmp_path / f"app{kind}"
        with zipfile.ZipFile(apk, "w") as z:
            z.writestr("base.apk", b"")
    out = tmp_path / "out"
    with pytest.raises(InputError, match="split APKs need a phone or an emulator") as e:
        scan(ScanOptions(apk=apk, out=out))
    assert "\n" not in str(e.value) and not out.exists()  # nothing created
