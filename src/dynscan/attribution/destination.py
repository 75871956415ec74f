"""The one place that decides whose a destination is: first party, third party, or unknown.

Built once per session from the package, the config's first-party domains and SDK signature files,
the shipped SDK data, and what the session teaches (``session_start``, and which code opened a
connection to which host). The proxy worker, the rules engine and -- through the report's stats --
the reports all ask it, so a host has one party everywhere. Order of the evidence:

1. **first** (``declared``): the host or its registrable domain is a configured / session
   first-party domain, or matches the package name (``com.example.app`` -> ``example.com``, and
   ``example.<country suffix>`` such as ``example.cn`` or ``example.co.uk``: the same brand's national
   sites; not ``example.net`` or ``example.io``, which anyone may own; generic second labels such as
   ``android`` or ``app`` are ignored);
2. **third** (``sdk_data``): the SDK data (shipped + the config's files) knows the host;
3. **third** (``sdk_code``): an SDK's code opened a connection to the host (``net_request`` stack);
4. **first** (``learned``): only the app's own code ever opened connections to the host, and the
   SDK data does not know it -- a learned first-party host, listed in the report;
5. **unknown** otherwise (also IP literals and bare names): reported at ``info``, never as a third
   party.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import publicsuffix2

from dynscan.attribution.sdkdb import SdkDb

_GENERIC = {"android", "app", "apps", "mobile", "client", "www", "main"}
_MAX_HOSTS = 100_000  # hosts remembered with their openers (bounded: hostile apps make up names)


def is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return True


def norm_host(host: str) -> str:
    return host.strip().rstrip(".").lower()


@lru_cache(maxsize=4096)
def registrable_domain(host: str) -> str:
    """``a.b.example.co.uk`` -> ``example.co.uk`` (public suffix list); IPs and bare names as given.

    A top-level domain the list does not know (``.example``, ``.internal``, ``.test``) follows the
    list's default rule ``*``: the last label is the public suffix, so ``t.fakesdk.example`` belongs
    to ``fakesdk.example`` (the library alone would answer ``example``).
    """
    h = norm_host(host)
    if not h or is_ip(h) or "." not in h:
        return h
    known = publicsuffix2.get_sld(h, strict=True)
    if known:
        return str(known)
    return ".".join(h.split(".")[-2:])


#: Country codes sold as generic names (``.io``, ``.co``, ``.ai`` ...): anyone's, not a national site.
_GENERIC_CC = {"io", "co", "me", "tv", "ai", "ly", "gg", "fm", "to", "cc", "ws", "so", "sh", "la", "am", "gl", "vc"}


def _national(suffix: str) -> bool:
    """A country-code public suffix (``cn``, ``com.cn``, ``co.uk``), not one sold as a generic name."""
    last = suffix.rsplit(".", 1)[-1]
    return len(last) == 2 and last.isalpha() and last not in _GENERIC_CC


@dataclass(frozen=True)
class Destination:
    domain: str
    party: str  # first | third | unknown
    sdk: str | None
    basis: str  # declared | sdk_data | sdk_code | learned | none


class DestinationClassifier:
    """Classifies hosts for one session; see the module docstring for the order of evidence."""

    def __init__(self, db: SdkDb, *, package: str | None = None, first_party_domains: Iterable[str] = ()) -> None:
        self.db = db
        self.domains: set[str] = set()
        self.hosts: set[str] = set()
        self.labels: set[str] = set()
        self._app_hosts: set[str] = set()  # opened by the app's own code
        self._sdk_hosts: dict[str, str] = {}  # opened by an SDK's code -> the SDK id
        self.add_session(package, first_party_domains)

    @classmethod
    def build(cls, *, package: str | None = None, first_party_domains: Iterable[str] = (),
              sdk_signatures: Sequence[Path] = ()) -> DestinationClassifier:
        """From the shipped SDK data merged with the config's signature files (``InputError`` if bad)."""
        return cls(SdkDb.load(sdk_signatures), package=package, first_party_domains=first_party_domains)

    def add_session(self, package: str | None, first_party_domains: Iterable[str] = ()) -> None:
        """What a ``session_start`` (or ``--package``) says: the package and first-party domains."""
        for d in first_party_domains:
            if d.strip():
                self.domains.add(registrable_domain(d))
                self.hosts.add(norm_host(d))
        if package:
            parts = [p for p in package.lower().split(".") if p]
            if len(parts) >= 2 and parts[1] not in _GENERIC:
                self.domains.add(f"{parts[1]}.{parts[0]}")
                self.labels.add(parts[1])

    def note_opener(self, host: str, actor: str) -> None:
        """``actor`` (``app``, ``sdk:<id>``, ``lib:...``) opened a connection to ``host``."""
        h = norm_host(host)
        if not h or len(self._app_hosts) + len(self._sdk_hosts) > _MAX_HOSTS:
            return
        if actor == "app":
            self._app_hosts.add(h)
        elif actor.startswith("sdk:"):
            self._sdk_hosts.setdefault(h, actor[4:])

    def declared_first(self, host: str) -> bool:
        h = norm_host(host)
        domain = registrable_domain(h)
        if h in self.hosts or domain in self.domains:
            return True
        label, _, suffix = domain.partition(".")
        return label in self.labels and not is_ip(h) and _national(suffix)

    def classify(self, host: str, opener: str | None = None) -> Destination:
        """The party of ``host``; ``opener`` is the actor whose code opened this very connection."""
        h = norm_host(host)
        domain = registrable_domain(h)
        sdk = self.db.sdk_for_host(h) if h else None
        if self.declared_first(h):
            return Destination(domain, "first", sdk, "declared")
        if sdk is not None:
            return Destination(domain, "third", sdk, "sdk_data")
        if opener is not None and opener.startswith("sdk:"):
            return Destination(domain, "third", opener[4:], "sdk_code")
        if h in self._sdk_hosts:
            return Destination(domain, "third", self._sdk_hosts[h], "sdk_code")
        if (opener == "app" or h in self._app_hosts) and not is_ip(h):
            return Destination(domain, "first", None, "learned")
        return Destination(domain, "unknown", None, "none")

    def learned_first_party(self) -> list[str]:
        """Hosts only the app's own code contacted, unknown to the SDK data and not declared."""
        return sorted(h for h in self._app_hosts
                      if h not in self._sdk_hosts and not is_ip(h) and not self.declared_first(h)
                      and self.db.sdk_for_host(h) is None)
