"""Shared view helpers, and every format surviving malformed evidence and timeline events."""

from __future__ import annotations

from typing import Any

import pytest
from reports_factories import make_input, make_report

from dynscan.reports import FORMATS, render
from dynscan.reports.view import iso, top_app_frame

GARBAGE: list[dict[str, Any]] = [
    {"id": "e2", "ts": "yesterday", "stack": {"not": "a list"}, "value": [[{"deep": 1}]], "pii": ["x", 3]},
    {"id": "e3", "kind": "flow", "ts": 1.0, "url": 42, "pii": [{"location": "url"}], "headers": [["A", "b"], 7]},
    {"id": "e6", "kind": "api_call", "ts": float("inf"), "stack": [1, None, "x.Y.z(Y.java:1)"], "args": "one"},
    {"id": "e9", "kind": "api_call", "ts": 2.0, "value": "\x00\x01\x1b=ctrl", "stack": []},
    {"kind": "consent", "ts": None, "action": 5},
    {"kind": "app_state", "ts": 3.0},
    {"kind": "permission_result", "ts": 3.5},
]


def test_top_app_frame() -> None:
    stack = ["android.app.Activity.a(Native Method)", "com.lib.X.y(X.java:3)", "com.example.app.M.n(M.java:1)"]
    assert top_app_frame(stack, "com.example.app") == "com.example.app.M.n(M.java:1)"
    assert top_app_frame(stack, "org.other") == "com.lib.X.y(X.java:3)"
    assert top_app_frame(stack[:1], None) == stack[0]
    assert top_app_frame([], None) == ""


def test_iso() -> None:
    assert iso(0.0) == "1970-01-01T00:00:00.000Z"
    assert iso(None) == ""
    assert iso(1e300) == "1e+300"


@pytest.mark.parametrize("fmt", FORMATS)
def test_malformed_events_do_not_break_any_format(fmt: str) -> None:
    data = make_input(events=GARBAGE, report=make_report())
    assert render(fmt, data)
    assert render(fmt, make_input(events=GARBAGE, report=make_report(), show_values=True, identity=None))
