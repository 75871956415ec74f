"""The virtual device's identity: the values its sensitive getters return (CONTRACTS section 3 shape)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from dynscan.util.luhn import luhn_digit, luhn_valid


class Identity(BaseModel):
    """Device identifiers; the defaults are a realistic, non-degenerate phone on China Unicom."""

    model_config = ConfigDict(extra="forbid")

    imei: str = "86891504" + "312478" + luhn_digit("86891504312478")
    meid: str = "A10000491C7E3B"
    imsi: str = "460011824736591"
    iccid: str = "8986011" + "88270451932" + luhn_digit("898601188270451932")
    serial: str = "R5CN20EXK7M"
    android_id: str = "5b3e9f17c2a84d06"
    mac: str = "a4:50:46:1c:7e:92"
    bt_mac: str = "a4:50:46:1c:7e:93"
    bssid: str = "f4:84:8d:3a:21:b7"
    ssid: str = "ChinaNet-7Kq2"
    adid: str = "5f2b8c1e-3d4a-4e7b-9a6c-2e1f0d8b7a93"
    oaid: str = "e3b0c442-98fc-4c14-9a1b-6f2d5e7a8c90"
    phone_number: str = "+8613186471925"
    email: str = "li.wei.1987@example.com"
    latitude: float = 31.230416
    longitude: float = 121.473701
    extra: dict[str, str] = Field(default_factory=dict)

    @field_validator("imei")
    @classmethod
    def _imei(cls, v: str) -> str:
        if len(v) != 15 or not luhn_valid(v):
            raise ValueError("IMEI must be 15 digits with a valid Luhn check digit")
        return v

    def as_identity_file(self) -> dict[str, Any]:
        """The identity-file dict (CONTRACTS section 3)."""
        d = self.model_dump()
        if not d["extra"]:
            d.pop("extra")
        return d

    def as_properties(self) -> dict[str, str]:
        """``identity.*`` properties for the runtime."""
        return {f"identity.{k}": str(v) for k, v in self.model_dump(exclude={"extra"}).items()}
