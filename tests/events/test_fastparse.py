"""The fast per-kind validation gives the same objects as the model's discriminated union."""

from __future__ import annotations

import json
from typing import Any

import orjson
import pytest
from pydantic import ValidationError

from dynscan.events.fastparse import (
    MODELS,
    describe_error,
    json_to_event,
    line_to_event,
    to_event,
    validate_event,
)
from dynscan.events.model import KNOWN_KINDS, OtherEvent, parse_event

SAMPLES: list[dict[str, Any]] = [
    {"kind": "session_start", "ts": 1, "package": "com.x", "device": {"model": "P6"},
     "first_party_domains": ["x.com"]},
    {"kind": "app_launch", "ts": 1.5, "cold": True},
    {"kind": "app_reset", "ts": 2},
    {"kind": "app_state", "ts": 2, "state": "background", "cause": "driver"},
    {"kind": "consent", "ts": 3, "action": "policy_accepted", "source": "driver"},
    {"kind": "user_action", "ts": 3, "action": "shake", "detail": {"acceleration": 9.1}},
    {"kind": "api_call", "ts": 4, "id": "a", "api": "a.B.c", "category": "device_id", "data_type": "imei",
     "value": {"nested": [1]}, "args": [1, "x", None], "stack": ["a.B.c(B.java:1)"], "pid": 3,
     "custom": "kept"},
    {"kind": "permission_request", "ts": 5, "permissions": ["android.permission.CAMERA"]},
    {"kind": "permission_result", "ts": 5, "permission": "android.permission.CAMERA", "granted": False},
    {"kind": "flow", "ts": 6, "method": "POST", "url": "https://h/x", "host": "h", "scheme": "https",
     "pii": [{"type": "imei", "encoding": "base64+md5", "location": "body", "note": 1}], "party": "third"},
    {"kind": "component_start", "ts": 7, "via": "startService", "target_package": "com.y"},
    {"kind": "net_request", "ts": 7.5, "url": "https://h/x", "host": "h", "api": "java.net.URL.openConnection",
     "stack": ["com.y.Z.send(Z.java:9)"]},
    {"kind": "phase", "ts": 7.6, "name": "grant", "status": "failed", "reason": "the app crashed",
     "detail": {"granted_by_device": ["android.permission.CAMERA"]}, "source": "driver"},
    {"kind": "dialog", "ts": 7.7, "dialog": "policy", "phase": "decline", "source": "driver"},
    {"kind": "download", "ts": 7.8, "via": "ACTION_VIEW", "uri": "file:///sdcard/a.apk",
     "mime": "application/vnd.android.package-archive", "stack": ["com.y.Z.get(Z.java:3)"]},
    {"kind": "consent", "ts": 7.9, "action": "policy_shown", "detail": {"refusal": False, "preselected": True}},
    {"kind": "net_connect", "ts": 7.6, "host": "raw.example.net", "port": 8443, "proto": "tcp",
     "via": "java.net.Socket.connect", "blocked": True, "stack": ["com.y.Z.send(Z.java:9)"]},
    {"kind": "tcf_signal", "ts": 7.7, "key": "IABTCF_TCString", "value": "CPXx", "op": "write"},
    {"kind": "file_blocked", "ts": 7.8, "path": "/etc/x", "op": "write", "stack": ["com.y.Z.drop(Z.java:20)"]},
    {"kind": "instrumentation_probe", "ts": 7.9, "probe": "frida_port", "target": ":27042", "via": "connect",
     "module": "libmsaoaidsec.so", "source": "agent"},
    {"kind": "hooks_pending", "ts": 7.95, "hooks": [{"id": "sdk.x", "api": "com.x.Sdk.run"}], "pid": 7,
     "source": "agent"},
    {"kind": "hooks_pending", "ts": 7.96, "hooks": [], "pid": 7, "source": "agent",
     "failed": [{"id": "os.x", "api": "android.os.X.get", "reason": "no method get in android.os.X"}]},
    {"kind": "battery_level", "ts": 8, "level": 0.5},
]


def test_samples_cover_every_known_kind() -> None:
    assert {s["kind"] for s in SAMPLES} >= KNOWN_KINDS == MODELS.keys()


@pytest.mark.parametrize("data", SAMPLES, ids=lambda d: d["kind"])
def test_same_result_as_the_union(data: dict[str, Any]) -> None:
    fast = validate_event(data)
    reference = parse_event(data)
    assert type(fast) is type(reference)
    assert fast == reference
    assert fast.model_dump() == reference.model_dump()
    assert json_to_event(data["kind"], orjson.dumps(data)) == reference


def test_unknown_kind_is_other_event() -> None:
    assert isinstance(to_event({"kind": "whatever", "ts": 1}), OtherEvent)


@pytest.mark.parametrize("data", [
    {"kind": "api_call", "ts": "4.5", "api": "a", "category": "sms"},
    {"kind": "api_call", "ts": 4.5, "api": "a", "category": "sms", "pid": "9"},
    {"kind": "permission_result", "ts": 1, "permission": "p", "granted": "true"},
    {"kind": "permission_result", "ts": 1, "permission": "p", "granted": 1},
])
def test_wrong_types_are_not_coerced(data: dict[str, Any]) -> None:
    with pytest.raises(ValidationError):
        validate_event(data)


@pytest.mark.parametrize(
    ("data", "message"),
    [({"kind": "api_call", "ts": 1, "api": "a", "category": "foo"},
      "api_call.category: Input should be 'device_id', 'phone_number',"),
     ({"kind": "permission_result", "ts": 1, "permission": "p", "granted": "maybe"},
      "permission_result.granted: Input should be a valid boolean"),
     ({"kind": "odd", "ts": [1]}, "ts: Input should be a valid number"),
     ({"kind": "flow", "ts": 1}, "flow.method: Field required")],
)
def test_errors_name_kind_and_field(data: dict[str, Any], message: str) -> None:
    with pytest.raises(ValidationError) as err:
        to_event(data)
    described = describe_error(data, err.value)
    assert described.startswith(message)
    assert "\n" not in described


@pytest.mark.parametrize("data", SAMPLES, ids=lambda d: d["kind"])
def test_line_fast_path_matches_the_union(data: dict[str, Any]) -> None:
    assert line_to_event(orjson.dumps(data)) == parse_event(data)
    spaced = json.dumps(data, indent=None, separators=(" , ", " : ")).encode()
    assert line_to_event(spaced) == parse_event(data)


@pytest.mark.parametrize(
    "line",
    [b'{"detail": {"kind": "consent"}, "kind": "user_action", "ts": 1, "action": "tap"}',  # nested guess
     b'{"x": {"kind": "zzz"}, "kind": "api_call", "ts": 1, "api": "a", "category": "bogus"}',
     b'{"kind": "api_call", "ts": 1, "api": "a", "category": "bogus"}',
     b'{"kind": "api_call", "ts": "1", "api": "a", "category": "sms"}',  # a wrong type: the slow path words it
     b'{"kind": "api\\u005fcall", "ts": 1, "api": "a", "category": "sms"}',
     b'["kind", "x"]', b'{"ts": 1}'],
)
def test_line_fast_path_defers_anything_unusual(line: bytes) -> None:
    assert line_to_event(line) is None


def test_nested_kind_guess_is_corrected() -> None:
    line = b'{"detail": {"kind": "consent"}, "kind": "user_action", "ts": 1, "action": "tap"}'
    assert line_to_event(line) is None
    assert to_event(orjson.loads(line)).kind == "user_action"
