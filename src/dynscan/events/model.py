"""The timeline's event model (CONTRACTS section 2), discriminated on ``kind``.

Unknown fields are kept (``extra="allow"``); an unknown ``kind`` becomes an :class:`OtherEvent`
that is kept, counted and ignored by the rules.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

from dynscan.events.vocab import (
    AppStateName,
    Attribution,
    Category,
    ConsentAction,
    DialogKind,
    DownloadVia,
    Party,
    PhaseStatus,
    PiiLocation,
    Scheme,
    Source,
    StartStage,
    StartVia,
    StateCause,
    UserActionName,
)


class BaseEvent(BaseModel):
    """Fields every event may carry."""

    model_config = ConfigDict(extra="allow", frozen=False)

    kind: str
    ts: float
    id: str | None = None
    process: str | None = None
    pid: int | None = None
    thread: str | None = None
    source: Source | None = None


class SessionStart(BaseEvent):
    kind: Literal["session_start"] = "session_start"
    package: str
    app_version: str | None = None
    app_label: str | None = None  # the app's name as users see it (Android: android:label, resolved)
    device: dict[str, Any] | None = None
    first_party_domains: list[str] = Field(default_factory=list)


class AppLaunch(BaseEvent):
    kind: Literal["app_launch"] = "app_launch"
    cold: bool | None = None


class AppReset(BaseEvent):
    kind: Literal["app_reset"] = "app_reset"


class AppState(BaseEvent):
    kind: Literal["app_state"] = "app_state"
    state: AppStateName
    cause: StateCause | None = None


class Consent(BaseEvent):
    """``detail`` (optional, on ``policy_shown``): what the driver read on the dialog, ``refusal`` (a control
    that refuses was found) and ``preselected`` (an "I have read and agree" box was ticked in advance)."""

    kind: Literal["consent"] = "consent"
    action: ConsentAction
    detail: dict[str, Any] | None = None


class UserAction(BaseEvent):
    kind: Literal["user_action"] = "user_action"
    action: UserActionName
    target: str | None = None
    detail: dict[str, Any] | None = None


class ApiCall(BaseEvent):
    kind: Literal["api_call"] = "api_call"
    api: str
    category: Category
    data_type: str | None = None
    value: Any = None
    args: list[Any] | None = None
    stack: list[str] | None = None


class Download(BaseEvent):
    """Extension: the app downloaded or installed a package: ``via`` ``DownloadManager.enqueue``,
    ``PackageInstaller.createSession``, ``ACTION_VIEW`` or ``ACTION_INSTALL_PACKAGE`` (an intent on an
    ``.apk`` or the package-archive MIME type); optional ``uri``, ``mime``, ``stack``."""

    kind: Literal["download"] = "download"
    via: DownloadVia
    uri: str | None = None
    mime: str | None = None
    stack: list[str] | None = None


class PermissionRequest(BaseEvent):
    kind: Literal["permission_request"] = "permission_request"
    permissions: list[str]
    stack: list[str] | None = None


class PermissionResult(BaseEvent):
    kind: Literal["permission_result"] = "permission_result"
    permission: str
    granted: bool


class Pii(BaseModel):
    model_config = ConfigDict(extra="allow")

    type: str
    encoding: str
    location: PiiLocation


class Flow(BaseEvent):
    kind: Literal["flow"] = "flow"
    method: str
    url: str
    host: str
    scheme: Scheme
    pii: list[Pii] = Field(default_factory=list)
    party: Party | None = None
    sdk: str | None = None
    attribution: Attribution | None = None
    #: How the plaintext was had: ``proxy`` (default) or ``tls_hook`` (the agent's TLS read/write hooks,
    #: under certificate pinning); then ``stack`` is the code that opened the connection.
    capture: Literal["proxy", "tls_hook"] | None = None
    stack: list[str] | None = None
    #: The server's IP address when the proxy knew it (the original destination in a transparent /
    #: WireGuard capture): native ``net_connect`` events name only the address, this pairs them.
    server_ip: str | None = None


class ComponentStart(BaseEvent):
    """A start of a component; ``stage: run`` marks an ``alarm`` / ``job`` / ``work`` start that ran (the
    scheduling is the event without it); ``action`` is the intent's action when there is one."""

    kind: Literal["component_start"] = "component_start"
    via: StartVia
    target_package: str
    component: str | None = None
    uri: str | None = None
    stage: StartStage | None = None
    action: str | None = None
    stack: list[str] | None = None


class NetRequest(BaseEvent):
    """Extension: the app or an SDK opened a connection (``URL.openConnection``, OkHttp's
    ``newCall``). It carries the stack a ``flow`` lacks; the engine pairs the two by host and time."""

    kind: Literal["net_request"] = "net_request"
    url: str
    host: str
    api: str | None = None
    stack: list[str] | None = None


class Phase(BaseEvent):
    """The scenario driver entered, reached, skipped or failed one phase (``first_launch``, ``decline``,
    ``deny``, ``grant``, ``shake_probe`` or a scenario's own name). ``reason`` says why a phase was
    skipped or failed; ``detail`` holds what the driver found (e.g. permissions granted through the device)."""

    kind: Literal["phase"] = "phase"
    name: str
    status: PhaseStatus
    reason: str | None = None
    detail: dict[str, Any] | None = None


class DialogSeen(BaseEvent):
    """Extension: the driver saw a dialog on the screen (``policy``, ``permission`` or an in-app
    ``rationale`` for a permission), whether or not it answered it. Its answer is a ``user_action tap``
    whose ``detail`` names the ``dialog`` and the ``answer``."""

    kind: Literal["dialog"] = "dialog"
    dialog: DialogKind
    phase: str | None = None


class NetConnect(BaseEvent):
    """Extension: a socket connection (``Socket.connect``, ``SocketChannel.connect``) or datagram
    (``DatagramSocket.send``) the app or an SDK opened, proxied or not. ``blocked``: the device refused
    it (a connection that tried to bypass the proxy; the virtual device refuses every connection that is
    not to the session's proxy, inside the JVM)."""

    kind: Literal["net_connect"] = "net_connect"
    host: str
    port: int
    proto: Literal["tcp", "udp"]
    via: str
    blocked: bool | None = None
    stack: list[str] | None = None


class FileBlocked(BaseEvent):
    """Virtual device: the app tried to write (``op``: ``write``, ``delete``) outside its data
    directory and was refused. Kept in the timeline; no rule judges it."""

    kind: Literal["file_blocked"] = "file_blocked"
    path: str
    op: Literal["write", "delete"]
    stack: list[str] | None = None


class TcfSignal(BaseEvent):
    """Extension: an IAB TCF v2.2 consent signal read or written (``IABTCF_*`` SharedPreferences)."""

    kind: Literal["tcf_signal"] = "tcf_signal"
    key: str
    value: str | int | None = None
    op: Literal["read", "write"]


class InstrumentationProbe(BaseEvent):
    """Extension: the app looked for instrumentation (an anti-Frida check), seen by the agent in libc:
    ``probe`` (``frida_file``: a path naming Frida; ``frida_port``: a connect to 27042/27043; ``proc_maps``:
    /proc/self/maps read, where Frida's library shows; ``thread_names``: /proc/self/task listed or read),
    ``target`` (the path, or ``:PORT``), ``via`` (the libc function), ``module`` (the library that called it)."""

    kind: Literal["instrumentation_probe"] = "instrumentation_probe"
    probe: str
    target: str
    via: str | None = None
    module: str | None = None


class HookRef(BaseModel):
    """One catalog entry: its ``id`` and the API it hooks (``package.Class.method``)."""

    id: str
    api: str


class HookFailure(HookRef):
    """A catalog entry (or one of its overloads) the agent skipped or could not hook, and why: a method or
    overload this platform lacks, a hook that threw. ``reason`` quotes platform or app text: untrusted."""

    reason: str


class HooksPending(BaseEvent):
    """Extension (``source: agent``): the catalog entries whose class no class loader of this process has
    shown yet, so nothing watches their API (an SDK the app does not have, or code it never loaded). Sent
    at the agent's init and again whenever one of them is installed; a process's last one holds what was
    never installed in it. No rule judges it: the report's coverage lists them (``hooks_never_installed``).
    ``failed``: the entries (or overloads) skipped or failed so far in this process (``hooks_failed``); None
    from an agent too old to say."""

    kind: Literal["hooks_pending"] = "hooks_pending"
    hooks: list[HookRef]
    failed: list[HookFailure] | None = None


class OtherEvent(BaseEvent):
    """An event of a kind this version does not know: kept and counted, never judged."""


KnownEvent = Annotated[
    SessionStart | AppLaunch | AppReset | AppState | Consent | UserAction | ApiCall
    | PermissionRequest | PermissionResult | Flow | ComponentStart | NetRequest | NetConnect | FileBlocked
    | TcfSignal | Phase | DialogSeen | Download | InstrumentationProbe | HooksPending,
    Field(discriminator="kind"),
]
Event = KnownEvent | OtherEvent

KNOWN_KINDS: frozenset[str] = frozenset(
    {"session_start", "app_launch", "app_reset", "app_state", "consent", "user_action", "api_call",
     "permission_request", "permission_result", "flow", "component_start", "net_request", "net_connect",
     "file_blocked", "tcf_signal", "phase", "dialog", "download", "instrumentation_probe", "hooks_pending"}
)
#: Kinds dynscan's own components write that no rule judges (kept, and not reported as unknown).
#: ``invalid_event``: an event that failed validation when it was stored (``reason``, and the original as ``event``).
#: ``process_kill``: the app called ``Process.killProcess`` on another process (``target_pid``, ``api``, ``stack``).
EXTENSION_KINDS: frozenset[str] = frozenset({"permission_check", "tls_failed", "proxy_dropped", "invalid_event",
                                             "tls_write", "tls_read", "process_kill"})

known_adapter: TypeAdapter[KnownEvent] = TypeAdapter(KnownEvent)


def parse_event(data: dict[str, Any]) -> Event:
    """Validate one event; raises ``pydantic.ValidationError`` on bad fields."""
    if data.get("kind") in KNOWN_KINDS:
        return known_adapter.validate_python(data)
    return OtherEvent.model_validate(data)


def event_json_schema() -> dict[str, Any]:
    """The JSON Schema of one timeline line (known kinds; other kinds pass as ``OtherEvent``)."""
    schema = TypeAdapter(KnownEvent | OtherEvent).json_schema()
    # An unknown kind is kept, but a known kind with bad fields is an error, not an "other" event.
    schema["$defs"]["OtherEvent"]["properties"]["kind"]["not"] = {"enum": sorted(KNOWN_KINDS)}
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "dynscan timeline event"
    return schema
