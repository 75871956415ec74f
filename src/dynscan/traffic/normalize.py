"""Normal forms of one known value: the spellings a tracker may start from before encoding it.

``forms(data_type, value)`` returns the distinct spellings (case variants, MAC separators, IMEI 14 and
15 digits, E.164 / no ``+`` / national phone forms, trimmed lower-case e-mail), or a reason to skip
the value when it is too short or degenerate to match safely.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from dynscan.util.luhn import luhn_digit

MIN_LEN = 6
_SEPARATORS = re.compile(r"[\s:\-.]")
#: ITU calling codes sorted longest first is not needed: E.164 codes are prefix-free.
_CC3 = {"880", "886", "852", "853", "855", "856", "971", "972", "966", "962", "963", "964", "965",
        "968", "970", "973", "974", "975", "976", "977", "992", "993", "994", "995", "996", "998",
        "234", "254", "255", "256", "233", "212", "213", "216", "218", "351", "352", "353", "354",
        "358", "359", "370", "371", "372", "373", "374", "375", "380", "381", "385", "386", "420",
        "421", "673", "670", "960"}
_CC2 = {"20", "27", "30", "31", "32", "33", "34", "36", "39", "40", "41", "43", "44", "45", "46",
        "47", "48", "49", "51", "52", "53", "54", "55", "56", "57", "58", "60", "61", "62", "63",
        "64", "65", "66", "81", "82", "84", "86", "90", "91", "92", "93", "94", "95", "98"}


#: Types of values learned from what an app read (a contact row, an SMS, an account): each string is
#: spelled by its shape, so a contact's "+86 138 0013 8000" is also searched as "13800138000".
SHAPED_TYPES = frozenset({"contacts", "call_log", "sms", "calendar", "clipboard", "accounts", "media"})
_PHONE_SHAPE = re.compile(r"^\+?[\d\s\-().]{7,24}$")
_EMAIL_SHAPE = re.compile(r"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$")


class Forms(NamedTuple):
    forms: list[str]
    skipped: str | None  # reason, when the value is not searched for


def _dedupe(items: list[str]) -> list[str]:
    return list(dict.fromkeys(i for i in items if i))


def _imei(v: str) -> list[str]:
    d = re.sub(r"\D", "", v)
    if len(d) == 15:
        return [d, d[:14]]
    if len(d) == 14:
        return [d, d + luhn_digit(d)]
    return [d or v]


def _mac(v: str) -> list[str]:
    h = re.sub(r"[^0-9a-fA-F]", "", v)
    if len(h) != 12:
        return _case(v)
    pairs = [h[i:i + 2] for i in range(0, 12, 2)]
    out: list[str] = []
    for sep in (":", "-", ""):
        s = sep.join(pairs)
        out += [s.lower(), s.upper()]
    return out


def _phone(v: str) -> list[str]:
    d = re.sub(r"\D", "", v)
    if v.strip().startswith("+") or v.strip().startswith("00"):
        d = d[2:] if v.strip().startswith("00") else d
        for n in (1, 2, 3):
            cc = d[:n]
            if (n == 1 and cc in {"1", "7"}) or (n == 2 and cc in _CC2) or (n == 3 and cc in _CC3):
                national = d[n:]
                return [f"+{d}", d, national, "0" + national]
        return [f"+{d}", d]
    return [d, d.lstrip("0")]


def _email(v: str) -> list[str]:
    return [v.strip().lower(), v.strip(), v.strip().upper()]


def _case(v: str) -> list[str]:
    s = v.strip()
    out = [s, s.lower(), s.upper()]
    if re.fullmatch(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}", s):
        out += [s.replace("-", "").lower(), s.replace("-", "").upper()]
    return out


def degenerate(value: str) -> str | None:
    """Why a value cannot be matched safely, or None."""
    core = _SEPARATORS.sub("", value)
    if len(core) < MIN_LEN:
        return f"shorter than {MIN_LEN} characters"
    if len(set(core.lower())) <= 1:
        return "a single repeated character (e.g. an all-zero advertising ID)"
    return None


def forms(data_type: str, value: str) -> Forms:
    """Distinct spellings of ``value`` to search for, or a skip reason."""
    why = degenerate(value)
    if why:
        return Forms([], why)
    if data_type in {"imei", "meid"} and re.sub(r"\D", "", value) == value.strip():
        out = _imei(value)
    elif data_type in {"mac", "bssid", "bt_mac"}:
        out = _mac(value)
    elif data_type == "phone_number":
        out = _phone(value)
    elif data_type == "email" or (data_type in SHAPED_TYPES and _EMAIL_SHAPE.fullmatch(value.strip())):
        out = _email(value)
    elif data_type in SHAPED_TYPES and _PHONE_SHAPE.fullmatch(value.strip()) and sum(c.isdigit() for c in value) >= 7:
        out = _phone(value)
    else:
        out = _case(value)
    kept = _dedupe([f for f in out if len(f) >= MIN_LEN])
    return Forms(kept, None if kept else f"no form of at least {MIN_LEN} characters")
