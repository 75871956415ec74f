"""Learned canaries: identifiers returned and what the app read, minus short and common strings."""

from __future__ import annotations

from typing import Any

import pytest

from dynscan.learning import keep, learned_values


@pytest.mark.parametrize(("event", "pair"), [
    ({"kind": "api_call", "data_type": "imei", "value": "356938035643809"}, ("imei", "356938035643809")),
    ({"kind": "api_call", "data_type": "phone_number", "value": 13800138000}, ("phone_number", "13800138000")),
    ({"kind": "api_call", "data_type": "ssid", "value": True}, None),
    ({"kind": "api_call", "data_type": "imsi", "value": ""}, None),
    ({"kind": "api_call", "value": "x"}, None),
    ({"kind": "api_call", "data_type": "location", "value": {"lat": 1.0}}, None),
    ({"kind": "api_call", "data_type": "location", "value": "Location[network 31.2,121.4 acc=12.0]"}, None),
    ({"kind": "api_call", "data_type": "app_list", "value": "10"}, None),  # a preview: the list's size
    ({"kind": "api_call", "data_type": "mac", "value": "02:00:00:00:00:00"}, None),  # Android's placeholder
    ({"kind": "api_call", "data_type": "oaid", "value": "  6c1e9b2f  "}, ("oaid", "6c1e9b2f")),
    ({"kind": "flow", "data_type": "imei", "value": "1"}, None),
])
def test_identifier_values(event: dict[str, Any], pair: tuple[str, str] | None) -> None:
    assert learned_values(event) == ([pair] if pair else [])


def _read(data_type: str, *learned: str) -> dict[str, Any]:
    return {"kind": "api_call", "data_type": data_type, "value": len(learned), "learned": list(learned)}


def test_app_list_entries_are_package_names_but_not_the_apps_own_or_the_platforms() -> None:
    ev = _read("app_list", "com.tencent.mm", "io.dynscan.demo", "com.google.android.gms", "android", "notapkg")
    assert learned_values(ev, own_package="io.dynscan.demo") == [("app_list", "com.tencent.mm")]


def test_contact_rows_keep_names_and_numbers_and_drop_ids_and_single_words() -> None:
    ev = _read("contacts", "1", "Zhang Wei", "+86 138 0013 8000", "Li Na", "Dentist", "Mom")
    assert learned_values(ev) == [("contacts", "Zhang Wei"), ("contacts", "+86 138 0013 8000")]


def test_sms_bodies_need_eight_characters() -> None:
    ev = _read("sms", "10086", "Your verification code is 482913", "ok thx")
    assert learned_values(ev) == [("sms", "Your verification code is 482913")]


def test_scan_results_are_typed_ssid_and_bssid() -> None:
    ev = _read("wifi_scan", "ChinaNet-7Kq2", "f4:84:8d:3a:21:b7", "wifi")
    assert learned_values(ev) == [("ssid", "ChinaNet-7Kq2"), ("bssid", "f4:84:8d:3a:21:b7")]


def test_saved_network_quotes_are_stripped() -> None:
    assert learned_values(_read("ssid", '"office-wifi-5G"')) == [("ssid", "office-wifi-5G")]


def test_cell_ids_are_learned_from_the_value() -> None:
    ev = {"kind": "api_call", "data_type": "cell_id", "value": 131074619}
    assert learned_values(ev) == [("cell_id", "131074619")]


@pytest.mark.parametrize(("data_type", "text", "kept"), [
    ("clipboard", "dynscan probe clip", True), ("clipboard", "password", False),
    ("clipboard", "Supercalifragilistic", True), ("accounts", "li.wei.1987@example.com", True),
    ("accounts", "Google", False), ("calendar", "Huaihai Rd 100, Shanghai", True),
])
def test_keep(data_type: str, text: str, kept: bool) -> None:
    assert keep(data_type, text) is kept


def test_hostile_learned_lists_are_bounded_and_typed() -> None:
    ev = {"kind": "api_call", "data_type": "contacts", "learned": [None, 3, {"a": 1}, "Zhang Wei"] + ["x y z w"] * 2000}
    assert learned_values(ev) == [("contacts", "Zhang Wei"), ("contacts", "x y z w")]
