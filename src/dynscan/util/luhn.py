"""The Luhn check digit (ISO/IEC 7812-1), used by IMEIs and ICCIDs.

Shared by the virtual device (which makes valid identifiers) and the traffic matcher (which spells
a 14-digit IMEI with its check digit); it lives here so neither has to import the other.
"""

from __future__ import annotations


def luhn_digit(digits: str) -> str:
    """The check digit to append to ``digits`` (a string of decimal digits)."""
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            d = d - 9 if d > 9 else d
        total += d
    return str((10 - total % 10) % 10)


def luhn_valid(number: str) -> bool:
    """True when ``number`` is all digits and its last digit is the Luhn check digit of the rest."""
    return number.isdigit() and len(number) > 1 and luhn_digit(number[:-1]) == number[-1]
