"""The virtual device's files: ``grant`` writes what the runtime's Permissions class reads."""

from __future__ import annotations

from pathlib import Path

from dynscan.device.sim.storage import DeviceFiles

PHONE = "android.permission.READ_PHONE_STATE"


def test_grant_marks_one_permission_and_says_when_it_changed_nothing(tmp_path: Path) -> None:
    files = DeviceFiles(tmp_path)
    f = files.data_dir("com.x") / "runtime-permissions.properties"
    f.parent.mkdir(parents=True)
    # As java.util.Properties.store writes it after a denial in a dialog.
    f.write_text(f"#Sat Dec 05 07:00:00 UTC 2026\n{PHONE}=denied\ngroup.PHONE.denials=2\n", encoding="utf-8")
    assert files.grant("com.x", PHONE) is True
    lines = f.read_text(encoding="utf-8").splitlines()
    assert f"{PHONE}=granted" in lines and f"{PHONE}=denied" not in lines and "group.PHONE.denials=2" in lines
    assert files.grant("com.x", PHONE) is False
    assert files.grant("com.y", "android.permission.CAMERA") is True  # no file yet: created
    files.clear_data("com.x")
    assert not f.exists()
