"""Timeline event factories for tests: build validated ``dynscan.events.model`` objects.

``Timeline`` appends events with increasing timestamps and unique ids::

    t = Timeline()                       # starts with a session_start for PACKAGE
    t.api("device_id", "imei", stack=sdk_stack("com.umeng.commonsdk.UMUtils"))
    t.wait(2).accept()
    events = t.events
"""

from __future__ import annotations

import base64
from collections.abc import Iterable
from typing import Any

from dynscan.events.model import (
    ApiCall,
    AppLaunch,
    AppReset,
    AppState,
    ComponentStart,
    Consent,
    DialogSeen,
    Download,
    Event,
    Flow,
    NetConnect,
    NetRequest,
    OtherEvent,
    PermissionRequest,
    PermissionResult,
    Pii,
    SessionStart,
    TcfSignal,
    UserAction,
)

PACKAGE = "com.example.app"
#: The v1 rule IDs in catalog order (CONTRACTS section 4): the order of `dynscan rules`, SARIF and JUnit.
V1_RULE_IDS: tuple[str, ...] = (
    "PRE_CONSENT_COLLECTION", "PRE_CONSENT_TRANSMISSION", "PRE_CONSENT_PERMISSION_REQUEST",
    "COLLECTION_AFTER_DECLINE", "REPEATED_PERMISSION_REQUEST", "ACCESS_AFTER_PERMISSION_DENIAL",
    "EXCESSIVE_FREQUENCY", "BACKGROUND_COLLECTION", "APP_LIST_COLLECTION", "CLIPBOARD_READ",
    "CLEARTEXT_TRANSMISSION", "THIRD_PARTY_TRANSMISSION", "SELF_OR_ASSOCIATED_START", "SHAKE_TO_JUMP",
    "EXIT_AFTER_DECLINE", "EXIT_AFTER_PERMISSION_DENIAL",
)
#: The rules of the 164号 / 26号 scenes (issue 14), after the v1 ones in the catalog.
SCENE_RULE_IDS: tuple[str, ...] = (
    "CONSENT_UI_NO_REFUSAL", "CONSENT_UI_PRESELECTED", "NO_PRIVACY_POLICY", "CONTEXTLESS_PERMISSION_REQUEST",
    "AUTO_DOWNLOAD_OR_INSTALL", "UNDISCLOSED_COLLECTION", "UNDISCLOSED_SDK", "AD_TAP_ANYWHERE_JUMP", "AD_NO_CLOSE",
)
T0 = 1_700_000_000.0

DEFAULT_APIS = {
    "device_id": "android.telephony.TelephonyManager.getImei",
    "location": "android.location.LocationManager.getLastKnownLocation",
    "clipboard": "android.content.ClipboardManager.getPrimaryClip",
    "app_list": "android.content.pm.PackageManager.getInstalledPackages",
    "contacts": "android.content.ContentResolver.query",
    "sensor": "android.hardware.SensorManager.registerListener",
}


def frame(cls: str, method: str = "run", line: int = 10) -> str:
    """One stack frame ``pkg.Class.method(Class.java:N)``."""
    simple = cls.rsplit(".", 1)[-1].split("$", 1)[0]
    return f"{cls}.{method}({simple}.java:{line})"


def stack(*classes: str, api: str = "android.telephony.TelephonyManager.getImei") -> list[str]:
    """A stack, innermost first: the hooked API (a native frame), then the given caller classes."""
    return [f"{api}(Native Method)"] + [frame(c) for c in classes]


def app_stack(package: str = PACKAGE) -> list[str]:
    return stack(f"{package}.MainActivity", "android.app.Activity")


def sdk_stack(sdk_class: str = "com.umeng.commonsdk.utils.UMUtils", package: str = PACKAGE) -> list[str]:
    return stack(sdk_class, f"{package}.App", "android.app.Application")


class Timeline:
    """An in-order list of events; each ``add`` advances time by ``step`` unless ``at`` is given."""

    def __init__(self, *, package: str | None = PACKAGE, start: float = T0, step: float = 0.1,
                 first_party_domains: list[str] | None = None) -> None:
        self.ts = start
        self.step = step
        self.events: list[Event] = []
        self._n = 0
        if package is not None:
            self.add(SessionStart, package=package, first_party_domains=first_party_domains or [])

    def add(self, cls: type[Any], *, at: float | None = None, id: str | None = "auto", **fields: Any) -> Any:
        if at is not None:
            self.ts = at
        elif self.events:
            self.ts += self.step
        self._n += 1
        ev = cls(ts=self.ts, id=f"e{self._n}" if id == "auto" else id, **fields)
        self.events.append(ev)
        return ev

    def wait(self, seconds: float) -> Timeline:
        self.ts += seconds
        return self

    # ---- one method per kind ----
    def launch(self, **kw: Any) -> Timeline:
        self.add(AppLaunch, **kw)
        return self

    def reset(self, **kw: Any) -> Timeline:
        self.add(AppReset, **kw)
        return self

    def state(self, state: str, cause: str | None = None, **kw: Any) -> Timeline:
        self.add(AppState, state=state, cause=cause, **kw)
        return self

    def consent(self, action: str, **kw: Any) -> Timeline:
        self.add(Consent, action=action, **kw)
        return self

    def accept(self, **kw: Any) -> Timeline:
        return self.consent("policy_accepted", **kw)

    def decline(self, **kw: Any) -> Timeline:
        return self.consent("policy_declined", **kw)

    def user(self, action: str = "tap", detail: dict[str, Any] | None = None, **kw: Any) -> Timeline:
        self.add(UserAction, action=action, detail=detail, **kw)
        return self

    def shake(self, acceleration: float = 5.0, rotation: float = 10.0, duration: float = 0.5, **kw: Any) -> Timeline:
        return self.user("shake", {"acceleration": acceleration, "rotation": rotation, "duration": duration}, **kw)

    def api(self, category: str = "device_id", data_type: str | None = None, *, api: str | None = None,
            stack: list[str] | None = None, **kw: Any) -> Timeline:
        self.add(ApiCall, api=api or DEFAULT_APIS.get(category, "android.Unknown.call"), category=category,
                 data_type=data_type, stack=stack if stack is not None else app_stack(), **kw)
        return self

    def request(self, *permissions: str, stack: list[str] | None = None, **kw: Any) -> Timeline:
        self.add(PermissionRequest, permissions=list(permissions), stack=stack, **kw)
        return self

    def result(self, permission: str, granted: bool, **kw: Any) -> Timeline:
        self.add(PermissionResult, permission=permission, granted=granted, **kw)
        return self

    def flow(self, host: str = "api.example.com", *pii_types: str, scheme: str = "https", method: str = "POST",
             party: str | None = None, sdk: str | None = None, attribution: str | None = None,
             path: str = "/", **kw: Any) -> Timeline:
        pii = [Pii(type=t, encoding="plain", location="body") for t in pii_types]
        self.add(Flow, method=method, url=f"{scheme}://{host}{path}", host=host, scheme=scheme, pii=pii,
                 party=party, sdk=sdk, attribution=attribution, **kw)
        return self

    def start(self, target_package: str, via: str = "startActivity", *, stack: list[str] | None = None,
              **kw: Any) -> Timeline:
        self.add(ComponentStart, via=via, target_package=target_package, stack=stack, **kw)
        return self

    def connect(self, host: str, *, stack: list[str] | None = None, **kw: Any) -> Timeline:
        """A ``net_request``: code (``stack``, the app's by default) opened a connection to ``host``."""
        self.add(NetRequest, url=f"https://{host}/", host=host, api="java.net.URL.openConnection",
                 stack=stack if stack is not None else app_stack(), **kw)
        return self

    def shown(self, *, refusal: bool | None = True, preselected: bool | None = False, **kw: Any) -> Timeline:
        """``consent policy_shown`` with what the driver read on the dialog (None: not recorded)."""
        detail = {k: v for k, v in (("refusal", refusal), ("preselected", preselected)) if v is not None}
        return self.consent("policy_shown", detail=detail or None, **kw)

    def dialog(self, dialog: str = "policy", **kw: Any) -> Timeline:
        self.add(DialogSeen, dialog=dialog, **kw)
        return self

    def download(self, via: str = "DownloadManager.enqueue", uri: str | None = "https://cdn.example.com/x.apk",
                 *, mime: str | None = None, stack: list[str] | None = None, **kw: Any) -> Timeline:
        self.add(Download, via=via, uri=uri, mime=mime, stack=stack if stack is not None else app_stack(), **kw)
        return self

    def socket(self, host: str, port: int = 443, *, proto: str = "tcp", via: str = "java.net.Socket.connect",
               stack: list[str] | None = None, **kw: Any) -> Timeline:
        """A ``net_connect``: code (the app's by default) opened a socket to ``host:port``."""
        self.add(NetConnect, host=host, port=port, proto=proto, via=via,
                 stack=stack if stack is not None else app_stack(), **kw)
        return self

    def tcf(self, key: str, value: str | int | None, op: str = "write", **kw: Any) -> Timeline:
        """A ``tcf_signal``: an ``IABTCF_*`` SharedPreferences key read or written."""
        self.add(TcfSignal, key=key, value=value, op=op, **kw)
        return self

    def other(self, kind: str = "future_kind", **kw: Any) -> Timeline:
        self.add(OtherEvent, kind=kind, **kw)
        return self


def perm(name: str) -> str:
    """``perm("CAMERA")`` -> ``android.permission.CAMERA``."""
    return f"android.permission.{name}"


# ---- IAB TCF v2.2 TC strings (core segment only), field by field as the spec lays out ----
def _int(value: int, n: int) -> str:
    return format(value, f"0{n}b")


def _letters(code: str) -> str:
    return "".join(_int(ord(c) - ord("A"), 6) for c in code.upper())


def _field(ids: Iterable[int], n: int) -> str:
    on = set(ids)
    return "".join("1" if i + 1 in on else "0" for i in range(n))


def tc_string(purposes: Iterable[int] = (1, 2, 3, 4), vendors: Iterable[int] = (755,)) -> str:
    vendors = sorted(set(vendors))
    max_vendor = max(vendors, default=0)
    bits = "".join([
        _int(2, 6), _int(16000000000, 36), _int(16000000000, 36), _int(7, 12), _int(1, 12), _int(1, 6),
        _letters("EN"), _int(150, 12), _int(4, 6), "0", "0", _int(0, 12), _field(purposes, 24), _int(0, 24),
        "0", _letters("AA"),
        _int(max_vendor, 16), "0", _field(vendors, max_vendor),  # vendor consents as a bit field
        _int(0, 16), "0",  # legitimate-interest vendors: none
        _int(0, 12),  # publisher restrictions: none
    ])
    bits += "0" * (-len(bits) % 8)
    raw = int(bits, 2).to_bytes(len(bits) // 8, "big")
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")
