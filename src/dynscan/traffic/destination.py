"""Where a request goes: registrable domain, first / third / unknown party, and the SDK by host.

First-party domains come from the session (``session_start.first_party_domains``) plus a guess from
the package name: ``com.example.app`` makes ``example.com`` and any ``example.<suffix>`` first party.
A host of a known SDK is third party unless the session lists it; with nothing to compare against
(no package, no domains) and for IP literals the party is ``unknown``.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from functools import lru_cache

import publicsuffix2

from dynscan.attribution import SdkDb

_GENERIC = {"android", "app", "apps", "mobile", "client", "www", "main"}


@lru_cache(maxsize=1)
def _sdk_db() -> SdkDb:
    return SdkDb.load()


def sdk_for_host(host: str) -> str | None:
    """The SDK id whose signature lists this host's domain (one swap point for the lookup)."""
    return _sdk_db().sdk_for_host(host)


def is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return True


@lru_cache(maxsize=4096)
def registrable_domain(host: str) -> str:
    """``a.b.example.co.uk`` -> ``example.co.uk`` (public suffix list); IPs and bare names as given.

    A top-level domain the list does not know (``.example``, ``.internal``, ``.test``) follows the
    list's default rule ``*``: the last label is the public suffix, so ``t.fakesdk.example`` belongs
    to ``fakesdk.example`` (the library alone would answer ``example``).
    """
    h = host.strip().rstrip(".").lower()
    if not h or is_ip(h) or "." not in h:
        return h
    known = publicsuffix2.get_sld(h, strict=True)
    if known:
        return str(known)
    return ".".join(h.split(".")[-2:])


def _first_label(domain: str) -> str:
    return domain.split(".", 1)[0]


@dataclass(frozen=True)
class Destination:
    domain: str
    party: str  # first | third | unknown
    sdk: str | None


class Classifier:
    """Classifies hosts for one session."""

    def __init__(self, first_party_domains: list[str] | None = None, package: str | None = None) -> None:
        self.domains = {registrable_domain(d) for d in first_party_domains or [] if d.strip()}
        self.hosts = {d.strip().lower().rstrip(".") for d in first_party_domains or [] if d.strip()}
        self.labels: set[str] = set()
        if package:
            parts = [p for p in package.lower().split(".") if p]
            if len(parts) >= 2 and parts[1] not in _GENERIC:
                self.domains.add(f"{parts[1]}.{parts[0]}")
                self.labels.add(parts[1])

    @property
    def informed(self) -> bool:
        return bool(self.domains or self.hosts)

    def classify(self, host: str) -> Destination:
        h = host.strip().rstrip(".").lower()
        domain = registrable_domain(h)
        sdk = sdk_for_host(h) if h else None
        if h in self.hosts or domain in self.domains or (
            not is_ip(h) and _first_label(domain) in self.labels
        ):
            party = "first"
        elif sdk is not None:
            party = "third"
        elif not self.informed or is_ip(h) or "." not in h:
            party = "unknown"
        else:
            party = "third"
        return Destination(domain, party, sdk)
