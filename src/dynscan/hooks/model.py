"""The hook catalog's data model: one :class:`HookSpec` per hooked method, validated at load.

A spec names *where* to hook (class, method, optional overloads) and *what it means* (the
CONTRACTS ``category``/``data_type``, or a lifecycle ``kind`` such as ``permission_request``).
The agent knows how to turn each kind into timeline events; the catalog is the only list of targets.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from dynscan.events.vocab import Category, DownloadVia, StartStage, StartVia

#: What a hook reports. ``api_call`` is data access; the others feed the timeline's state.
HookKind = Literal[
    "api_call",            # CONTRACTS api_call
    "permission_request",  # the permissions are in argument ``permissions_arg``
    "permission_result",   # onRequestPermissionsResult(code, String[], int[])
    "permission_check",    # checkSelfPermission & co: a ``permission_check`` event (ignored by rules)
    "component_start",     # startActivity / startService / bindService / sendBroadcast
    "activity_resumed",    # foreground tracking
    "activity_paused",     # background tracking (with activity_stopped)
    "activity_stopped",    # background once no activity is resumed
    "tap",                 # View.performClick: user_action tap with the view's text
    "app_exit",            # Runtime.exit / Process.killProcess: app_state stopped, cause app
    "crash",               # Thread.dispatchUncaughtException: app_state crashed
    "sensor_register",     # SensorManager.registerListener: remembered for sensor injection
    "net_request",         # URL.openConnection / OkHttpClient.newCall: who opened a connection, to where
    "download",            # DownloadManager.enqueue / PackageInstaller.createSession: a `download` event
    "net_connect",         # Socket/SocketChannel.connect, DatagramSocket.send: every connection, proxied or not
    "tls_data",            # TLS plaintext written/read by the app (tls_write / tls_read events)
    "tcf_signal",          # IABTCF_* SharedPreferences reads and writes (GDPR consent signals)
    "tls_engine",          # SSLEngine wrap/unwrap: TLS plaintext of NIO clients (tls_write / tls_read events)
    "native_connect",      # libc connect/sendto (class `libc`): native connections no Java hook saw (net_connect)
    "wakeup",              # WorkManager requests, other apps' providers, receivers woken, jobs/work run:
                           # a `component_start` (agent/src/hooks/wakeups.ts)
    "install_check",       # PackageManager.canRequestPackageInstalls: a `permission_check` event
]
#: How an ``api_call`` hook turns what it saw into values to search traffic for (``learned`` on the
#: event): ``value`` (the returned string), ``package_names`` (a list of PackageInfo, ApplicationInfo,
#: ResolveInfo, RunningAppProcessInfo, RunningServiceInfo or UsageStats), ``cursor`` (the string cells
#: of the returned Cursor, its position restored), ``account_names`` (Account[]), ``clip_text``
#: (ClipData), ``scan_results`` (ScanResult SSIDs and BSSIDs), ``wifi_configs`` (WifiConfiguration SSIDs).
Learn = Literal["value", "package_names", "cursor", "account_names", "clip_text", "scan_results", "wifi_configs"]
Platform = Literal["android", "sim"]
#: How the returned value is previewed: ``auto`` (strings, numbers, toString), ``mac`` (byte[] as
#: aa:bb:..), ``count`` (collections and arrays: their size), ``none``.
Preview = Literal["auto", "mac", "count", "none"]

PLATFORMS: tuple[Platform, ...] = ("android", "sim")
HOOK_KINDS: tuple[str, ...] = HookKind.__args__  # type: ignore[attr-defined]


class Capture(BaseModel):
    """What the agent copies out of a call."""

    model_config = ConfigDict(extra="forbid")

    value: bool = True
    args: bool = False
    stack: bool = True
    preview: Preview = "auto"


class ArgFilter(BaseModel):
    """Emit only when argument ``arg`` (0-based), as a string, is one of ``equals``, starts with one of
    ``prefix``, or (``not_own_package``) is not the app's own package name. Checked in the agent, so a
    hot method costs the app one string comparison per call, not an event."""

    model_config = ConfigDict(extra="forbid")

    arg: int = Field(ge=0)
    equals: list[str] | None = Field(default=None, min_length=1)
    prefix: list[str] | None = Field(default=None, min_length=1)
    not_own_package: bool = False

    @model_validator(mode="after")
    def _one_test(self) -> ArgFilter:
        if self.equals is None and self.prefix is None and not self.not_own_package:
            raise ValueError("a filter needs `equals`, `prefix` or `not_own_package`")
        return self


class ClassifyTarget(BaseModel):
    model_config = ConfigDict(extra="forbid")

    category: Category
    data_type: str | None = None


class Classify(BaseModel):
    """Pick the category from argument ``arg``: a content URI's authority (``uri_authority``), the
    string itself (``string``) or its longest key that is a prefix of it (``prefix``: file paths).
    Calls whose key is not in ``map`` are not reported."""

    model_config = ConfigDict(extra="forbid")

    arg: int = Field(ge=0)
    by: Literal["uri_authority", "string", "prefix"] = "uri_authority"
    map: dict[str, ClassifyTarget] = Field(min_length=1)


class HookSpec(BaseModel):
    """One catalog entry: every overload of ``cls.method`` unless ``overloads`` narrows them."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    id: str = Field(pattern=r"^[a-z0-9_.\-]+$")
    kind: HookKind = "api_call"
    cls: str = Field(alias="class", pattern=r"^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$")
    method: str = Field(min_length=1)
    overloads: list[list[str]] | None = None
    category: Category | None = None
    data_type: str | None = None
    capture: Capture = Field(default_factory=Capture)
    filter: ArgFilter | None = None
    classify: Classify | None = None
    permission: str | None = None
    platforms: list[Platform] = Field(default_factory=lambda: list(PLATFORMS), min_length=1)
    via: StartVia | DownloadVia | None = None
    #: For ``wakeup``: ``run`` when the hooked method runs a deferred start (a job, a worker), else the
    #: start is ``scheduled`` (WorkManager's enqueue) or immediate (a provider, a receiver).
    stage: StartStage | None = None
    permissions_arg: int | None = Field(default=None, ge=0)
    learn: Learn | None = None
    #: Hooks sharing a guard key report a call once when one calls the other on the same thread.
    guard: str | None = Field(default=None, pattern=r"^[a-z0-9_.\-]+$")
    #: For ``tls_data`` and ``tls_engine``: ``write`` or ``read`` (which direction the hooked method carries).
    direction: Literal["write", "read"] | None = None
    description: str = ""

    @model_validator(mode="after")
    def _consistent(self) -> HookSpec:
        if self.kind == "api_call" and self.category is None and self.classify is None:
            raise ValueError(f"hook {self.id}: an api_call needs a category or a classify map")
        if self.kind in ("component_start", "wakeup") and self.via not in StartVia.__args__:  # type: ignore[attr-defined]
            raise ValueError(f"hook {self.id}: a {self.kind} needs `via` (a start kind)")
        if self.kind == "download" and self.via not in DownloadVia.__args__:  # type: ignore[attr-defined]
            raise ValueError(f"hook {self.id}: a download needs `via` (a download kind)")
        if self.learn is not None and self.kind != "api_call":
            raise ValueError(f"hook {self.id}: only an api_call learns values")
        if self.kind in ("tls_data", "tls_engine") and self.direction is None:
            raise ValueError(f"hook {self.id}: a {self.kind} hook needs `direction`")
        if self.kind == "native_connect" and (self.cls != "libc" or self.method not in ("connect", "sendto")):
            raise ValueError(f"hook {self.id}: a native_connect hook is `class: libc` with `connect` or `sendto`")
        if self.kind == "permission_request" and self.permissions_arg is None:
            raise ValueError(f"hook {self.id}: a permission_request needs `permissions_arg`")
        return self

    @property
    def api(self) -> str:
        """The CONTRACTS ``api`` name: ``package.Class.method`` (nested classes keep ``$``)."""
        return f"{self.cls}.{self.method}"

    def agent_spec(self) -> dict[str, Any]:
        """The JSON form the agent's ``init`` receives."""
        return self.model_dump(mode="json", by_alias=True, exclude={"description", "platforms"})


class CatalogFile(BaseModel):
    """One YAML file: ``hooks: [...]``."""

    model_config = ConfigDict(extra="forbid")

    hooks: list[HookSpec] = Field(default_factory=list)
