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


def test_a_policy_url_is_checked_and_fetched_before_anything_runs(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    apk = tmp_path / "app.apk"
    with zipfile.ZipFile(apk, "w") as z:
        z.writestr("AndroidManifest.xml", b"")
    out = tmp_path / "out"
    with pytest.raises(InputError, match="only https URLs are fetched") as e:
        scan(ScanOptions(apk=apk, out=out, policy_files=["http://127.0.0.1:1/privacy.html"]))
    assert "\n" not in str(e.value) and not out.exists()
    fetched: list[str] = []

    def fetch(url: str) -> tuple[bytes, str]:
        fetched.append(url)
        return "<html><body>我们收集设备信息。</body></html>".encode(), "text/html"

    monkeypatch.setattr("dynscan.policy.load.fetch_policy", fetch)
    opts = ScanOptions(apk=apk, out=out, policy_files=["https://example.org/privacy"], formats=["bogus"])
    with pytest.raises(InputError, match="unknown report format"):
        scan(opts)  # refused before the fetch: nothing is fetched for a run that cannot start
    assert fetched == []
