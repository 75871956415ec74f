from __future__ import annotations

from pathlib import Path

import pytest

from dynscan.errors import InputError
from dynscan.identity import Identity, learned_value


def test_load_values_and_learned(tmp_path: Path) -> None:
    p = tmp_path / "id.json"
    p.write_text('{"imei": "356938035643809", "bt_mac": "aa:bb:cc:dd:ee:ff", "latitude": 1.5, '
                 '"extra": {"user_id": "u-1234567"}, "unknown_key": 1}')
    ident = Identity.load(p)
    assert ident.values() == [("imei", "356938035643809"), ("mac", "aa:bb:cc:dd:ee:ff"), ("user_id", "u-1234567")]
    assert ident.add_value("imsi", "460001234567890") is True
    assert ident.add_value("imsi", "460001234567890") is False
    ident.save(p)
    assert ("imsi", "460001234567890") in Identity.load(p).values()


@pytest.mark.parametrize(("text", "needle"), [
    ("{nope", "not JSON"), ("[1, 2]", "JSON object"), ('{"latitude": "north"}', "latitude"),
    ('{"extra": {"a": 1}}', "extra.a"),
])
def test_bad_identity_files_name_the_problem(tmp_path: Path, text: str, needle: str) -> None:
    p = tmp_path / "id.json"
    p.write_text(text)
    with pytest.raises(InputError, match=needle):
        Identity.load(p)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read"):
        Identity.load(tmp_path / "absent.json")


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
def test_learned_value(event, pair):
    assert learned_value(event) == pair
