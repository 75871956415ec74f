from __future__ import annotations

from pathlib import Path

import pytest

from dynscan.errors import InputError
from dynscan.identity import Identity


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
