"""IAB TCF v2.2 consent state on the timeline, from the ``IABTCF_*`` keys an app's CMP stores.

In-app CMPs write, in the default SharedPreferences (TCF v2.2 "In-App" specification):
``IABTCF_TCString`` (the encoded TC string), ``IABTCF_VendorConsents`` and ``IABTCF_PurposeConsents``
(the same consents already decoded as strings of ``0``/``1``, position *n* = vendor or purpose *n*),
and ``IABTCF_gdprApplies``. The decoded keys are used when present; otherwise the TC string is
decoded with the ``iab-tcf`` library. A destination is a vendor by its host (``VENDOR_HOSTS``, plus the
config's ``tcf_vendors``): the IAB Global Vendor List has no domains, so only hosts listed here are
judged against vendor consent.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import iab_tcf

#: Hosts (and their subdomains) of vendors registered in the IAB Global Vendor List -> vendor ID.
VENDOR_HOSTS: dict[str, int] = {
    "doubleclick.net": 755, "googlesyndication.com": 755, "googleadservices.com": 755,
    "google-analytics.com": 755, "app-measurement.com": 755, "googletagmanager.com": 755,
    "criteo.com": 91, "criteo.net": 91, "adsrvr.org": 21, "adnxs.com": 32, "pubmatic.com": 76,
    "rubiconproject.com": 52, "openx.net": 69, "casalemedia.com": 10, "amazon-adsystem.com": 793,
    "inmobi.com": 333, "smartadserver.com": 45,
}
#: Purpose 1: store and/or access information on a device (needed for any identifier an SDK reads).
STORAGE_PURPOSE = 1


def _bits(text: object) -> set[int] | None:
    """``"0101"`` -> {2, 4}; None when it is not such a string."""
    if not isinstance(text, str) or not text or set(text) - {"0", "1"}:
        return None
    return {i + 1 for i, c in enumerate(text) if c == "1"}


@dataclass
class TcfState:
    """What the app's CMP has stored so far (cleared when the app's data is)."""

    tc_string: str | None = None
    vendors: set[int] | None = None
    purposes: set[int] | None = None
    decoded: bool = False
    _raw: dict[str, object] = field(default_factory=dict)

    def update(self, key: str, value: object) -> None:
        if value is None:
            return
        self._raw[key] = value
        if key == "IABTCF_TCString" and isinstance(value, str) and value:
            self.tc_string = value
            self._decode(value)
        elif key == "IABTCF_VendorConsents" and (bits := _bits(value)) is not None:
            self.vendors = bits
        elif key == "IABTCF_PurposeConsents" and (bits := _bits(value)) is not None:
            self.purposes = bits

    def _decode(self, tc: str) -> None:
        try:
            consent = iab_tcf.decode_v2(tc)
        except Exception:  # a malformed string: present, but nothing can be read from it
            consent = None
        if consent is None or consent.version != 2:
            self.decoded = False
            return
        self.decoded = True
        if _bits(self._raw.get("IABTCF_PurposeConsents")) is None:
            self.purposes = {p for p, on in consent.purposes_consent.items() if on}
        if _bits(self._raw.get("IABTCF_VendorConsents")) is None:
            if consent.is_consent_range_encoding:
                self.vendors = {v for lo, hi in consent.consented_vendors_range for v in range(lo, hi + 1)}
            else:
                self.vendors = {v for v, on in consent.consented_vendors.items() if on}

    def missing_consent(self, vendor: int) -> str | None:
        """Why ``vendor`` may not receive personal data under this TC string, or None."""
        if self.purposes is not None and STORAGE_PURPOSE not in self.purposes:
            return f"purpose {STORAGE_PURPOSE} not consented"
        if self.vendors is not None and vendor not in self.vendors:
            return f"vendor {vendor} not consented"
        return None


def vendor_for_host(host: str, extra: dict[str, int] | None = None) -> int | None:
    h = host.lower().rstrip(".")
    table = {**VENDOR_HOSTS, **{k.lower().strip("."): v for k, v in (extra or {}).items()}}
    parts = h.split(".")
    for i in range(len(parts) - 1):
        vid = table.get(".".join(parts[i:]))
        if vid is not None:
            return vid
    return None
