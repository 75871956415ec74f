"""``dynscan.toml``: every threshold the rules use, with its default in this one place.

Evidence tiers of the defaults (see ``docs/dynscan.toml.example`` for the sources):
``official`` (a regulator's published text), ``standard`` (a national or group standard),
``practice`` (what testing labs and enforcement reports do; our choice, tune it).
"""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from dynscan.errors import InputError
from dynscan.events.vocab import DATA_TYPES
from dynscan.findings import Severity
from dynscan.rules.registry import rule_ids

_STRICT = ConfigDict(extra="forbid", frozen=True)

#: Max reads per window per (actor, data type). Tier ``practice``: device identifiers should be
#: read once and cached, so a few reads a minute is already "超出业务功能实际需要" (认定方法 4.4).
DEFAULT_FREQUENCY_MAX: dict[str, int] = {
    "imei": 3, "meid": 3, "imsi": 3, "iccid": 3, "serial": 3, "android_id": 3, "mac": 3,
    "bssid": 6, "ssid": 6, "adid": 3, "oaid": 3, "phone_number": 3,
    "location": 6, "cell_location": 6,
    "app_list": 1, "running_apps": 2, "contacts": 2, "sms": 2, "call_log": 2, "accounts": 2,
    "clipboard": 6,
}


#: Max reads per hour per (actor, data type), judged on reads actually seen within one hour (a 2-minute run
#: never reaches them; the report's per-hour view extrapolates and says so). Tier ``practice``: 164号's
#: "超频次" scene names no number; a reader every 2 minutes (30/h) of an identifier an app should cache, or
#: every minute (60/h) of location or Wi-Fi, is where testing practice starts asking why.
DEFAULT_FREQUENCY_MAX_PER_HOUR: dict[str, int] = {
    "imei": 30, "meid": 30, "imsi": 30, "iccid": 30, "serial": 30, "android_id": 30, "mac": 30,
    "bssid": 60, "ssid": 60, "adid": 30, "oaid": 30, "phone_number": 30,
    "location": 60, "cell_location": 60,
    "app_list": 6, "running_apps": 12, "contacts": 12, "sms": 12, "call_log": 12, "accounts": 12,
    "clipboard": 60,
}


class FrequencyConfig(BaseModel):
    """EXCESSIVE_FREQUENCY: more than ``max[data_type]`` (else ``default_max``) reads in ``window_s``, or
    more than ``max_per_hour[data_type]`` (else ``default_max_per_hour``) reads within one hour."""

    model_config = _STRICT

    window_s: float = Field(default=60.0, gt=0)
    default_max: int = Field(default=10, ge=1)
    max: dict[str, int] = Field(default_factory=lambda: dict(DEFAULT_FREQUENCY_MAX))
    default_max_per_hour: int = Field(default=300, ge=1)
    max_per_hour: dict[str, int] = Field(default_factory=lambda: dict(DEFAULT_FREQUENCY_MAX_PER_HOUR))

    def limit(self, data_type: str) -> int:
        return self.max.get(data_type, self.default_max)

    def hourly_limit(self, data_type: str) -> int:
        return self.max_per_hour.get(data_type, self.default_max_per_hour)

    @field_validator("max")
    @classmethod
    def _positive(cls, v: dict[str, int]) -> dict[str, int]:
        return {**DEFAULT_FREQUENCY_MAX, **_checked(v)}

    @field_validator("max_per_hour")
    @classmethod
    def _positive_hourly(cls, v: dict[str, int]) -> dict[str, int]:
        return {**DEFAULT_FREQUENCY_MAX_PER_HOUR, **_checked(v)}


def _checked(v: dict[str, int]) -> dict[str, int]:
    unknown = sorted(set(v) - set(DATA_TYPES))
    if unknown:  # a typo would otherwise leave the default silently in force
        raise ValueError(f"unknown data type(s) {', '.join(unknown)} (known: {', '.join(DATA_TYPES)})")
    bad = [k for k, n in v.items() if n < 1]
    if bad:
        raise ValueError(f"limits must be at least 1 ({', '.join(bad)})")
    return v


class ShakeConfig(BaseModel):
    """SHAKE_TO_JUMP: a shake short of the thresholds is "weak" (tier ``official``, MIIT 2023).

    ``weak_when``: ``any`` (default) when it falls short of any one threshold (a jump must need
    all three: 15 m/s², 35° and 3 s); ``all`` for the lenient reading (short of every one).
    """

    model_config = _STRICT

    acceleration: float = Field(default=15.0, ge=0)  # m/s²
    rotation: float = Field(default=35.0, ge=0)  # degrees
    duration: float = Field(default=3.0, ge=0)  # seconds
    jump_window_s: float = Field(default=5.0, gt=0)  # a jump this soon after a weak shake counts
    weak_when: Literal["any", "all"] = "any"


class Config(BaseModel):
    """All rule settings; load with :meth:`Config.load`."""

    model_config = _STRICT

    frequency: FrequencyConfig = Field(default_factory=FrequencyConfig)
    #: REPEATED_PERMISSION_REQUEST window: 48 h (tier ``official``/``standard``).
    rerequest_window_s: float = Field(default=48 * 3600.0, gt=0)
    #: EXIT_AFTER_*: the app stops this soon after a decline or denial (tier ``practice``).
    exit_window_s: float = Field(default=5.0, gt=0)
    #: "Just before": a user action this recent explains a clipboard read or a start (``practice``).
    user_action_window_s: float = Field(default=3.0, gt=0)
    shake: ShakeConfig = Field(default_factory=ShakeConfig)
    #: CONTEXTLESS_PERMISSION_REQUEST: a user action (not a dialog answer) this recent gives a permission
    #: request its context (tier ``practice``: the app's own button, then its rationale, then the request).
    permission_context_window_s: float = Field(default=5.0, gt=0)
    #: AD_TAP_ANYWHERE_JUMP: a jump this soon after the driver's neutral tap on an ad counts (``practice``).
    ad_jump_window_s: float = Field(default=3.0, gt=0)
    #: SELF_OR_ASSOCIATED_START ``query``: providers of packages under these prefixes are the system's, not
    #: another app's (tier ``practice``).
    system_packages: list[str] = Field(default_factory=lambda: ["android", "com.android.", "com.google.android."])
    disabled_rules: list[str] = Field(default_factory=list)
    severity_overrides: dict[str, Severity] = Field(default_factory=dict)
    sdk_signatures: list[Path] = Field(default_factory=list)
    first_party_domains: list[str] = Field(default_factory=list)
    #: Whose law the jurisdiction-specific rules apply: ``eu`` turns on TCF_NO_CONSENT (GDPR, IAB TCF).
    jurisdiction: Literal["cn", "eu"] = "cn"
    #: IAB Global Vendor List IDs of destinations (a host and its subdomains -> vendor ID), added to
    #: the built-in ones of :mod:`dynscan.rules.tcf` for TCF_NO_CONSENT.
    tcf_vendors: dict[str, int] = Field(default_factory=dict)

    @field_validator("disabled_rules")
    @classmethod
    def _known_rules(cls, v: list[str]) -> list[str]:
        _check_rule_ids(v)
        return v

    @field_validator("severity_overrides")
    @classmethod
    def _known_override_rules(cls, v: dict[str, Severity]) -> dict[str, Severity]:
        _check_rule_ids(v)
        return v

    @classmethod
    def load(cls, path: Path | None) -> Config:
        """Defaults, overridden by the TOML file at ``path`` (``None``: defaults only).

        Relative ``sdk_signatures`` paths are resolved against the file's directory.
        """
        if path is None:
            return cls()
        try:
            raw = path.read_bytes()
        except OSError as e:
            raise InputError(f"cannot read config file {path}: {e.strerror or e}") from e
        try:
            data: dict[str, Any] = tomllib.loads(raw.decode("utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
            raise InputError(f"config file {path} is not valid TOML: {e}") from e
        try:  # strict, through JSON: "3" is not a number, while "high" still names a severity
            config = cls.model_validate_json(json.dumps(data, default=str), strict=True)
        except ValidationError as e:
            err = e.errors()[0]
            key = ".".join(str(p) for p in err["loc"]) or "(top level)"
            raise InputError(f"config file {path}: key {key!r}: {err['msg']}") from e
        base = path.parent
        sigs = [p if p.is_absolute() else base / p for p in config.sdk_signatures]
        return config.model_copy(update={"sdk_signatures": sigs})

    def severity_for(self, rule_id: str, default: Severity) -> Severity:
        return self.severity_overrides.get(rule_id, default)


def _check_rule_ids(ids: Any) -> None:
    unknown = sorted(set(ids) - set(rule_ids()))
    if unknown:
        raise ValueError(f"unknown rule id(s): {', '.join(unknown)}")
