"""The device's identity and description."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from dynscan.device.sim import Identity, SimDevice
from dynscan.util.luhn import luhn_valid

pytestmark = pytest.mark.integration


def test_default_identity_is_realistic() -> None:
    ident = Identity().as_identity_file()
    assert len(ident["imei"]) == 15 and luhn_valid(ident["imei"])
    assert luhn_valid(ident["iccid"]) and ident["iccid"].startswith("89860")
    assert len(ident["imsi"]) == 15 and ident["imsi"].startswith("46001")
    assert len(ident["android_id"]) == 16 and ident["android_id"] != "9774d56d682e549c"
    assert ident["mac"] != "02:00:00:00:00:00"
    assert isinstance(ident["latitude"], float)
    assert "extra" not in ident
    assert len(set(ident.values())) == len(ident)  # no two identifiers share a value


def test_identity_validation() -> None:
    with pytest.raises(ValidationError):
        Identity(imei="490154203237519")
    with pytest.raises(ValidationError):
        Identity.model_validate({"imei_typo": "1"})


def test_device_reports_its_identity_and_properties(device: SimDevice) -> None:
    custom = Identity(android_id="0123456789abcdef")
    device.set_identity(custom)
    assert device.identity()["android_id"] == "0123456789abcdef"
    props = (device.root / "device.properties").read_text()
    assert "identity.android_id=0123456789abcdef" in props
    assert device.properties()["ro.build.version.sdk"] == "30"
    info = device.info()
    assert info.kind == "sim" and info.serial == "sim" and not info.ca_installed
    assert "com.android.chrome" in device.list_packages()
    assert "launcher3" in device.dump_ui()  # nothing running: the home screen
    assert device.touch(10, 10) == ""
