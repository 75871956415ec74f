"""Fixtures shared by the CLI tests: a phone behind the scripted adb server of tests/device/android
(the only stand-in for a device), reached through ``ANDROID_ADB_SERVER_PORT``."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "device"))
from android.adb_server import FakePhone, ScriptedAdbServer

ServePhone = Callable[[FakePhone], FakePhone]


@pytest.fixture
def serve_phone(monkeypatch: pytest.MonkeyPatch) -> Iterator[ServePhone]:
    """``serve_phone(phone)`` puts ``phone`` behind a scripted adb server the CLI talks to."""
    with contextlib.ExitStack() as stack:
        def serve(phone: FakePhone) -> FakePhone:
            server = stack.enter_context(ScriptedAdbServer(phone))
            monkeypatch.setenv("ANDROID_ADB_SERVER_PORT", str(server.port))
            return phone

        yield serve
