import pytest

from dynscan.util.luhn import luhn_digit, luhn_valid


@pytest.mark.parametrize(("digits", "check"), [("49015420323751", "8"), ("7992739871", "3"), ("0", "0")])
def test_luhn_digit(digits: str, check: str) -> None:
    assert luhn_digit(digits) == check


def test_luhn_valid() -> None:
    assert luhn_valid("490154203237518")
    assert not luhn_valid("490154203237519")
    assert not luhn_valid("4") and not luhn_valid("49015420323751x")
