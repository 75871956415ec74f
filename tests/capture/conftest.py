"""The ``scans`` fixture: the sample-app runs of samplescans.py, shared by the tests of this directory."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from samplescans import SCANS, Scans


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "scans(*names): the runs of tests/capture/samplescans.py SCANS a test reads")


def _named(items: list[pytest.Item]) -> list[str]:
    """The runs the collected tests name (marker arguments and parameter values), in SCANS order."""
    names: set[str] = set()
    for item in items:
        if "scans" not in getattr(item, "fixturenames", ()):
            continue
        for mark in item.iter_markers("scans"):
            names.update(mark.args)
        params = getattr(getattr(item, "callspec", None), "params", {})
        names.update(v for v in params.values() if isinstance(v, str) and v in SCANS)
    return [n for n in SCANS if n in names]


@pytest.fixture(scope="session")
def scans(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Scans]:
    runs = Scans(tmp_path_factory.mktemp("sample-scans"), _named(request.session.items))
    yield runs
    runs.close()
