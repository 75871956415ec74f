"""The device registry sees phones through the adb server (here the scripted one)."""

from __future__ import annotations

import pytest

from dynscan.device.android import AndroidDevice
from dynscan.device.registry import list_devices, open_device
from dynscan.errors import InputError

from .adb_server import FakePhone, ScriptedAdbServer

pytestmark = pytest.mark.integration


def test_registry_lists_and_opens_adb_devices(monkeypatch: pytest.MonkeyPatch) -> None:
    with ScriptedAdbServer(FakePhone(serial="R5CN20EXK7M")) as srv:
        monkeypatch.setenv("ANDROID_ADB_SERVER_PORT", str(srv.port))
        assert [d.serial for d in list_devices()] == ["sim", "R5CN20EXK7M"]
        dev = open_device("R5CN20EXK7M")
        assert isinstance(dev, AndroidDevice) and dev.serial == "R5CN20EXK7M"
        with pytest.raises(InputError, match="not attached"):
            open_device("nope")
