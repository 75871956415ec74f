"""Test weights: a test that starts a JVM, Frida, mitmdump, an adb server, redis or celery is marked
``integration`` (in its file); every other test is ``unit``, so ``./scripts/test -m unit`` runs the
fast core in seconds and ``-m integration`` the rest."""

from __future__ import annotations

import pytest


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if item.get_closest_marker("integration") is None:
            item.add_marker(pytest.mark.unit)
