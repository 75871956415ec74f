"""The hook catalog's data model: one :class:`HookSpec` per hooked method, validated at load.

A spec names *where* to hook (class, method, optional overloads) and *what it means* (the
CONTRACTS ``category``/``data_type``, or a lifecycle ``kind`` such as ``permission_request``).
The agent knows how to turn each kind into timeline events; the catalog is the only list of targets.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from dynscan.events.vocab import Category, DownloadVia, StartVia

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
]
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
    """Emit only when argument ``arg`` (0-based), as a string, is one of ``equals``."""

    model_config = ConfigDict(extra="forbid")

    arg: int = Field(ge=0)
    equals: list[str] = Field(min_length=1)


class ClassifyTarget(BaseModel):
    model_config = ConfigDict(extra="forbid")

    category: Category
    data_type: str | None = None


class Classify(BaseModel):
    """Pick the category from argument ``arg``: a content URI's authority (``uri_authority``) or the
    string itself (``string``). Calls whose key is not in ``map`` are not reported."""

    model_config = ConfigDict(extra="forbid")

    arg: int = Field(ge=0)
    by: Literal["uri_authority", "string"] = "uri_authority"
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
    permissions_arg: int | None = Field(default=None, ge=0)
    description: str = ""

    @model_validator(mode="after")
    def _consistent(self) -> HookSpec:
        if self.kind == "api_call" and self.category is None and self.classify is None:
            raise ValueError(f"hook {self.id}: an api_call needs a category or a classify map")
        if self.kind == "component_start" and self.via not in StartVia.__args__:  # type: ignore[attr-defined]
            raise ValueError(f"hook {self.id}: a component_start needs `via` (a start kind)")
        if self.kind == "download" and self.via not in DownloadVia.__args__:  # type: ignore[attr-defined]
            raise ValueError(f"hook {self.id}: a download needs `via` (a download kind)")
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
